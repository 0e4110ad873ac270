import type { SeedContext } from '../demo/context.ts';
import { addDays, localToInstant, toLocal } from '../lifeline/zoned-time.ts';
import { occurrences } from './recurrence.ts';

type Pattern = { weekday: number; start: string; end: string };

/**
 * The association, the weekly youth network meeting (UngeMilen), fitness three
 * times a week, football and a meal together, led by the demo association
 * contact, with twelve weeks of attendance. Two regulars stopped coming three
 * meetings ago, so the counsellor sees them as "slipping away".
 */
export async function seedActivities(ctx: SeedContext) {
  const { trx, partnershipId: pid, users, random } = ctx;
  const today = toLocal(ctx.today).date;
  const since = addDays(today, -84);
  const youth = ctx.refs.youth ?? [];
  const assoc = await trx.insertInto('associations').values({ partnership_id: pid, name: 'Aulum Fritid & Idræt', contact_user_id: users.association_contact }).returning('id').executeTakeFirstOrThrow();
  await trx.insertInto('associations').values({ partnership_id: pid, name: 'Aulum Boldklub' }).execute();

  async function activity(name: string, kind: 'network_meeting' | 'fitness' | 'sport' | 'meal', place: string, description: string, patterns: Pattern[], leader: string | null) {
    const a = await trx.insertInto('activities').values({ partnership_id: pid, association_id: assoc.id, name, kind, place, description, leader_user_id: leader }).returning('id').executeTakeFirstOrThrow();
    for (const p of patterns) {
      await trx.insertInto('activity_schedules').values({ activity_id: a.id, weekday: p.weekday, start_time: p.start, end_time: p.end, valid_from: addDays(today, -120) }).execute();
    }
    return { id: a.id, patterns };
  }
  const milen = await activity('UngeMilen', 'network_meeting', 'Aulum Fritidscenter, mødelokale 2', 'Ugentligt netværksmøde for unge: kaffe, snak og et fælles emne.', [{ weekday: 2, start: '17:00', end: '19:00' }], users.association_contact);
  const fitness = await activity('Fitness', 'fitness', 'Aulum Fitness, Kirkegade 4', 'Træning med instruktør. Alle kan være med.', [
    { weekday: 1, start: '16:30', end: '17:30' }, { weekday: 3, start: '16:30', end: '17:30' }, { weekday: 4, start: '16:30', end: '17:30' },
  ], users.association_contact);
  await activity('Fællesspisning', 'meal', 'Aulum Fritidscenter, køkkenet', 'Vi laver mad sammen og spiser kl. 18.', [{ weekday: 5, start: '17:00', end: '19:30' }], users.association_contact);
  await activity('Fodbold for alle', 'sport', 'Aulum Stadion', 'Uformel fodbold, ingen tilmelding til kampe.', [{ weekday: 6, start: '10:00', end: '11:30' }], null);
  // A cancelled meeting next week, so the exception shows in calendars.
  const nextTuesday = occurrences([{ weekday: 2, startTime: '17:00', endTime: '19:00', validFrom: today, validUntil: null }], [], addDays(today, 7), addDays(today, 13))[0];
  if (nextTuesday) await trx.insertInto('activity_exceptions').values({ activity_id: milen.id, on_date: nextTuesday.date, start_time: '17:00', reason: 'Lokalet er optaget (valgmøde)' }).execute();
  if (youth.length < 12) return;

  const slipping = new Set([youth[5], youth[9]]);
  async function history(a: { id: string; patterns: Pattern[] }, members: string[]) {
    for (const yp of members) await trx.insertInto('activity_signups').values({ activity_id: a.id, young_person_id: yp, signed_up_at: localToInstant(since, '00:00') }).execute();
    const held = occurrences(a.patterns.map((p) => ({ weekday: p.weekday, startTime: p.start, endTime: p.end, validFrom: since, validUntil: null })), [], since, today)
      .filter((o) => o.endsAt.getTime() <= ctx.today.getTime());
    const rows = [];
    for (const [i, o] of held.entries()) {
      const lastThree = i >= held.length - 3;
      for (const yp of members) {
        const present = yp === youth[0] ? random() < 0.95 : slipping.has(yp) ? !lastThree && random() < 0.9 : random() < 0.75;
        rows.push({ activity_id: a.id, on_date: o.date, start_time: o.startTime, young_person_id: yp, present, recorded_by: users.association_contact, recorded_at: o.endsAt });
      }
    }
    for (let i = 0; i < rows.length; i += 500) await trx.insertInto('activity_attendance').values(rows.slice(i, i + 500)).execute();
  }
  await history(milen, youth.slice(0, 10));
  await history(fitness, [youth[0], youth[1], youth[4], youth[5], youth[10], youth[11]]);
}
