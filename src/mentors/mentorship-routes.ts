import { Type } from '@sinclair/typebox';
import type { App } from '../core/app-types.ts';
import { actorOf } from '../core/actor.ts';
import { audit } from '../core/audit.ts';
import type { Queryable, Trx } from '../core/db.ts';
import { authorize, type Actor } from '../core/policy.ts';
import { badRequest, conflict } from '../core/errors.ts';
import { ErrorResponse } from '../auth/schemas.ts';
import { IdParams } from '../lifeline/schemas.ts';
import { localToInstant, toLocal, addDays } from '../lifeline/zoned-time.ts';
import { presentYoungPerson, type Viewer } from '../youth/presenter.ts';
import { findYoungPerson } from '../youth/queries.ts';
import { mentorPermissions as P } from './policy.ts';
import { addReviewTask, createMentorship, REVIEW_MONTHS } from './mentorships.ts';
import { addMonths, findMentorship, type MentorshipRow } from './queries.ts';
import { FirstMeetingBody, MentorshipCreate, MentorshipListQuery, MentorshipView, NoteBody, ReviewBody, ReviewDue } from './schemas.ts';

const viewerOf = (actor: Actor): Viewer => (actor.role === 'volunteer_mentor' ? { actor, recipient: { kind: 'mentor', id: actor.userId } } : { actor });

async function closeReviewTask(trx: Trx, ms: MentorshipRow, doneBy: string) {
  await trx.updateTable('tasks').set({ done_at: new Date(), done_by: doneBy })
    .where('kind', '=', 'mentor_review').where('young_person_id', '=', ms.young_person_id).where('done_at', 'is', null)
    .where('due_at', '=', localToInstant(ms.next_review_on, '09:00')).execute();
}

type Reviews = Map<string, MentorshipView['reviews']>;
type Notes = Map<string, (Omit<MentorshipView['notes'][number], 'mine'> & { writtenBy: string | null })[]>;

/** Reviews and meeting notes of several mentorships, two queries for all of them. */
async function historyOf(q: Queryable, ids: string[]): Promise<{ reviews: Reviews; notes: Notes }> {
  const reviews: Reviews = new Map(ids.map((id) => [id, []]));
  const notes: Notes = new Map(ids.map((id) => [id, []]));
  if (!ids.length) return { reviews, notes };
  const [r, n] = [
    await q.selectFrom('mentorship_reviews').select(['mentorship_id', 'reviewed_on', 'decision', 'reason']).where('mentorship_id', 'in', ids).orderBy('reviewed_on').execute(),
    await q.selectFrom('mentorship_notes').select(['mentorship_id', 'id', 'met_on', 'note', 'written_by']).where('mentorship_id', 'in', ids).orderBy('met_on', 'desc').execute(),
  ];
  for (const x of r) reviews.get(x.mentorship_id)!.push({ reviewedOn: x.reviewed_on, decision: x.decision, reason: x.reason });
  for (const x of n) notes.get(x.mentorship_id)!.push({ id: x.id, metOn: x.met_on, note: x.note, writtenBy: x.written_by });
  return { reviews, notes };
}

async function view(trx: Queryable, actor: Actor, ms: MentorshipRow, history?: { reviews: Reviews; notes: Notes }) {
  const mentee = await presentYoungPerson(trx, viewerOf(actor), await findYoungPerson(trx, actor.partnershipId, ms.young_person_id), {
    subjectKind: 'mentorship', purpose: actor.role === 'volunteer_mentor' ? 'mentoring_shared_by_consent' : 'casework',
  });
  const { reviews, notes } = history ?? (await historyOf(trx, [ms.id]));
  return {
    id: ms.id, mentorId: ms.mentor_id, mentorName: ms.mentor_name, mentorKind: ms.mentor_kind, youngPersonId: ms.young_person_id, mentee,
    startedOn: ms.started_on, firstMeetingOn: ms.first_meeting_on, chemistry: ms.chemistry, nextReviewOn: ms.next_review_on,
    status: ms.status, endedOn: ms.ended_on, endReason: ms.end_reason,
    reviews: reviews.get(ms.id)!,
    notes: notes.get(ms.id)!.map(({ writtenBy, ...n }) => ({ ...n, mine: writtenBy === actor.userId })),
  };
}

