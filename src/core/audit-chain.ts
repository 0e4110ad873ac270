import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db, Trx } from './db.ts';
import type { AuditAction } from './audit.ts';

export const GENESIS = '0'.repeat(64);
/** Rows without a partnership (system jobs, anonymous events) form their own chain. */
const SYSTEM_CHAIN = 'system';
/** Rows written before the chains were split per partnership: one chain up to audit_head.last_id. */
export const LEGACY_CHAIN = 'legacy';

/** The chain a row belongs to: its partnership's, so writers in different partnerships never wait for each other. */
export const chainOf = (partnershipId: string | null) => partnershipId ?? SYSTEM_CHAIN;

/** The row as stored, before the chain gives it an id and hashes. */
export type PendingAuditRow = Omit<HashedRow, 'id' | 'action'> & { chain: string; action: AuditAction };

/**
 * Appends rows of one chain, in the given order, in one statement. Each
 * partnership's rows are chained by hash; the statement locks its chain's head
 * row (not a global lock), so the chain has one order and other partnerships
 * are not held up. Under the lock it draws the ids (rising along the chain),
 * hashes row after row (a recursive CTE: sha256(prev_hash || canonical JSON),
 * where JS fixes everything after the id, and verifyAudit recomputes it in JS),
 * inserts the rows and moves the head.
 */
export async function appendToChain(q: Db | Trx, rows: PendingAuditRow[]): Promise<void> {
  const chain = rows[0].chain;
  // canonical(row) = '[' + id + ',' + tail
  const col = <K extends keyof PendingAuditRow>(k: K) => rows.map((r) => r[k]);
  const tails = rows.map((r) => JSON.stringify(canonicalAfterId(r)).slice(1));
  const ats = rows.map((r) => r.at.toISOString());
  for (let attempt = 0; ; attempt++) {
    // MATERIALIZED: nextval runs on rows joined to the row the lock returned, i.e. once the lock is held.
    const { rows: moved } = await sql<{ id: string }>`
      WITH RECURSIVE head AS MATERIALIZED (
        SELECT last_hash::text AS last_hash FROM audit_chain_heads WHERE chain = ${chain} FOR UPDATE
      ), ids AS MATERIALIZED (
        SELECT nextval('audit_log_id_seq') AS id FROM head, generate_series(1, ${rows.length}::int)
      ), input AS MATERIALIZED (
        SELECT i.n, i.id, t.tail, t.at, t.user_id, t.role, t.action, t.subject_kind, t.subject_id, t.criterion, t.purpose
        FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM ids) i
        JOIN unnest(${tails}::text[], ${ats}::timestamptz[], ${col('user_id')}::uuid[], ${col('role')}::text[], ${col('action')}::text[],
          ${col('subject_kind')}::text[], ${col('subject_id')}::uuid[], ${col('criterion')}::text[], ${col('purpose')}::text[])
          WITH ORDINALITY AS t(tail, at, user_id, role, action, subject_kind, subject_id, criterion, purpose, n) ON t.n = i.n
      ), chained(n, id, prev, hash) AS (
        SELECT 0::bigint, 0::bigint, NULL::text, last_hash FROM head
        UNION ALL
        SELECT r.n, r.id, c.hash, encode(sha256(convert_to(c.hash || '[' || r.id::text || ',' || r.tail, 'UTF8')), 'hex')
        FROM chained c JOIN input r ON r.n = c.n + 1
      ), added AS (
        INSERT INTO audit_log (id, at, user_id, partnership_id, role, action, subject_kind, subject_id, criterion, purpose, prev_hash, hash)
        SELECT r.id, r.at, r.user_id, ${rows[0].partnership_id}::uuid, r.role, r.action, r.subject_kind, r.subject_id, r.criterion, r.purpose, c.prev, c.hash
        FROM chained c JOIN input r ON r.n = c.n
      )
      UPDATE audit_chain_heads AS h SET last_id = last.id, last_hash = last.hash
      FROM (SELECT id, hash FROM chained ORDER BY n DESC LIMIT 1) AS last
      WHERE h.chain = ${chain}
      RETURNING h.last_id AS id`.execute(q);
    if (moved.length) return;
    if (attempt > 0) throw new Error(`audit chain ${chain}: the head row could not be created`);
    // The chain's first row. A concurrent first writer wins the insert; we then wait on its lock above.
    await q.insertInto('audit_chain_heads').values({ chain, last_id: 0, last_hash: GENESIS })
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

