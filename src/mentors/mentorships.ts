// The one use case that starts a mentorship. Used by POST /api/mentorships and
// by matching's "accept a mentor suggestion", so the rules live here only:
// the mentor is active and onboarded, a volunteer gives at least 3 hours a
// month, a mentee under 18 needs the mentor's checked børneattest, one active
// mentorship per pair, a review task in 3 months for the young person's
// counsellor, and a note to the mentor.
import type { Trx } from '../core/db.ts';
import { conflict, notFound } from '../core/errors.ts';
import type { Actor } from '../core/policy.ts';
import { localToInstant } from '../lifeline/zoned-time.ts';
import { notifyUser } from '../reminders/outbox.ts';
import { ageOn } from '../youth/domain.ts';
import { findYoungPersonRow } from '../youth/queries.ts';
import { addMonths, findMentor, findMentorship, onboardingComplete, type MentorshipRow } from './queries.ts';

/** Mentorships are reviewed (extended or ended) every 3 months. */
export const REVIEW_MONTHS = 3;

/** A mentee under 18 may only be matched with a mentor whose børneattest is checked. */
export function recordCheckMissing(menteeAge: number, mentor: { record_checked_on: string | null } | { recordChecked: boolean }): boolean {
  const checked = 'recordChecked' in mentor ? mentor.recordChecked : mentor.record_checked_on !== null;
  return menteeAge < 18 && !checked;
}

/**
 * The volunteer mentor scheme's agreement: at least 3 hours a month (DOMAIN: "≥3 h/month").
 * One rule for both places that start a mentorship: createMentorship refuses, matching excludes.
 */
export const MIN_VOLUNTEER_HOURS_PER_MONTH = 3;

/** A volunteer mentor with fewer hours than the agreement, or none registered. Other kinds have no minimum. */
export function belowMinimumHours(m: { kind: string; hours_per_month: number | null }): boolean {
  return m.kind === 'volunteer' && (m.hours_per_month ?? 0) < MIN_VOLUNTEER_HOURS_PER_MONTH;
}

export const belowMinimumHoursText = (hours: number | null) => hours === null
  ? `Mentorens timer om måneden er ikke registreret – en frivillig erhvervsmentor skal kunne give mindst ${MIN_VOLUNTEER_HOURS_PER_MONTH} timer om måneden.`
  : `Mentoren kan kun ${hours} ${hours === 1 ? 'time' : 'timer'} om måneden – en frivillig erhvervsmentor skal kunne give mindst ${MIN_VOLUNTEER_HOURS_PER_MONTH}.`;

export interface NewMentorship {
  mentorId: string;
  youngPersonId: string;
  /** 'YYYY-MM-DD'; the age rule for børneattest is judged on this day. */
  startedOn: string;
}

/** The counsellor's task for the next review, on the shared task list. */
export async function addReviewTask(trx: Trx, ms: { partnership_id: string; young_person_id: string; next_review_on: string }, mentorName: string, createdBy: string) {
  const yp = await trx.selectFrom('young_people').select('counsellor_id').where('id', '=', ms.young_person_id).executeTakeFirstOrThrow();
  await trx.insertInto('tasks').values({
    partnership_id: ms.partnership_id, assignee_id: yp.counsellor_id, kind: 'mentor_review',
    title: 'Evaluer mentorforløb: forlæng eller afslut', body: `Mentor: ${mentorName}. Forløbet har kørt i ${REVIEW_MONTHS} måneder.`,
    young_person_id: ms.young_person_id, created_by: createdBy, due_at: localToInstant(ms.next_review_on, '09:00'),
  }).execute();
}

/**
 * Starts a mentorship in the caller's transaction (the caller audits, with its
 * own purpose). 404 for a mentor or young person outside the actor's
 * partnership; 409 with a plain Danish reason when a rule is not met.
 */
export async function createMentorship(trx: Trx, actor: Actor, input: NewMentorship): Promise<MentorshipRow> {
  const mentor = await findMentor(trx, actor.partnershipId, input.mentorId);
  if (!mentor) throw notFound('Mentoren');
  const yp = await findYoungPersonRow(trx, actor.partnershipId, input.youngPersonId);
  if (!yp) throw notFound('Den unge');
  if (mentor.status !== 'active') throw conflict(`Mentoren er ${mentor.status === 'paused' ? 'sat på pause' : 'stoppet'} og kan ikke få en ny mentee.`);
  if (!onboardingComplete(mentor)) throw conflict('Mentoren mangler introsamtale, mentorkursus eller underskrevet aftale.');
  if (belowMinimumHours(mentor)) throw conflict(belowMinimumHoursText(mentor.hours_per_month));
  if (recordCheckMissing(ageOn(yp.birth_date, new Date(input.startedOn)), mentor)) {
    throw conflict('Den unge er under 18: mentorens børneattest skal være tjekket, før de kan matches.');
  }
  const ms = await trx.insertInto('mentorships').values({
    partnership_id: actor.partnershipId, mentor_id: mentor.id, young_person_id: yp.id, started_on: input.startedOn,
    next_review_on: addMonths(input.startedOn, REVIEW_MONTHS), created_by: actor.userId,
  }).returning('id').executeTakeFirstOrThrow().catch((err: Error) => {
    if (/mentorships_one_active/.test(err.message)) throw conflict('Mentoren og den unge har allerede et aktivt forløb.');
    throw err;
  });
  const row = (await findMentorship(trx, actor.partnershipId, ms.id))!;
  await addReviewTask(trx, row, mentor.name, actor.userId);
  if (mentor.user_id) {
    await notifyUser(trx, mentor.user_id, {
      partnershipId: actor.partnershipId, kind: 'mentorship_started', dedupeKey: `mentorship:${ms.id}`,
      subject: 'Du har fået en ny mentee', body: 'Du er blevet matchet med en ung. Log ind i Fodfæste for at se, hvad den unge har valgt at dele med dig.',
    });
  }
  return row;
}
