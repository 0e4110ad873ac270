import type { Db, Trx } from '../core/db.ts';
import { addDays, hhmm, localToInstant, toLocal } from '../lifeline/zoned-time.ts';
import { occurrences } from '../activities/recurrence.ts';
import { loadGaps } from '../lifeline/queries.ts';
import { notifyUser, notifyYoungPerson } from './outbox.ts';

const dkTime = (d: Date) => toLocal(d).time;

/**
 * Finds what is due and writes the reminders to the outbox, in one transaction.
 * Each reminder has a dedupe key, so running the scan again (every 15 minutes,
 * in two processes, after a restart) writes nothing twice.
 */
export async function scanReminders(db: Db, now = new Date()): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const today = toLocal(now).date;
    const tomorrow = addDays(today, 1);
    let n = 0;
    n += await followUpsDue(trx, today);
    n += await reviewTasksDue(trx, now);
    n += await appointmentsTomorrow(trx, tomorrow);
    n += await activitiesTomorrow(trx, tomorrow);
    n += await placementsStarting(trx, tomorrow);
    n += await rotaGaps(trx, now, today);
    return n;
  });
}

async function followUpsDue(trx: Trx, today: string) {
  const rows = await trx.selectFrom('young_people')
    .select(['id', 'partnership_id', 'counsellor_id', 'next_follow_up'])
    .where('next_follow_up', '<=', today).where('counsellor_id', 'is not', null).where('stage', '<>', 'ended')
    .execute();
  let n = 0;
  for (const r of rows) {
    // No name in the message: e-mail and SMS leave the system.
    n += await notifyUser(trx, r.counsellor_id!, {
      partnershipId: r.partnership_id, kind: 'follow_up_due', dedupeKey: `follow-up:${r.id}:${r.next_follow_up}`,
      subject: 'En opfølgning er forfalden', body: `Du har en opfølgning på en ung, der skulle være sket ${r.next_follow_up}. Log ind i Fodfæste for at se hvem.`,
    });
  }
  return n;
}

async function reviewTasksDue(trx: Trx, now: Date) {
  const rows = await trx.selectFrom('tasks')
    .select(['id', 'partnership_id', 'assignee_id', 'due_at'])
    .where('kind', '=', 'mentor_review').where('done_at', 'is', null).where('due_at', '<=', now).where('assignee_id', 'is not', null)
    .execute();
  let n = 0;
  for (const r of rows) {
    n += await notifyUser(trx, r.assignee_id!, {
      partnershipId: r.partnership_id, kind: 'mentor_review_due', dedupeKey: `task:${r.id}`,
      subject: 'Et mentorforløb skal evalueres', body: 'Et mentorforløb har været i gang i 3 måneder og skal forlænges eller afsluttes. Se dine opgaver i Fodfæste.',
    });
  }
  return n;
}

async function appointmentsTomorrow(trx: Trx, tomorrow: string) {
  const from = localToInstant(tomorrow, '00:00');
  const to = localToInstant(addDays(tomorrow, 1), '00:00');
  const rows = await trx.selectFrom('young_people')
    .select(['id', 'partnership_id', 'next_appointment_at', 'next_appointment_place'])
    .where('next_appointment_at', '>=', from).where('next_appointment_at', '<', to)
    .execute();
  let n = 0;
  for (const r of rows) {
    const at = new Date(r.next_appointment_at!);
    n += await notifyYoungPerson(trx, r.id, {
      partnershipId: r.partnership_id, kind: 'appointment_tomorrow', dedupeKey: `appointment:${r.id}:${at.toISOString()}`,
      subject: 'Du har en aftale i morgen', body: `Husk din aftale i morgen kl. ${dkTime(at)}${r.next_appointment_place ? `, ${r.next_appointment_place}` : ''}.`,
    });
  }
  return n;
}

