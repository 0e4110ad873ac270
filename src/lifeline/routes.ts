import { Type } from '@sinclair/typebox';
import type { App } from '../core/app-types.ts';
import { actorOf } from '../core/actor.ts';
import { badRequest, notFound } from '../core/errors.ts';
import { ErrorResponse } from '../auth/schemas.ts';
import { notifyUser } from '../reminders/outbox.ts';
import { lifelinePermissions as P } from './policy.ts';
import { loadGaps, loadSettings, rotaPeople, saveSettings, shiftsBetween } from './queries.ts';
import { onCallAt } from './rota.ts';
import { GapView, IdParams, LifelineSettings, OnCallNow, RotaPerson, ShiftBody, ShiftsQuery, ShiftView } from './schemas.ts';
import { addDays, hhmm, isValidDate, localSpan, localToInstant, toLocal } from './zoned-time.ts';

type ShiftRow = Awaited<ReturnType<typeof shiftsBetween>>[number];
const shiftView = (s: ShiftRow) => ({
  id: s.id, userId: s.user_id, name: s.name, phone: s.phone, date: s.on_date, start: hhmm(s.start_time), end: hhmm(s.end_time),
  startsAt: new Date(s.starts_at).toISOString(), endsAt: new Date(s.ends_at).toISOString(),
});

export async function lifelineRoutes(app: App) {
  const { db } = app.deps;

  app.get('/api/lifeline/now', {
    config: { permission: P['lifeline.now'] },
    schema: { tags: ['lifeline'], response: { 200: OnCallNow } },
  }, async (req) => {
    const actor = actorOf(req);
    const now = new Date();
    const [settings, shifts] = await Promise.all([
      loadSettings(db, actor.partnershipId),
      shiftsBetween(db, actor.partnershipId, new Date(now.getTime() - 86_400_000), new Date(now.getTime() + 1)),
    ]);
    const current = onCallAt(shifts.map((s) => ({ ...s, startsAt: new Date(s.starts_at), endsAt: new Date(s.ends_at) })), now);
    return {
      onCall: current ? { name: current.name, phone: current.phone, until: current.endsAt.toISOString(), untilLocal: toLocal(current.endsAt).time } : null,
      afterHours: settings.afterHoursNumbers,
      emergency: '112' as const,
    };
  });

  app.get('/api/lifeline/settings', {
    config: { permission: P['lifeline.rota.read'] },
    schema: { tags: ['lifeline'], response: { 200: LifelineSettings } },
  }, async (req) => loadSettings(db, actorOf(req).partnershipId));

  app.put('/api/lifeline/settings', {
    config: { permission: P['lifeline.rota.write'] },
    schema: { tags: ['lifeline'], body: LifelineSettings, response: { 200: LifelineSettings, 400: ErrorResponse } },
  }, async (req) => {
    const actor = actorOf(req);
    const bad = req.body.holidays.find((d) => !isValidDate(d));
    if (bad) throw badRequest(`${bad} er ikke en gyldig dato.`, [{ field: 'holidays', message: 'Ugyldig dato' }]);
    await db.transaction().execute((trx) => saveSettings(trx, actor.partnershipId, req.body));
    return loadSettings(db, actor.partnershipId);
  });

  app.get('/api/lifeline/people', {
    config: { permission: P['lifeline.rota.read'] },
    schema: { tags: ['lifeline'], response: { 200: Type.Array(RotaPerson) } },
  }, async (req) => (await rotaPeople(db, actorOf(req).partnershipId)).map((p) => ({ userId: p.user_id, name: p.name, phone: p.phone, kind: p.kind })));

  app.get('/api/lifeline/shifts', {
    config: { permission: P['lifeline.rota.read'] },
    schema: { tags: ['lifeline'], querystring: ShiftsQuery, response: { 200: Type.Array(ShiftView), 400: ErrorResponse } },
  }, async (req) => {
    const actor = actorOf(req);
    const from = req.query.from ?? toLocal(new Date()).date;
    if (!isValidDate(from)) throw badRequest('Ugyldig dato.');
    const rows = await shiftsBetween(db, actor.partnershipId, localToInstant(from, '00:00'), localToInstant(addDays(from, req.query.days), '00:00'));
    return rows.map(shiftView);
  });

  app.get('/api/lifeline/gaps', {
    config: { permission: P['lifeline.rota.read'] },
    schema: { tags: ['lifeline'], querystring: Type.Object({ days: Type.Integer({ minimum: 1, maximum: 31, default: 14 }) }), response: { 200: Type.Array(GapView) } },
  }, async (req) => {
    const actor = actorOf(req);
    const now = new Date();
    const gaps = await loadGaps(db, actor.partnershipId, toLocal(now).date, req.query.days, now);
    return gaps.map((g) => ({ ...g, startsAt: g.startsAt.toISOString(), endsAt: g.endsAt.toISOString() }));
  });

  app.post('/api/lifeline/shifts', {
    config: { permission: P['lifeline.rota.write'] },
    schema: { tags: ['lifeline'], body: ShiftBody, response: { 201: ShiftView, 400: ErrorResponse } },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const b = req.body;
    if (!isValidDate(b.date)) throw badRequest('Ugyldig dato.', [{ field: 'date', message: 'Ugyldig dato' }]);
    const person = (await rotaPeople(db, actor.partnershipId)).find((p) => p.user_id === b.userId);
    if (!person) throw badRequest('Personen kan ikke sættes på vagt: kun ungevejledere og mentorer, der har sagt ja til livlinen.', [{ field: 'userId', message: 'Kan ikke tage vagter' }]);
    const phone = b.phone ?? person.phone;
    if (!phone) throw badRequest('Skriv det telefonnummer, de unge skal ringe til.', [{ field: 'phone', message: 'Telefonnummer mangler' }]);
    const { startsAt, endsAt } = localSpan(b.date, b.start, b.end);
    const row = await db.transaction().execute(async (trx) => {
      const ins = await trx.insertInto('lifeline_shifts').values({
        partnership_id: actor.partnershipId, user_id: b.userId, phone, on_date: b.date, start_time: b.start, end_time: b.end,
        starts_at: startsAt, ends_at: endsAt, created_by: actor.userId,
      }).returning('id').executeTakeFirstOrThrow();
      await notifyUser(trx, b.userId, {
        partnershipId: actor.partnershipId, kind: 'lifeline_shift', dedupeKey: `shift:${ins.id}`,
        subject: 'Du er sat på livline-vagt',
        body: `Du har livline-vagt ${b.date} kl. ${b.start}–${b.end}. De unge ser dit nummer (${phone}) på deres forside, mens vagten varer.`,
      });
      return (await shiftsBetween(trx, actor.partnershipId, startsAt, endsAt)).find((s) => s.id === ins.id)!;
    });
    return reply.status(201).send(shiftView(row));
  });

  app.delete('/api/lifeline/shifts/:id', {
    config: { permission: P['lifeline.rota.write'] },
    schema: { tags: ['lifeline'], params: IdParams, response: { 204: Type.Null(), 404: ErrorResponse } },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const res = await db.deleteFrom('lifeline_shifts').where('id', '=', req.params.id).where('partnership_id', '=', actor.partnershipId).executeTakeFirst();
    if (Number(res.numDeletedRows) === 0) throw notFound('Vagten');
    return reply.status(204).send(null);
  });
}
