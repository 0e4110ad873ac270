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
const AUDIT_LOCK = 7_301_002;

/**
 * Appends one audit row inside the caller's transaction: if this write fails,
 * the access it records fails with it. Rows are chained by hash, and writers
 * take a transaction-scoped lock so the chain has one order.
 */
export async function audit(trx: Trx, actor: Actor | null, entry: AuditEntry): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${AUDIT_LOCK})`.execute(trx);
  const head = await trx.selectFrom('audit_head').select(['last_hash']).where('id', '=', 1).executeTakeFirst();
  const prevHash = head?.last_hash ?? GENESIS;
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
  // The id is drawn first so the hash can cover it and the row is written once (UPDATE is forbidden).
  const { rows } = await sql<{ id: number }>`SELECT nextval('audit_log_id_seq')::int8 AS id`.execute(trx);
  const id = Number(rows[0].id);
  const hash = rowHash(prevHash, { ...row, id });
  await trx.insertInto('audit_log').values({ ...row, id, prev_hash: prevHash, hash }).execute();
  await trx
    .insertInto('audit_head')
    .values({ id: 1, last_id: id, last_hash: hash })
    .onConflict((oc) => oc.column('id').doUpdateSet({ last_id: id, last_hash: hash }))
    .execute();
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

export function rowHash(prevHash: string, r: HashedRow): string {
  const canonical = JSON.stringify([
    r.id,
    r.at.toISOString(),
    r.user_id,
    r.partnership_id,
    r.role,
    r.action,
    r.subject_kind,
    r.subject_id,
    r.criterion,
    r.purpose,
  ]);
  return createHash('sha256').update(prevHash).update(canonical).digest('hex');
}

export interface AuditVerification {
  ok: boolean;
  rows: number;
  problems: string[];
}

/** Walks the chain in id order; reports the first rows whose hash or link does not hold. */
export async function verifyAudit(db: Db, onProgress?: (done: number) => void): Promise<AuditVerification> {
  const problems: string[] = [];
  // After a retention purge the chain starts at the last removed row (recorded by purge_audit_log).
  const purge = await db.selectFrom('audit_purges').select(['through_id', 'through_hash']).orderBy('id', 'desc').limit(1).executeTakeFirst();
  let prev = purge?.through_hash ?? GENESIS;
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
      if (r.prev_hash !== prev) problems.push(`row ${r.id}: link to the previous row is broken (a row before it was removed or changed)`);
      const expected = rowHash(r.prev_hash, r);
      if (expected !== r.hash) problems.push(`row ${r.id}: content does not match its hash (the row was edited)`);
      prev = r.hash;
      lastId = r.id;
    }
    count += page.length;
    onProgress?.(count);
    if (page.length < pageSize) break;
  }
  const head = await db.selectFrom('audit_head').selectAll().executeTakeFirst();
  if (head && (head.last_id !== lastId || head.last_hash !== prev)) {
    problems.push(`the newest rows are missing: the log ends at row ${lastId}, but row ${head.last_id} was written`);
  }
  if (!head && count > 0) problems.push('the audit head is missing');
  return { ok: problems.length === 0, rows: count, problems: problems.slice(0, 50) };
}
