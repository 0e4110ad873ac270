import type { Db, Trx } from './db.ts';
import type { Actor } from './policy.ts';
import { batchWriterFor } from './audit-batch.ts';
import { appendToChain, chainOf, GENESIS, LEGACY_CHAIN, rowHash, type PendingAuditRow } from './audit-chain.ts';

export { chainOf, rowHash };

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
  /**
   * For a list or search: the young people shown in it. One row per list, not
   * one per person; each of them finds it in their access log ("Du stod på en
   * liste hos …"; GIN index, migration 0137).
   */
  subjectIds?: string[];
}

/**
 * Appends one audit row. Inside a transaction (`q.isTransaction`: writes) the row
 * joins the caller's transaction: if it fails, the change it records fails with
 * it. Outside one (reads) the row is handed to the database's group writer
 * (audit-batch.ts), which appends every row waiting for the same chain in one
 * statement; the call returns once that statement has committed, so the caller
 * sends data only after its access is on record. Either way a failed audit
 * write fails the request.
 */
export async function audit(q: Db | Trx, actor: Actor | null, entry: AuditEntry): Promise<void> {
  const row = auditRow(actor, entry);
  if (q.isTransaction) await appendToChain(q, [row]);
  else await batchWriterFor(q as Db).add(row);
}

/**
 * Many rows of one actor in the caller's transaction, a thousand per statement:
 * an import of thousands of records puts each on record without thousands of
 * round trips. The actor may have no user (the CLI), and is then put on record
 * as the partnership's system.
 */
export async function auditMany(trx: Trx, actor: { userId: string | null; partnershipId: string; role: string | null }, entries: AuditEntry[]): Promise<void> {
  const at = new Date();
  const rows: PendingAuditRow[] = entries.map((e) => ({
    chain: chainOf(actor.partnershipId), at, user_id: actor.userId, partnership_id: actor.partnershipId, role: actor.role,
    action: e.action, subject_kind: e.subjectKind, subject_id: e.subjectId ?? null, criterion: e.criterion ?? null, purpose: e.purpose,
  }));
  for (let i = 0; i < rows.length; i += 1000) await appendToChain(trx, rows.slice(i, i + 1000));
}

function auditRow(actor: Actor | null, entry: AuditEntry): PendingAuditRow {
  return {
    chain: chainOf(actor?.partnershipId ?? null),
    at: new Date(),
    user_id: actor?.userId ?? null,
    partnership_id: actor?.partnershipId ?? null,
    role: actor?.role ?? null,
    action: entry.action,
    subject_kind: entry.subjectKind,
    subject_id: entry.subjectId ?? null,
    criterion: entry.criterion ?? null,
    purpose: entry.purpose,
    subject_ids: entry.subjectIds?.length ? entry.subjectIds : null,
  };
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
