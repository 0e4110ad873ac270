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
 * Appends rows, of one chain or several, in the given order per chain, in one
 * statement. Each partnership's rows are chained by hash; the statement locks
 * the heads of the chains it writes (in chain order, so two writers never wait
 * for each other in a circle), not a global lock, so other partnerships are not
 * held up. Under a chain's lock it draws that chain's ids (rising along the
 * chain), hashes row after row (a recursive CTE: sha256(prev_hash || canonical
 * JSON), where JS fixes everything after the id, and verifyAudit recomputes it
 * in JS), inserts the rows and moves the heads. One statement for many chains is
 * one commit flush for all of them: reads' rows from every partnership go
 * together (audit-batch.ts).
 */
export async function appendToChain(q: Db | Trx, rows: PendingAuditRow[]): Promise<void> {
  for (let attempt = 0; rows.length; attempt++) {
    const moved = new Set(await appendStatement(q, rows));
    const headless = [...new Set(rows.map((r) => r.chain))].filter((c) => !moved.has(c));
    if (!headless.length) return;
    if (attempt > 0) throw new Error(`audit chain ${headless.join(', ')}: the head row could not be created`);
    // A chain's first row. A concurrent first writer wins the insert; we then wait on its lock.
    await q.insertInto('audit_chain_heads').values(headless.map((chain) => ({ chain, last_id: 0, last_hash: GENESIS })))
      .onConflict((oc) => oc.column('chain').doNothing()).execute();
    rows = rows.filter((r) => !moved.has(r.chain));
  }
}

/** The chains whose heads moved; rows of a chain without a head row are not written. */
async function appendStatement(q: Db | Trx, rows: PendingAuditRow[]): Promise<string[]> {
  const col = <K extends keyof PendingAuditRow>(k: K) => rows.map((r) => r[k]);
  // canonical(row) = '[' + id + ',' + tail
  const tails = rows.map((r) => JSON.stringify(canonicalAfterId(r)).slice(1));
  const ats = rows.map((r) => r.at.toISOString());
  // A list's ids travel as one array literal per row (unnest cannot take an array of arrays of different lengths).
  const lists = rows.map((r) => (r.subject_ids?.length ? `{${r.subject_ids.join(',')}}` : null));
  // MATERIALIZED: nextval runs on rows joined to the heads the lock returned, i.e. once the lock is held;
  // within a chain the ids are then ranked and matched to the rows in their given order.
  const { rows: moved } = await sql<{ chain: string }>`
    WITH RECURSIVE given AS MATERIALIZED (
      SELECT t.*, row_number() OVER (PARTITION BY t.chain ORDER BY t.ord) AS n
      FROM unnest(${col('chain')}::text[], ${tails}::text[], ${ats}::timestamptz[], ${col('user_id')}::uuid[], ${col('partnership_id')}::uuid[],
        ${col('role')}::text[], ${col('action')}::text[], ${col('subject_kind')}::text[], ${col('subject_id')}::uuid[], ${col('criterion')}::text[], ${col('purpose')}::text[],
        ${lists}::text[])
        WITH ORDINALITY AS t(chain, tail, at, user_id, partnership_id, role, action, subject_kind, subject_id, criterion, purpose, subject_ids, ord)
    ), head AS MATERIALIZED (
      SELECT chain, last_hash::text AS last_hash FROM audit_chain_heads WHERE chain IN (SELECT chain FROM given) ORDER BY chain FOR UPDATE
    ), ids AS MATERIALIZED (
      SELECT g.chain, nextval('audit_log_id_seq') AS id FROM head h JOIN given g ON g.chain = h.chain
    ), input AS MATERIALIZED (
      SELECT g.*, i.id FROM given g
      JOIN (SELECT chain, id, row_number() OVER (PARTITION BY chain ORDER BY id) AS n FROM ids) i ON i.chain = g.chain AND i.n = g.n
    ), chained(chain, n, id, prev, hash) AS (
      SELECT chain, 0::bigint, 0::bigint, NULL::text, last_hash FROM head
      UNION ALL
      SELECT r.chain, r.n, r.id, c.hash, encode(sha256(convert_to(c.hash || '[' || r.id::text || ',' || r.tail, 'UTF8')), 'hex')
      FROM chained c JOIN input r ON r.chain = c.chain AND r.n = c.n + 1
    ), added AS (
      INSERT INTO audit_log (id, at, user_id, partnership_id, role, action, subject_kind, subject_id, criterion, purpose, subject_ids, prev_hash, hash)
      SELECT r.id, r.at, r.user_id, r.partnership_id, r.role, r.action, r.subject_kind, r.subject_id, r.criterion, r.purpose, r.subject_ids::uuid[], c.prev, c.hash
      FROM chained c JOIN input r ON r.chain = c.chain AND r.n = c.n
    )
    UPDATE audit_chain_heads AS h SET last_id = last.id, last_hash = last.hash
    FROM (SELECT DISTINCT ON (chain) chain, id, hash FROM chained ORDER BY chain, n DESC) AS last
    WHERE h.chain = last.chain
    RETURNING h.chain`.execute(q);
  return moved.map((m) => m.chain);
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
  /** The young people in a list (migration 0137); absent or null for any other row. */
  subject_ids?: string[] | null;
}

/** The hashed content after the id, in a fixed order; a list's ids are hashed too, and rows without them hash as before 0137. */
function canonicalAfterId(r: Omit<HashedRow, 'id'>) {
  const base: unknown[] = [r.at.toISOString(), r.user_id, r.partnership_id, r.role, r.action, r.subject_kind, r.subject_id, r.criterion, r.purpose];
  if (r.subject_ids?.length) base.push(r.subject_ids);
  return base;
}

export function rowHash(prevHash: string, r: HashedRow): string {
  const canonical = JSON.stringify([r.id, ...canonicalAfterId(r)]);
  return createHash('sha256').update(prevHash).update(canonical).digest('hex');
}