async function activitiesTomorrow(trx: Trx, tomorrow: string) {
  const activities = await trx.selectFrom('activities as a')
    .innerJoin('activity_schedules as s', 's.activity_id', 'a.id')
    .select(['a.id', 'a.partnership_id', 'a.name', 'a.place', 's.weekday', 's.start_time', 's.end_time', 's.valid_from', 's.valid_until'])
    .where('a.active', '=', true)
    .execute();
  const byActivity = new Map<string, typeof activities>();
  for (const a of activities) byActivity.set(a.id, [...(byActivity.get(a.id) ?? []), a]);
  let n = 0;
  for (const [id, pats] of byActivity) {
    const cancels = await trx.selectFrom('activity_exceptions').select(['on_date', 'start_time', 'reason']).where('activity_id', '=', id).where('on_date', '=', tomorrow).execute();
    const occ = occurrences(
      pats.map((p) => ({ weekday: p.weekday, startTime: p.start_time, endTime: p.end_time, validFrom: p.valid_from, validUntil: p.valid_until })),
      cancels.map((c) => ({ date: c.on_date, startTime: c.start_time, reason: c.reason })), tomorrow, tomorrow,
    ).filter((o) => !o.cancelled);
    if (occ.length === 0) continue;
    const signups = await trx.selectFrom('activity_signups').select('young_person_id').where('activity_id', '=', id).execute();
    for (const o of occ) {
      for (const s of signups) {
        n += await notifyYoungPerson(trx, s.young_person_id, {
          partnershipId: pats[0].partnership_id, kind: 'activity_tomorrow', dedupeKey: `activity:${id}:${o.date}:${o.startTime}:${s.young_person_id}`,
          subject: `${pats[0].name} i morgen`, body: `${pats[0].name} i morgen kl. ${o.startTime}–${o.endTime}${pats[0].place ? `, ${pats[0].place}` : ''}. Vi glæder os til at se dig.`,
        });
      }
    }
  }
  return n;
}

async function placementsStarting(trx: Trx, tomorrow: string) {
  const rows = await trx.selectFrom('placements as p').innerJoin('companies as c', 'c.id', 'p.company_id')
    .select(['p.id', 'p.partnership_id', 'p.young_person_id', 'c.name as company'])
    .where('p.start_date', '=', tomorrow).where('p.status', 'in', ['planned', 'active'])
    .execute();
  let n = 0;
  for (const r of rows) {
    n += await notifyYoungPerson(trx, r.young_person_id, {
      partnershipId: r.partnership_id, kind: 'placement_starting', dedupeKey: `placement-start:${r.id}`,
      subject: 'Din praktik starter i morgen', body: `Din praktik hos ${r.company} starter i morgen. Held og lykke – ring til livlinen, hvis du er i tvivl om noget.`,
    });
  }
  return n;
}

/** One daily message to the partnership's counsellors when the coming week has uncovered lifeline hours. */
async function rotaGaps(trx: Trx, now: Date, today: string) {
  const partnerships = await trx.selectFrom('lifeline_settings').select('partnership_id').execute();
  let n = 0;
  for (const { partnership_id } of partnerships) {
    const gaps = await loadGaps(trx, partnership_id, today, 7, now);
    if (gaps.length === 0) continue;
    const first = gaps[0];
    const counsellors = await trx.selectFrom('memberships').select('user_id').where('partnership_id', '=', partnership_id).where('role', '=', 'counsellor').execute();
    for (const c of counsellors) {
      n += await notifyUser(trx, c.user_id, {
        partnershipId: partnership_id, kind: 'rota_gap', dedupeKey: `rota-gap:${partnership_id}:${today}`,
        subject: 'Huller i livline-vagtplanen', body: `Der er ${gaps.length} hul(ler) i vagtplanen den kommende uge, det første ${first.date} kl. ${hhmm(first.from)}–${hhmm(first.to)}. Udfyld vagtplanen i Fodfæste.`,
      });
    }
  }
  return n;
}
