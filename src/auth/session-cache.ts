import pg from 'pg';
import type { Database, Db } from '../core/db.ts';
import type { SessionUser } from './sessions.ts';

/** The channel the triggers of migration 0110 notify on commit. */
export const SESSION_CHANNEL = 'fodfaeste_sessions';
/** An entry is trusted this long after last_seen_at: the idle timer is bumped once a minute anyway. */
const TRUST_MS = 60_000;
const RETRY_MIN_MS = 250;
const RETRY_MAX_MS = 5_000;
const HEARTBEAT_MS = 15_000;
/** The listener's application_name, so operators can tell it apart in pg_stat_activity. */
export const LISTENER_NAME = 'fodfaeste-session-listener';

interface Entry {
  user: SessionUser;
  expiresAt: number;
  lastSeenAt: number;
}

/**
 * Live sessions this process has just read from the database, keyed by the hash of
 * their id. It answers only while a listener hears the database's change
 * notifications (migration 0110); every eviction and every change of the listener
 * advances `epoch`, and a lookup that started before it does not store its
 * (possibly stale) answer.
 */
export class SessionCache {
  #entries = new Map<string, Entry>();
  #byUser = new Map<string, Set<string>>();
  #epoch = 0;
  #live = false;

  constructor(readonly maxEntries = 10_000) {}

  get live() {
    return this.#live;
  }

  get size() {
    return this.#entries.size;
  }