/** Mentees are read a few at a time: each is its own audited read, and a long list must not take the whole pool. */
const MENTEES_AT_ONCE = 4;

export async function mentorshipRoutes(app: App) {
  const { db } = app.deps;
  const load = async (trx: Queryable, actor: Actor, id: string, perm: string) => authorize(actor, perm, await findMentorship(trx, actor.partnershipId, id), trx);

  app.get('/api/mentorships', {
    config: { permission: P['mentorships.list'] },
    schema: { tags: ['mentors'], querystring: MentorshipListQuery, response: { 200: Type.Array(MentorshipView) } },
  }, async (req) => {
    const actor = actorOf(req);
    let q = db.selectFrom('mentorships as ms').innerJoin('mentors as m', 'm.id', 'ms.mentor_id')
      .selectAll('ms').select(['m.user_id as mentor_user_id', 'm.name as mentor_name', 'm.kind as mentor_kind'])
      .where('ms.partnership_id', '=', actor.partnershipId);
    if (actor.role === 'volunteer_mentor') q = q.where('m.user_id', '=', actor.userId);
    if (req.query.youngPersonId) q = q.where('ms.young_person_id', '=', req.query.youngPersonId);
    q = q.where('ms.status', '=', req.query.status ?? 'active');
    const rows = await q.orderBy('ms.started_on', 'desc').limit(200).execute();
    // Each mentee shown is a read of that young person's data: one audit row each.
    const history = await historyOf(db, rows.map((r) => r.id));
    const out = [];
    for (let i = 0; i < rows.length; i += MENTEES_AT_ONCE) {
      out.push(...(await Promise.all(rows.slice(i, i + MENTEES_AT_ONCE).map((r) => view(db, actor, r, history)))));
    }
    return out;
  });

  app.get('/api/mentorships/reviews-due', {
    config: { permission: P['mentorships.review'] },
    schema: { tags: ['mentors'], querystring: Type.Object({ days: Type.Integer({ minimum: 0, maximum: 90, default: 14 }) }), response: { 200: Type.Array(ReviewDue) } },
  }, async (req) => {
    const actor = actorOf(req);
    const today = toLocal(new Date()).date;
    const rows = await db.selectFrom('mentorships as ms').innerJoin('mentors as m', 'm.id', 'ms.mentor_id').innerJoin('young_people as y', 'y.id', 'ms.young_person_id')
      .select(['ms.id', 'm.name', 'ms.young_person_id', 'y.first_name', 'y.last_name', 'ms.next_review_on'])
      .where('ms.partnership_id', '=', actor.partnershipId).where('ms.status', '=', 'active')
      .where('ms.next_review_on', '<=', addDays(today, req.query.days)).orderBy('ms.next_review_on').execute();
    // One row for the list, naming everyone on it (their access log shows it).
    await audit(db, actor, { action: 'search', subjectKind: 'mentorship', criterion: 'review_due', purpose: 'casework', subjectIds: [...new Set(rows.map((r) => r.young_person_id))] });
    return rows.map((r) => ({
      mentorshipId: r.id, mentorName: r.name, youngPersonId: r.young_person_id, youngPersonName: `${r.first_name} ${r.last_name}`,
      nextReviewOn: r.next_review_on, overdue: r.next_review_on < today,
    }));
  });

  app.get('/api/mentorships/:id', {
    config: { permission: P['mentorships.read'] },
    schema: { tags: ['mentors'], params: IdParams, response: { 200: MentorshipView, 404: ErrorResponse } },
  }, async (req) => {
    const actor = actorOf(req);
    return view(db, actor, await load(db, actor, req.params.id, P['mentorships.read']));
  });

  app.post('/api/mentorships', {
    config: { permission: P['mentorships.create'] },
    schema: { tags: ['mentors'], body: MentorshipCreate, response: { 201: MentorshipView, 400: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse } },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const b = req.body;
    const out = await db.transaction().execute(async (trx) => {
      const row = await createMentorship(trx, actor, b);
      await audit(trx, actor, { action: 'create', subjectKind: 'mentorship', subjectId: row.young_person_id, purpose: 'casework' });
      return view(trx, actor, row);
    });
    return reply.status(201).send(out);
  });

  app.post('/api/mentorships/:id/first-meeting', {
    config: { permission: P['mentorships.meeting'] },
    schema: { tags: ['mentors'], params: IdParams, body: FirstMeetingBody, response: { 200: MentorshipView, 404: ErrorResponse, 409: ErrorResponse } },
  }, async (req) => {
    const actor = actorOf(req);
    return db.transaction().execute(async (trx) => {
      const ms = await load(trx, actor, req.params.id, P['mentorships.meeting']);
      if (ms.status !== 'active') throw conflict('Forløbet er afsluttet.');
      if (req.body.metOn < ms.started_on) throw badRequest('Mødet kan ikke ligge før forløbets start.', [{ field: 'metOn', message: 'Før start' }]);
      const ends = req.body.chemistry === 'not_a_match';
      await trx.updateTable('mentorships').set({
        first_meeting_on: req.body.metOn, chemistry: req.body.chemistry, updated_at: new Date(),
        ...(ends ? { status: 'ended', ended_on: req.body.metOn, end_reason: 'Kemien passede ikke ved første møde' } : {}),
      }).where('id', '=', ms.id).execute();
      if (ends) await closeReviewTask(trx, ms, actor.userId);
      await audit(trx, actor, { action: 'change', subjectKind: 'mentorship', subjectId: ms.young_person_id, purpose: actor.role === 'volunteer_mentor' ? 'mentoring' : 'casework' });
      return view(trx, actor, (await findMentorship(trx, actor.partnershipId, ms.id))!);
    });
  });

  app.post('/api/mentorships/:id/notes', {
    config: { permission: P['mentorships.meeting'] },
    schema: { tags: ['mentors'], params: IdParams, body: NoteBody, response: { 201: MentorshipView, 404: ErrorResponse } },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const out = await db.transaction().execute(async (trx) => {
      const ms = await load(trx, actor, req.params.id, P['mentorships.meeting']);
      await trx.insertInto('mentorship_notes').values({ mentorship_id: ms.id, met_on: req.body.metOn, note: req.body.note.trim(), written_by: actor.userId }).execute();
      await audit(trx, actor, { action: 'create', subjectKind: 'mentorship_note', subjectId: ms.young_person_id, purpose: 'mentoring' });
      return view(trx, actor, ms);
    });
    return reply.status(201).send(out);
  });

  app.post('/api/mentorships/:id/reviews', {
    config: { permission: P['mentorships.review'] },
    schema: { tags: ['mentors'], params: IdParams, body: ReviewBody, response: { 201: MentorshipView, 404: ErrorResponse, 409: ErrorResponse } },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const out = await db.transaction().execute(async (trx) => {
      const ms = await load(trx, actor, req.params.id, P['mentorships.review']);
      if (ms.status !== 'active') throw conflict('Forløbet er allerede afsluttet.');
      const b = req.body;
      await trx.insertInto('mentorship_reviews').values({ mentorship_id: ms.id, reviewed_on: b.reviewedOn, decision: b.decision, reason: b.reason, reviewed_by: actor.userId }).execute();
      await closeReviewTask(trx, ms, actor.userId);
      if (b.decision === 'extend') {
        const next = addMonths(b.reviewedOn, REVIEW_MONTHS);
        await trx.updateTable('mentorships').set({ next_review_on: next, updated_at: new Date() }).where('id', '=', ms.id).execute();
        await addReviewTask(trx, { ...ms, next_review_on: next }, ms.mentor_name, actor.userId);
      } else {
        await trx.updateTable('mentorships').set({ status: 'ended', ended_on: b.reviewedOn, end_reason: b.reason, updated_at: new Date() }).where('id', '=', ms.id).execute();
      }
      await audit(trx, actor, { action: 'change', subjectKind: 'mentorship', subjectId: ms.young_person_id, purpose: 'casework' });
      return view(trx, actor, (await findMentorship(trx, actor.partnershipId, ms.id))!);
    });
    return reply.status(201).send(out);
  });
}
