import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import type { Db } from '../core/db.ts';
import { AppError } from '../core/errors.ts';
import { isEncrypted, secretsFor } from '../core/secrets.ts';

/**
 * Idempotency-Key on POST: the first response to a (user, key) is stored, and a
 * retry with the same key and the same request gets that response again
 * (header `idempotent-replayed: true`) instead of running the route twice.
 *
 * - Only 2xx responses are stored; after a 4xx/5xx the key is released so the
 *   client can correct the request and retry with the same key.
 * - The same key with another method, path or body is refused (422).
 * - While the first request is still running, a retry gets 409 with Retry-After.
 * - Keys belong to one user and expire after 24 hours.
 * - The stored response is encrypted (AES-256-GCM under SECRETS_KEY, bound to
 *   the user and key), because a response may carry special-category text
 *   (a journal entry about a diagnosis). The row names the people it concerns
 *   (`subject_ids`: every id in the path, request and response), so erasure and
 *   retention remove it with the person (src/ops/erasure.ts; issue #22).
 *
 * Limitation (documented in docs/security.md): the response is stored after
 * the route's own transaction committed; if the process dies in between, the
 * key stays "in progress" (409) until it expires, which never creates twice.
 */
export const IDEMPOTENCY_HEADER = 'idempotency-key';
const TTL_HOURS = 24;
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

interface Pending {
  userId: string;
  key: string;
  subjectIds: string[];
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
/** Every id in the texts: the people (and records) a stored request and response concern. */
export const idsIn = (...texts: string[]) => [...new Set(texts.flatMap((t) => t.match(UUID) ?? []).map((id) => id.toLowerCase()))];
const boxContext = (userId: string, key: string) => `idempotency:${userId}:${key}`;
const boxOf = (req: FastifyRequest) => secretsFor(req.server.deps.config);
const pending = new WeakMap<FastifyRequest, Pending>();

/** JSON with object keys sorted, so {a,b} and {b,a} are the same request. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const requestHash = (req: FastifyRequest) =>
  createHash('sha256').update(`${req.method} ${req.url}\n${canonicalJson(req.body ?? null)}`).digest('hex');

/** preHandler: claims the key, or answers from the stored first response. */
export async function idempotencyPreHandler(db: Db, req: FastifyRequest, reply: FastifyReply) {
  if (req.method !== 'POST' || !req.session) return;
  const header = req.headers[IDEMPOTENCY_HEADER];
  if (header === undefined) return;
  const key = Array.isArray(header) ? header[0] : header;
  if (!KEY_PATTERN.test(key)) {
    throw new AppError(400, 'idempotency_key_invalid', 'Idempotency-Key skal være 1–255 synlige tegn uden mellemrum.');
  }
  const userId = req.session.userId;
  const hash = requestHash(req);
  const subjectIds = idsIn(req.url, canonicalJson(req.body ?? null));
  await db.deleteFrom('idempotency_keys').where('user_id', '=', userId).where('key', '=', key).where('expires_at', '<', new Date()).execute();
  const claimed = await db
    .insertInto('idempotency_keys')
    .values({ user_id: userId, key, request_hash: hash, method: req.method, path: req.url, subject_ids: subjectIds, expires_at: new Date(Date.now() + TTL_HOURS * 3_600_000) })
    .onConflict((oc) => oc.columns(['user_id', 'key']).doNothing())
    .returning('key')
    .executeTakeFirst();
  if (claimed) {
    pending.set(req, { userId, key, subjectIds });
    return;
  }
  const first = await db.selectFrom('idempotency_keys').selectAll().where('user_id', '=', userId).where('key', '=', key).executeTakeFirst();
  if (!first) throw new AppError(409, 'idempotency_in_progress', 'Forespørgslen med denne Idempotency-Key behandles allerede. Prøv igen om lidt.', undefined, { 'retry-after': '1' });
  if (first.request_hash !== hash) {
    throw new AppError(422, 'idempotency_key_reused', 'Denne Idempotency-Key er allerede brugt til en anden forespørgsel. Brug en ny nøgle til en ny forespørgsel.');
  }
  if (first.status_code === null) {
    throw new AppError(409, 'idempotency_in_progress', 'Forespørgslen med denne Idempotency-Key behandles allerede. Prøv igen om lidt.', undefined, { 'retry-after': '1' });
  }
  reply.header('idempotent-replayed', 'true');
  if (first.content_type) reply.header('content-type', first.content_type);
  reply.status(first.status_code);
  const stored = first.response_body ?? '';
  // Rows from before migration 0136 hold the body in clear until they expire.
  return reply.send(isEncrypted(stored) ? boxOf(req).decrypt(stored, boxContext(userId, key)) : stored);
}

/** onSend: stores a 2xx response for the claimed key, or releases the key. */
export async function idempotencyOnSend(db: Db, req: FastifyRequest, reply: FastifyReply, payload: unknown) {
  const claim = pending.get(req);
  if (!claim) return;
  pending.delete(req);
  const where = db.updateTable('idempotency_keys').where('user_id', '=', claim.userId).where('key', '=', claim.key);
  const body = typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : payload == null ? '' : null;
  if (reply.statusCode >= 200 && reply.statusCode < 300 && body !== null) {
    const contentType = reply.getHeader('content-type');
    await where.set({
      status_code: reply.statusCode, content_type: contentType ? String(contentType) : null,
      response_body: boxOf(req).encrypt(body, boxContext(claim.userId, claim.key)),
      subject_ids: idsIn(body, ...claim.subjectIds),
    }).execute();
  } else {
    await db.deleteFrom('idempotency_keys').where('user_id', '=', claim.userId).where('key', '=', claim.key).execute();
  }
}

/** Drops expired keys (run by the daily maintenance job). Returns how many. */
export async function purgeExpiredIdempotencyKeys(db: Db, now = new Date()): Promise<number> {
  const res = await sql`DELETE FROM idempotency_keys WHERE expires_at < ${now}`.execute(db);
  return Number(res.numAffectedRows ?? 0);
}
