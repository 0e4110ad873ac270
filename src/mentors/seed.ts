import type { SeedContext } from '../demo/context.ts';
import { recordConsent } from '../consent/ledger.ts';
import { addDays, localToInstant, toLocal } from '../lifeline/zoned-time.ts';
import { addMonths } from './queries.ts';

const MENTORS: [string, string, string, string, string][] = [
  ['Karsten Holm', 'Produktionschef', 'Metal og maskiner', 'Fiskeri, motorcykler', 'Aulum'],
  ['Lene Bech', 'HR-chef', 'Fødevarer', 'Løb, strik', 'Herning'],
  ['Per Sand', 'Værkfører', 'Byggeri', 'Fodbold', 'Haderup'],
  ['Birgitte Mose', 'Butikschef', 'Detailhandel', 'Madlavning, havearbejde', 'Aulum'],
  ['Torben Juhl', 'Direktør', 'Transport', 'Jagt, gåture', 'Vildbjerg'],
  ['Susanne Krag', 'Regnskabschef', 'Finans', 'Yoga, bøger', 'Herning'],
  ['Niels Aagaard', 'Landmand', 'Landbrug', 'Traktorer, dyr', 'Hodsager'],
  ['Inge Thorsen', 'Afdelingsleder', 'Sundhed og omsorg', 'Kor, cykling', 'Aulum'],
  ['Jesper Vang', 'IT-chef', 'IT', 'Gaming, e-sport', 'Herning'],
  ['Marianne Lykke', 'Salgschef', 'Møbler', 'Tennis', 'Aulum'],
  ['Henrik Dahl', 'Mester', 'VVS', 'Håndbold', 'Ikast'],
  ['Ulla Friis', 'Køkkenchef', 'Kantine og catering', 'Madlavning', 'Herning'],
  ['Ole Brandt', 'Pensioneret skoleleder', 'Uddannelse', 'Historie, fiskeri', 'Aulum'],
  ['Camilla Ravn', 'Projektleder', 'Energi', 'Klatring, friluftsliv', 'Herning'],
];

/**
 * Volunteer mentors (the demo mentor Hanne Lund and 14 more), one professional
 * mentor on the lifeline rota, and mentorships at every stage.
 */