  /** The cached session, or null when it must be read (and its idle timer bumped) in the database. */
  get(hash: string, idleMinutes: number, now = Date.now()): SessionUser | null {
    if (!this.#live) return null;
    const e = this.#entries.get(hash);
    if (!e) return null;
    if (now >= e.expiresAt || now - e.lastSeenAt >= Math.min(TRUST_MS, idleMinutes * 60_000)) return null;
    return { ...e.user };
  }

  /** Taken before a database lookup and handed to put(). */
  ticket() {
    return this.#epoch;
  }

  put(ticket: number, user: SessionUser, expiresAt: Date | string, lastSeenAt: Date | string) {
    if (!this.#live || ticket !== this.#epoch) return;
    this.#remove(user.sessionHash);
    this.#entries.set(user.sessionHash, { user: { ...user }, expiresAt: new Date(expiresAt).getTime(), lastSeenAt: new Date(lastSeenAt).getTime() });
    const hashes = this.#byUser.get(user.userId) ?? new Set<string>();
    hashes.add(user.sessionHash);
    this.#byUser.set(user.userId, hashes);
    // Maps keep insertion order: the first key is the least recently read.
    if (this.#entries.size > this.maxEntries) this.#remove(this.#entries.keys().next().value!);
  }

  evictSession(hash: string) {
    this.#epoch++;
    this.#remove(hash);
  }

  evictUser(userId: string) {
    this.#epoch++;
    for (const hash of this.#byUser.get(userId) ?? []) this.#remove(hash);
  }

  clear() {
    this.#epoch++;
    this.#entries.clear();
    this.#byUser.clear();
  }

  /** Serves only while changes are heard; any change of that state forgets everything. */
  setLive(live: boolean) {
    this.clear();
    this.#live = live;
  }

  /** A payload of migration 0110: 's:<id_hash>', 'u:<user id>' or '*'. Anything else forgets all. */
  apply(payload: string) {
    if (payload.startsWith('s:')) this.evictSession(payload.slice(2));
    else if (payload.startsWith('u:')) this.evictUser(payload.slice(2));
    else this.clear();
  }

  #remove(hash: string) {
    const e = this.#entries.get(hash);
    if (!e) return;
    this.#entries.delete(hash);
    const hashes = this.#byUser.get(e.user.userId);
    hashes?.delete(hash);
    if (hashes?.size === 0) this.#byUser.delete(e.user.userId);
  }
}

interface Attached {
  cache: SessionCache;
  stop: () => Promise<void>;
  users: number;
}

// Per database (a Kysely instance), never shared between apps on different databases.
const attached = new WeakMap<Db, Attached>();

/** The cache findSession and the session writes use for this database, if one is attached. */
export const sessionCacheFor = (db: Db): SessionCache | undefined => attached.get(db)?.cache;

/**
 * Starts the cache of a database and its listener; apps on the same database share
 * them. Resolves after the first connection attempt (the cache serves once listening).
 * The returned function detaches; the last one stops the listener.
 */
export async function attachSessionCache(database: Database, log: (line: string) => void = () => {}): Promise<() => Promise<void>> {
  let entry = attached.get(database.db);
  if (!entry) {
    const cache = new SessionCache();
    const unsubscribeOwn = subscribeOwn(database, cache);
    // Registered before the first await, so apps built side by side share one listener.
    const listening = database.pglite ? listenPglite(database, cache) : listenPostgres(database.pool, cache, log);
    entry = { cache, users: 0, stop: async () => { unsubscribeOwn(); await (await listening)(); } };
    attached.set(database.db, entry);
    await listening.catch((err: unknown) => {
      attached.delete(database.db);
      unsubscribeOwn();
      throw err;
    });
  }
  entry.users++;
  let done = false;
  return async () => {
    if (done) return;
    done = true;
    if (--entry.users > 0) return;
    attached.delete(database.db);
    await entry.stop();
  };
}

function subscribeOwn(database: Database, cache: SessionCache) {
  const onOwn = (payload: string) => cache.apply(payload);
  database.ownNotifications?.on('notification', onOwn);
  return () => database.ownNotifications?.off('notification', onOwn);
}

/** PGlite is one connection in this process: notifications arrive with the COMMIT that caused them. */
async function listenPglite(database: Database, cache: SessionCache) {
  const unlisten = await database.pglite!.listen(SESSION_CHANNEL, (payload) => cache.apply(payload));
  cache.setLive(true);
  return async () => {
    cache.setLive(false);
    await unlisten().catch(() => {});
  };
}

/**
 * A connection of its own (outside the pool) that LISTENs. When it fails, the cache
 * stops serving and forgets everything, requests read sessions from the database
 * meanwhile, and it reconnects with backoff.
 */
async function listenPostgres(pool: pg.Pool, cache: SessionCache, log: (line: string) => void) {
  let stopped = false;
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | undefined;
  let heartbeat: NodeJS.Timeout | undefined;
  let delay = RETRY_MIN_MS;

  const down = (c: pg.Client, why: string) => {
    if (c !== client) return;
    client = null;
    clearInterval(heartbeat);
    if (cache.live) log(`Session cache paused (${why}); sessions are read from the database until it reconnects.`);
    cache.setLive(false);
    c.end().catch(() => {});
    if (stopped) return;
    retry = setTimeout(() => void connect(), delay);
    retry.unref();
    delay = Math.min(delay * 2, RETRY_MAX_MS);
  };

  const connect = async () => {
    // The pool's own settings (connection string, timeouts); queries time out so a silent network loss is noticed.
    const c = new pg.Client({ ...(pool.options as pg.ClientConfig), application_name: LISTENER_NAME, keepAlive: true, query_timeout: 5_000 });
    client = c;
    c.on('error', (err) => down(c, err.message));
    c.on('end', () => down(c, 'connection ended'));
    c.on('notification', (n) => {
      if (n.channel === SESSION_CHANNEL) cache.apply(n.payload ?? '*');
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${SESSION_CHANNEL}`);
    } catch (err) {
      down(c, (err as Error).message);
      return;
    }
    if (stopped || c !== client) return void c.end().catch(() => {});
    delay = RETRY_MIN_MS;
    cache.setLive(true);
    heartbeat = setInterval(() => c.query('SELECT 1').catch((err: Error) => down(c, err.message)), HEARTBEAT_MS);
    heartbeat.unref();
  };

  await connect();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    clearInterval(heartbeat);
    cache.setLive(false);
    const c = client;
    client = null;
    await c?.end().catch(() => {});
  };
}
