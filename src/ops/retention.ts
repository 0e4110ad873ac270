import { sql } from 'kysely';
import type { Config } from '../core/config.ts';
import type { Db } from '../core/db.ts';
import { audit } from '../core/audit.ts';
import { purgeExpiredSessions } from '../auth/sessions.ts';
import { purgeExpiredIdempotencyKeys } from '../security/idempotency.ts';
import { eraseYoungPerson } from './erasure.ts';

const monthsBefore = (now: Date, months: number) => {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
};

/**
 * Young people whose pathway ended before `cutoff` and who are not yet
 * anonymised. The end is the recorded outcome date, else the newest 'end'
 * pathway event. Features with their own notion of "still in contact" extend
 * this query (one place), so a person in an active mentorship is not touched.
 */
export async function youngPeopleDueForAnonymisation(db: Db, cutoff: Date): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    SELECT yp.id FROM young_people yp
    WHERE yp.stage = 'ended'
      AND NOT EXISTS (SELECT 1 FROM young_people_anonymised a WHERE a.young_person_id = yp.id)
      AND coalesce(yp.outcome_date::timestamptz,
        (SELECT max(e.changed_at) FROM pathway_events e WHERE e.young_person_id = yp.id AND e.kind = 'end')) < ${cutoff}
    ORDER BY yp.id`.execute(db);
  return rows.map((r) => r.id);
}

/** Anonymises each due young person in its own transaction, with an audit row. */
export async function anonymiseEndedPathways(db: Db, months: number, now = new Date()): Promise<number> {
  const due = await youngPeopleDueForAnonymisation(db, monthsBefore(now, months));
  for (const id of due) {
    await db.transaction().execute(async (trx) => {
      await eraseYoungPerson(trx, id, 'anonymise');
      await audit(trx, null, { action: 'delete', subjectKind: 'young_person', subjectId: id, purpose: 'retention_anonymised' });
    });
  }
  return due.length;
}

/** Removes audit rows older than `months` through purge_audit_log (see migrations/0061_retention.sql). */
export async function purgeAuditLog(db: Db, months: number, now = new Date()): Promise<number> {
  const { rows } = await sql<{ n: string }>`SELECT purge_audit_log(${monthsBefore(now, months)}) AS n`.execute(db);
  return Number(rows[0].n);
}

export interface RetentionResult {
  anonymised: number;
  auditRowsPurged: number;
  idempotencyKeysPurged: number;
}

/** The daily job: retention of young people and the audit log, plus expired sessions and idempotency keys. */
export async function runRetention(db: Db, config: Pick<Config, 'RETENTION_YOUTH_MONTHS' | 'AUDIT_RETENTION_MONTHS'>, now = new Date()): Promise<RetentionResult> {
  const anonymised = await anonymiseEndedPathways(db, config.RETENTION_YOUTH_MONTHS, now);
  const auditRowsPurged = await purgeAuditLog(db, config.AUDIT_RETENTION_MONTHS, now);
  // `now` throughout, so the job can be run on aged data with an injected clock (test/security/data-lifetime.test.ts).
  await purgeExpiredSessions(db, { now: () => now });
  const idempotencyKeysPurged = await purgeExpiredIdempotencyKeys(db, now);
  return { anonymised, auditRowsPurged, idempotencyKeysPurged };
}
