import type { Trx } from '../core/db.ts';
import type { Stage } from './domain.ts';
import type { ScreeningBody } from './schemas.ts';

/**
 * Moves a young person's pathway because something happened elsewhere (a first
 * screening with content, a placement that starts), in the caller's transaction,
 * with the reason in the pathway history. An ended pathway and one already at the
 * stage are left alone; the counsellor's own stage changes go through PATCH /pathway.
 */
export async function followPathway(trx: Trx, youngPersonId: string, to: Stage, note: string, userId: string, onlyFrom?: readonly Stage[]): Promise<boolean> {
  const yp = await trx.selectFrom('young_people').select('stage').where('id', '=', youngPersonId).forUpdate().executeTakeFirst();
  if (!yp) return false;
  const from = yp.stage as Stage;
  if (from === 'ended' || from === to || (onlyFrom && !onlyFrom.includes(from))) return false;
  await trx.updateTable('young_people').set((eb) => ({ stage: to, version: eb('version', '+', 1), updated_at: new Date() })).where('id', '=', youngPersonId).execute();
  await trx.insertInto('pathway_events').values({ young_person_id: youngPersonId, kind: 'stage', from_stage: from, to_stage: to, note, changed_by: userId }).execute();
  return true;
}

/** Whether a screening says anything: a form saved with every field empty is not a first screening. */
export function screeningHasContent(b: ScreeningBody): boolean {
  const { baseVersion: _base, ...fields } = b;
  return Object.values(fields).some((v) => (Array.isArray(v) ? v.length > 0 : typeof v === 'string' ? v.trim() !== '' : v !== null && v !== undefined));
}
