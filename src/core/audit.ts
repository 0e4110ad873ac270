import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db, Trx } from './db.ts';
import type { Actor } from './policy.ts';

export type AuditAction = 'read' | 'search' | 'create' | 'change' | 'export' | 'delete';

export interface AuditEntry {
  action: AuditAction;
  /** What kind of data: 'young_person', 'journal', 'screening', … */
  subjectKind: string;
  /** The data subject (a young person's id), or null for a search. */
  subjectId?: string | null;
  /** For searches: the criterion, never the matched names. */
  criterion?: string | null;
  /** Why the data is used, e.g. 'casework', 'placement_follow_up', 'own_data'. */
  purpose: string;
}

const GENESIS = '0'.repeat(64);
/** Rows without a partnership (system jobs, anonymous events) form their own chain. */
const SYSTEM_CHAIN = 'system';
/** Rows written before the chains were split per partnership: one chain up to audit_head.last_id. */
const LEGACY_CHAIN = 'legacy';

/** The chain a row belongs to: its partnership's, so writers in different partnerships never wait for each other. */
export const chainOf = (partnershipId: string | null) => partnershipId ?? SYSTEM_CHAIN;

/**
 * Appends one audit row inside the caller's transaction: if this write fails,
 * the access it records fails with it. Each partnership's rows are chained by
 * hash; a writer holds its chain's head row (not a global lock) until it
 * commits, so the chain has one order and other partnerships are not held up.
 * One statement: lock the head, draw the id, hash, insert the row, move the head.
 * The hash is rowHash() computed in SQL: sha256(prev_hash || canonical JSON),
 * where JS fixes everything after the id, and verifyAudit recomputes it in JS.
 */
export async function audit(trx: Trx, actor: Actor | null, entry: AuditEntry): Promise<void> {
  const chain = chainOf(actor?.partnershipId ?? null);
  const row = {
    at: new Date(),
    user_id: actor?.userId ?? null,
    partnership_id: actor?.partnershipId ?? null,
    role: actor?.role ?? null,
    action: entry.action,
    subject_kind: entry.subjectKind,
    subject_id: entry.subjectId ?? null,
    criterion: entry.criterion ?? null,
    purpose: entry.purpose,
  };
  // canonical(row) = '[' + id + ',' + tail: the id is drawn under the head's lock (ids rise along each chain).
  const tail = JSON.stringify(canonicalAfterId(row)).slice(1);
  for (let attempt = 0; ; attempt++) {
    // MATERIALIZED: nextval runs on the row the lock returned, i.e. once the lock is held.
    const { rows } = await sql<{ id: string }>`
      WITH head AS MATERIALIZED (
        SELECT last_hash FROM audit_chain_heads WHERE chain = ${chain} FOR UPDATE
      ), next AS MATERIALIZED (
        SELECT nextval('audit_log_id_seq') AS id, last_hash AS prev FROM head
      ), hashed AS MATERIALIZED (
        SELECT id, prev, encode(sha256(convert_to(prev || '[' || id::text || ',' || ${tail}::text, 'UTF8')), 'hex') AS hash FROM next
      ), added AS (
        INSERT INTO audit_log (id, at, user_id, partnership_id, role, action, subject_kind, subject_id, criterion, purpose, prev_hash, hash)
        SELECT id, ${row.at}::timestamptz, ${row.user_id}::uuid, ${row.partnership_id}::uuid, ${row.role}::text, ${row.action}::text,
          ${row.subject_kind}::text, ${row.subject_id}::uuid, ${row.criterion}::text, ${row.purpose}::text, prev, hash
        FROM hashed
      )
      UPDATE audit_chain_heads AS h SET last_id = hashed.id, last_hash = hashed.hash FROM hashed
      WHERE h.chain = ${chain}
      RETURNING h.last_id AS id`.execute(trx);
    if (rows.length) return;
    if (attempt > 0) throw new Error(`audit chain ${chain}: the head row could not be created`);
    // The chain's first row. A concurrent first writer wins the insert; we then wait on its lock above.
    await trx.insertInto('audit_chain_heads').values({ chain, last_id: 0, last_hash: GENESIS })
      .onConflict((oc) => oc.column('chain').doNothing()).execute();
  }
}

