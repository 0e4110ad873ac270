import { sql } from 'kysely';
import type { Db, Trx } from '../core/db.ts';
import { badRequest } from '../core/errors.ts';
import { infoItem } from './items.ts';

export type RecipientKind = 'company' | 'mentor' | 'association' | 'network';
export interface Recipient {
  kind: RecipientKind;
  id: string;
}

/** The items a young person currently shares with one recipient. Read on every request: a revoke applies at once. */
export async function sharedItems(db: Db | Trx, youngPersonId: string, recipient: Recipient): Promise<Set<string>> {
  const rows = await db
    .selectFrom('consent_events')
    .select(['item', 'granted'])
    .distinctOn('item')
    .where('young_person_id', '=', youngPersonId)
    .where('recipient_kind', '=', recipient.kind)
    .where('recipient_id', '=', recipient.id)
    .orderBy('item')
    .orderBy('id', 'desc')
    .execute();
  return new Set(rows.filter((r) => r.granted).map((r) => r.item));
}

/** Current state for every recipient of one young person (for "Hvem må se hvad"). */
export async function consentState(db: Db | Trx, youngPersonId: string) {
  const { rows } = await sql<{ recipient_kind: RecipientKind; recipient_id: string; item: string; granted: boolean; changed_at: Date }>`
    SELECT DISTINCT ON (recipient_kind, recipient_id, item) recipient_kind, recipient_id, item, granted, changed_at
    FROM consent_events WHERE young_person_id = ${youngPersonId}
    ORDER BY recipient_kind, recipient_id, item, id DESC`.execute(db);
  return rows;
}

export interface ConsentChange {
  partnershipId: string;
  youngPersonId: string;
  recipient: Recipient;
  item: string;
  granted: boolean;
  purpose: string;
  changedBy: string | null;
}

/** Appends one change to the ledger, recording the wording version the young person saw. */
export async function recordConsent(trx: Trx, c: ConsentChange) {
  const item = infoItem(c.item);
  if (!item) throw badRequest(`Ukendt oplysning: ${c.item}`);
  await trx
    .insertInto('consent_events')
    .values({
      partnership_id: c.partnershipId,
      young_person_id: c.youngPersonId,
      recipient_kind: c.recipient.kind,
      recipient_id: c.recipient.id,
      item: c.item,
      granted: c.granted,
      purpose: c.purpose,
      wording_version: item.version,
      changed_by: c.changedBy,
    })
    .execute();
}
