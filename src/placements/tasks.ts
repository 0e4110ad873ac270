import type { Db, Trx } from '../core/db.ts';
import type { Task } from './schemas.ts';

/**
 * General tasks on a counsellor's dashboard (table `tasks`, migration 0011).
 * Reusable by any feature: a concern from a company, a mentor review, a reminder.
 * assigneeId null = anyone in the partnership's team may take it.
 */
export interface NewTask {
  partnershipId: string;
  assigneeId: string | null;
  /** A short machine word: 'company_concern', 'call_me', 'mentor_review', … */
  kind: string;
  title: string;
  body?: string | null;
  youngPersonId?: string | null;
  placementId?: string | null;
  createdBy?: string | null;
  dueAt?: Date | null;
}

export async function createTask(trx: Trx, t: NewTask): Promise<string> {
  const row = await trx.insertInto('tasks').values({
    partnership_id: t.partnershipId, assignee_id: t.assigneeId, kind: t.kind, title: t.title.slice(0, 200), body: t.body ?? null,
    young_person_id: t.youngPersonId ?? null, placement_id: t.placementId ?? null, created_by: t.createdBy ?? null, due_at: t.dueAt ?? null,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Open tasks for one user: assigned to them, or to nobody in particular. Oldest first. */
export async function openTasksFor(db: Db | Trx, partnershipId: string, userId: string): Promise<Task[]> {
  const rows = await db.selectFrom('tasks as t').leftJoin('users as u', 'u.id', 't.created_by')
    .selectAll('t').select('u.name as created_by_name')
    .where('t.partnership_id', '=', partnershipId).where('t.done_at', 'is', null)
    .where((eb) => eb.or([eb('t.assignee_id', '=', userId), eb('t.assignee_id', 'is', null)]))
    .orderBy('t.created_at').limit(200).execute();
  return rows.map(presentTask);
}

export function presentTask(t: {
  id: string; kind: string; title: string; body: string | null; young_person_id: string | null; placement_id: string | null;
  assignee_id: string | null; created_by_name?: string | null; created_at: Date | string; due_at: Date | string | null; done_at: Date | string | null;
}): Task {
  const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
  return {
    id: t.id, kind: t.kind, title: t.title, body: t.body, youngPersonId: t.young_person_id, placementId: t.placement_id,
    assigneeId: t.assignee_id, createdByName: t.created_by_name ?? null, createdAt: iso(t.created_at)!, dueAt: iso(t.due_at), doneAt: iso(t.done_at),
  };
}

/** Marks a task done; false when it is not in the partnership or already done. */
export async function completeTask(trx: Trx, partnershipId: string, taskId: string, userId: string): Promise<boolean> {
  const r = await trx.updateTable('tasks').set({ done_at: new Date(), done_by: userId })
    .where('id', '=', taskId).where('partnership_id', '=', partnershipId).where('done_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
