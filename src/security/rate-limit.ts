import { AppError } from '../core/errors.ts';
import { systemClock, type Clock } from '../core/clock.ts';

/**
 * In-process token buckets. Each key (an IP address or a user id) has a bucket
 * holding at most `perMinute` tokens that refills at perMinute/60 tokens a
 * second; a request takes one token, and an empty bucket answers 429 with the
 * seconds until the next token as Retry-After.
 *
 * The limits are per app process: with N processes behind a load balancer a
 * client can get up to N times the limit. That is accepted (docs/security.md):
 * the purpose is to keep one process from being swamped, not exact quotas.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly ratePerMs: number;

  constructor(
    readonly perMinute: number,
    /** Bounds memory under a flood of distinct keys: the least recently used are dropped. */
    private readonly maxKeys = 50_000,
    private readonly now: () => number = Date.now,
  ) {
    this.ratePerMs = perMinute / 60_000;
  }

  /** Takes a token; returns 0 when allowed, else the seconds to wait. */
  take(key: string): number {
    if (this.perMinute <= 0) return 0;
    const now = this.now();
    const b = this.buckets.get(key);
    let tokens = this.perMinute;
    if (b) {
      tokens = Math.min(this.perMinute, b.tokens + (now - b.at) * this.ratePerMs);
      this.buckets.delete(key); // re-inserted below: Map order is then least recently used first
    }
    if (tokens < 1) {
      this.buckets.set(key, { tokens, at: now });
      return Math.max(1, Math.ceil((1 - tokens) / this.ratePerMs / 1000));
    }
    this.buckets.set(key, { tokens: tokens - 1, at: now });
    if (this.buckets.size > this.maxKeys) {
      const oldest = this.buckets.keys().next().value;
      if (oldest !== undefined) this.buckets.delete(oldest);
    }
    return 0;
  }

  get size() {
    return this.buckets.size;
  }
}

export const tooManyRequests = (seconds: number) =>
  new AppError(
    429,
    'rate_limited',
    `Der kommer for mange forespørgsler lige nu. Vent ${seconds} ${seconds === 1 ? 'sekund' : 'sekunder'}, og prøv igen.`,
    undefined,
    { 'retry-after': String(seconds) },
  );

export interface RateLimiter {
  byIp: TokenBuckets;
  byUser: TokenBuckets;
  /** Throws 429 when the IP has used up its requests. Health checks are never limited. */
  checkIp(ip: string, url: string): void;
  /** Throws 429 when the logged-in user has used up their requests. */
  checkUser(userId: string): void;
}

export function createRateLimiter(opts: { ipPerMinute: number; userPerMinute: number; clock?: Clock }): RateLimiter {
  const clock = opts.clock ?? systemClock;
  const now = () => clock.now().getTime();
  const byIp = new TokenBuckets(opts.ipPerMinute, undefined, now);
  const byUser = new TokenBuckets(opts.userPerMinute, undefined, now);
  return {
    byIp,
    byUser,
    checkIp(ip, url) {
      if (url === '/healthz' || url === '/readyz') return;
      const wait = byIp.take(ip);
      if (wait) throw tooManyRequests(wait);
    },
    checkUser(userId) {
      const wait = byUser.take(userId);
      if (wait) throw tooManyRequests(wait);
    },
  };
}