interface HashedRow {
  id: number;
  at: Date;
  user_id: string | null;
  partnership_id: string | null;
  role: string | null;
  action: string;
  subject_kind: string;
  subject_id: string | null;
  criterion: string | null;
  purpose: string;
}

/** The hashed content after the id, in a fixed order. */
function canonicalAfterId(r: Omit<HashedRow, 'id'>) {
  return [r.at.toISOString(), r.user_id, r.partnership_id, r.role, r.action, r.subject_kind, r.subject_id, r.criterion, r.purpose];
}

export function rowHash(prevHash: string, r: HashedRow): string {
  const canonical = JSON.stringify([r.id, ...canonicalAfterId(r)]);
  return createHash('sha256').update(prevHash).update(canonical).digest('hex');
}

export interface AuditVerification {
  ok: boolean;
  rows: number;
  problems: string[];
}

/**
 * Walks the rows in id order, following each chain (per partnership, 'system',
 * and the 'legacy' chain from before the split) from its start or from the last
 * row a retention purge removed; reports rows whose hash or link does not hold
 * and chains whose newest rows are missing.
 */
export async function verifyAudit(db: Db, onProgress?: (done: number) => void): Promise<AuditVerification> {
  const problems: string[] = [];
  const legacy = await db.selectFrom('audit_head').select(['last_id', 'last_hash']).where('id', '=', 1).executeTakeFirst();
  const legacyLast = legacy ? Number(legacy.last_id) : 0;
  // After a retention purge each cut chain starts at its last removed row (recorded by purge_audit_log).
  const purge = await db.selectFrom('audit_purges').select(['through_id']).orderBy('id', 'desc').limit(1).executeTakeFirst();
  const starts = await db.selectFrom('audit_purge_chains').select(['chain', 'through_id', 'through_hash'])
    .distinctOn('chain').orderBy('chain').orderBy('purge_id', 'desc').execute();
  const prev = new Map<string, string>(starts.map((s) => [s.chain, s.through_hash]));
  const lastOf = new Map<string, number>(starts.map((s) => [s.chain, Number(s.through_id)]));
  const seen = new Set<string>();
  let lastId = purge ? Number(purge.through_id) : 0;
  let count = 0;
  const pageSize = 5_000;
  for (;;) {
    const page = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('id', '>', lastId)
      .orderBy('id')
      .limit(pageSize)
      .execute();
    for (const r of page) {
      const chain = r.id <= legacyLast ? LEGACY_CHAIN : chainOf(r.partnership_id);
      seen.add(chain);
      if (r.prev_hash !== (prev.get(chain) ?? GENESIS)) problems.push(`row ${r.id}: link to the previous row is broken (a row before it was removed or changed)`);
      const expected = rowHash(r.prev_hash, r);
      if (expected !== r.hash) problems.push(`row ${r.id}: content does not match its hash (the row was edited)`);
      prev.set(chain, r.hash);
      lastOf.set(chain, r.id);
      lastId = r.id;
    }
    count += page.length;
    onProgress?.(count);
    if (page.length < pageSize) break;
  }
  const heads = await db.selectFrom('audit_chain_heads').select(['chain', 'last_id', 'last_hash']).execute();
  if (legacy) heads.push({ chain: LEGACY_CHAIN, last_id: legacy.last_id, last_hash: legacy.last_hash });
  for (const h of heads) {
    const end = lastOf.get(h.chain) ?? 0;
    if (end !== Number(h.last_id) || (prev.get(h.chain) ?? GENESIS) !== h.last_hash) {
      problems.push(`the newest rows are missing: chain ${h.chain} ends at row ${end}, but row ${h.last_id} was written`);
    }
  }
  const headed = new Set(heads.map((h) => h.chain));
  for (const chain of seen) if (!headed.has(chain)) problems.push(`the audit head is missing for chain ${chain}`);
  return { ok: problems.length === 0, rows: count, problems: problems.slice(0, 50) };
}