export async function seedMentors(ctx: SeedContext) {
  const { trx, partnershipId: pid, users } = ctx;
  const today = toLocal(ctx.today).date;
  const youth = ctx.refs.youth ?? [];
  const onboarded = { intro_talk_on: addDays(today, -200), course_on: addDays(today, -180), agreement_signed_on: addDays(today, -179) };
  await trx.updateTable('users').set({ phone: '+45 40 12 34 56' }).where('id', '=', users.volunteer_mentor).execute();
  const hanne = await trx.insertInto('mentors').values({
    partnership_id: pid, user_id: users.volunteer_mentor, kind: 'volunteer', name: 'Hanne Lund', phone: '+45 40 12 34 56', email: 'mentor@demo.fodfaeste.dk',
    job_title: 'Driftsleder', industry: 'Logistik', interests: 'Gåture, hunde, bagning', offers: 'En gåtur eller en kop kaffe hver anden uge, hjælp med jobsamtaler',
    hours_per_month: 4, area: 'Aulum', ...onboarded, record_checked_on: addDays(today, -170), lifeline_opt_in: true,
  }).returning('id').executeTakeFirstOrThrow();
  const ids: string[] = [];
  for (const [i, [name, job, industry, interests, area]] of MENTORS.entries()) {
    const incomplete = i === 12; // onboarding not finished: course missing
    const m = await trx.insertInto('mentors').values({
      partnership_id: pid, kind: 'volunteer', name, job_title: job, industry, interests, area,
      phone: `+45 ${20 + i} ${String(10 + i)} ${String(30 + i)} ${String(40 + i)}`,
      offers: 'Erfaring fra arbejdslivet, netværk og en kop kaffe', hours_per_month: 3 + (i % 4),
      intro_talk_on: onboarded.intro_talk_on, course_on: incomplete ? null : onboarded.course_on, agreement_signed_on: incomplete ? null : onboarded.agreement_signed_on,
      record_checked_on: i % 3 === 0 ? addDays(today, -100) : null, status: i === 10 ? 'paused' : i === 11 ? 'left' : 'active',
    }).returning('id').executeTakeFirstOrThrow();
    ids.push(m.id);
  }
  // A professional mentor (støttekontaktperson) who takes lifeline shifts; no demo password.
  const kimUser = await trx.insertInto('users').values({ email: 'kim.stoettekontakt@demo.fodfaeste.dk', name: 'Kim Sørensen', phone: '+45 30 55 66 77' }).returning('id').executeTakeFirstOrThrow();
  await trx.insertInto('memberships').values({ user_id: kimUser.id, partnership_id: pid, role: 'volunteer_mentor' }).execute();
  await trx.insertInto('mentors').values({
    partnership_id: pid, user_id: kimUser.id, kind: 'professional', name: 'Kim Sørensen', phone: '+45 30 55 66 77', job_title: 'Støttekontaktperson',
    industry: 'Socialområdet', record_checked_on: addDays(today, -300), lifeline_opt_in: true,
  }).execute();
  ctx.refs.rotaUsers = [users.counsellor, kimUser.id];

  async function mentorship(mentorId: string, mentorName: string, yp: string, startedOn: string, extra: Partial<{ first_meeting_on: string; chemistry: 'good' | 'try_again' | 'not_a_match'; status: 'ended'; ended_on: string; end_reason: string }> = {}) {
    const next = addMonths(startedOn, 3);
    const ms = await trx.insertInto('mentorships').values({
      partnership_id: pid, mentor_id: mentorId, young_person_id: yp, started_on: startedOn, next_review_on: next, created_by: users.counsellor, ...extra,
    }).returning('id').executeTakeFirstOrThrow();
    if (!extra.status) {
      await trx.insertInto('tasks').values({
        partnership_id: pid, assignee_id: users.counsellor, kind: 'mentor_review', title: 'Evaluer mentorforløb: forlæng eller afslut',
        body: `Mentor: ${mentorName}. Forløbet har kørt i 3 måneder.`, young_person_id: yp, created_by: users.counsellor, due_at: localToInstant(next, '09:00'),
      }).execute();
    }
    return ms.id;
  }
  if (youth.length < 12) return;
  // Hanne's mentees: the demo young person Sofie (who shares with "Din mentor Hanne Lund", see
  // src/youth/seed.ts), one going well, one with the review due soon, and one waiting for the first meeting.
  await mentorship(hanne.id, 'Hanne Lund', youth[0], addDays(today, -21), { first_meeting_on: addDays(today, -18), chemistry: 'good' });
  const good = await mentorship(hanne.id, 'Hanne Lund', youth[1], addDays(today, -60), { first_meeting_on: addDays(today, -55), chemistry: 'good' });
  await trx.insertInto('mentorship_notes').values([
    { mentorship_id: good, met_on: addDays(today, -41), note: 'Gåtur ved Aulum Fritidscenter. Snakkede om at møde til tiden.', written_by: users.volunteer_mentor },
    { mentorship_id: good, met_on: addDays(today, -13), note: 'Kaffe. Hun glæder sig til praktikken.', written_by: users.volunteer_mentor },
  ]).execute();
  await mentorship(hanne.id, 'Hanne Lund', youth[2], addDays(today, -85), { first_meeting_on: addDays(today, -80), chemistry: 'try_again' });
  await mentorship(hanne.id, 'Hanne Lund', youth[3], addDays(today, -5));
  // Seeds write the ledger directly, as the young person would have done on "Hvem må se hvad"
  // (Hanne is a recipient there while the mentorship is active: src/mentors/recipients.ts).
  for (const [yp, items] of [[youth[1], ['contact.phone', 'schedule']], [youth[2], ['contact.phone']]] as const) {
    for (const item of items) {
      await recordConsent(trx, { partnershipId: pid, youngPersonId: yp, recipient: { kind: 'mentor', id: users.volunteer_mentor }, item, granted: true, purpose: 'mentoring', changedBy: users.counsellor });
    }
  }
  // Other stages: running, overdue review, ended after review, not a match.
  await mentorship(ids[0], MENTORS[0][0], youth[4], addDays(today, -30), { first_meeting_on: addDays(today, -25), chemistry: 'good' });
  await mentorship(ids[1], MENTORS[1][0], youth[5], addDays(today, -100), { first_meeting_on: addDays(today, -95), chemistry: 'good' });
  await mentorship(ids[2], MENTORS[2][0], youth[6], addDays(today, -150), { first_meeting_on: addDays(today, -148), chemistry: 'good' });
  const ended = await mentorship(ids[3], MENTORS[3][0], youth[7], addDays(today, -200), { first_meeting_on: addDays(today, -195), chemistry: 'good', status: 'ended', ended_on: addDays(today, -20), end_reason: 'Har fået fast job' });
  await trx.insertInto('mentorship_reviews').values([
    { mentorship_id: ended, reviewed_on: addDays(today, -110), decision: 'extend', reason: 'Godt forløb, fortsætter', reviewed_by: users.counsellor },
    { mentorship_id: ended, reviewed_on: addDays(today, -20), decision: 'end', reason: 'Har fået fast job', reviewed_by: users.counsellor },
  ]).execute();
  await mentorship(ids[4], MENTORS[4][0], youth[8], addDays(today, -40), { first_meeting_on: addDays(today, -38), chemistry: 'not_a_match', status: 'ended', ended_on: addDays(today, -38), end_reason: 'Kemien passede ikke ved første møde' });
  await mentorship(ids[5], MENTORS[5][0], youth[8], addDays(today, -30), { first_meeting_on: addDays(today, -27), chemistry: 'good' });
  ctx.refs.mentors = [hanne.id, ...ids];
}
