import type { Trx } from '../core/db.ts';
import type { Role } from '../core/policy.ts';

/** What each feature's demo seed receives: the transaction and what earlier seeds made. */
export interface SeedContext {
  trx: Trx;
  partnershipId: string;
  /** A second partnership, so tenancy can be seen and tested with demo data. */
  otherPartnershipId: string;
  /** The demo login user for each role. */
  users: Record<Role, string>;
  /** Ids that later seeds may use: filled by earlier seeds under their feature's name. */
  refs: Record<string, string[]>;
  /** A deterministic random source, so the demo is the same every time. */
  random: () => number;
  progress: (label: string) => void;
  /** The demo's "today", so seeded dates look current. */
  today: Date;
}

export type Seed = (ctx: SeedContext) => Promise<void>;

/** Mulberry32: small, fast, deterministic. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
