import type { SeedContext } from '../demo/context.ts';
import { addDays, localSpan, toLocal, weekdayOf } from './zoned-time.ts';

/**
 * The lifeline: after-hours numbers and a rota for the coming two weeks from the
 * counsellor (weekday evenings) and the professional mentor (weekends), with two
 * gaps left open for the coordinator to fill. Today's shift covers the whole day,
 * so the demo young person always sees someone to call.
 */
export async function seedLifeline(ctx: SeedContext) {
  const { trx, partnershipId: pid, users } = ctx;
  await trx.insertInto('lifeline_settings').values({
    partnership_id: pid,
    after_hours_numbers: JSON.stringify([
      { label: 'Herning Kommunes vagttelefon', phone: '96 28 28 28' },
      { label: 'Headspace Herning (rådgivning for unge)', phone: '35 35 35 35' },
    ]),
    holidays: JSON.stringify(['2026-12-24', '2026-12-25', '2026-12-26', '2026-12-31', '2027-01-01']),
  }).execute();
  const [counsellor, kim] = ctx.refs.rotaUsers ?? [users.counsellor, users.counsellor];
  const phones = new Map((await trx.selectFrom('users').select(['id', 'phone']).where('id', 'in', [counsellor, kim]).execute()).map((u) => [u.id, u.phone ?? '96 28 00 00']));
  const today = toLocal(ctx.today).date;
  const shift = async (userId: string, date: string, start: string, end: string) => {
    const span = localSpan(date, start, end);
    await trx.insertInto('lifeline_shifts').values({
      partnership_id: pid, user_id: userId, phone: phones.get(userId)!, on_date: date, start_time: start, end_time: end,
      starts_at: span.startsAt, ends_at: span.endsAt, created_by: users.counsellor,
    }).execute();
  };
  await shift(counsellor, today, '00:00', '23:59');
  for (let i = 1; i < 14; i++) {
    const date = addDays(today, i);
    if (i === 4 || i === 9) continue; // gaps
    if (weekdayOf(date) >= 6) await shift(kim, date, '10:00', '22:00');
    else await shift(i % 2 ? counsellor : kim, date, '16:00', '22:00');
  }
}
