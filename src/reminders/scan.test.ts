import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { makePartnership, makeUser, makeYoungPerson } from '../../test/helpers/factories.ts';
import { addDays, localToInstant, toLocal, weekdayOf } from '../lifeline/zoned-time.ts';
import { dispatchDue } from './dispatch.ts';
import { scanReminders } from './scan.ts';
import { transportsFor } from './transports.ts';
import { startSmtpReceiver } from './test-receivers.ts';

let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
const now = new Date();
const today = toLocal(now).date;
const tomorrow = addDays(today, 1);

beforeAll(async () => {
  t = await createTestApp();
  smtp = await startSmtpReceiver();
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

describe('the reminder scan', () => {
  it('writes each due reminder once, and the e-mails arrive', async () => {
    const pid = (await makePartnership(t.db)).id;
    const c = await makeUser(t.db, pid, 'counsellor');
    const ypUser = await makeUser(t.db, pid, 'young_person');
    const yp = (await makeYoungPerson(t.db, pid, { counsellorId: c.id, userId: ypUser.id, birthDate: '2003-03-03' })).id;
    await t.db.updateTable('young_people').set({ next_follow_up: addDays(today, -1), next_appointment_at: localToInstant(tomorrow, '10:00'), next_appointment_place: 'Jobcentret' }).where('id', '=', yp).execute();
    await t.db.insertInto('tasks').values({ partnership_id: pid, assignee_id: c.id, kind: 'mentor_review', title: 'Evaluer', young_person_id: yp, due_at: new Date(now.getTime() - 3_600_000) }).execute();
    const a = await t.db.insertInto('activities').values({ partnership_id: pid, name: 'Fitness', kind: 'fitness', place: 'Aulum Hallen' }).returning('id').executeTakeFirstOrThrow();
    await t.db.insertInto('activity_schedules').values({ activity_id: a.id, weekday: weekdayOf(tomorrow), start_time: '17:00', end_time: '18:00', valid_from: addDays(today, -30) }).execute();
    await t.db.insertInto('activity_signups').values({ activity_id: a.id, young_person_id: yp }).execute();
    const company = await t.db.insertInto('companies').values({ partnership_id: pid, name: 'Aulum Maskinfabrik', membership: 'network_member', kind: 'training' }).returning('id').executeTakeFirstOrThrow();
    const opening = await t.db.insertInto('openings').values({ partnership_id: pid, company_id: company.id, title: 'Lager', placement_kinds: ['work_placement'] }).returning('id').executeTakeFirstOrThrow();
    await t.db.insertInto('placements').values({ partnership_id: pid, young_person_id: yp, company_id: company.id, opening_id: opening.id, kind: 'work_placement', start_date: tomorrow }).execute();
    await t.db.insertInto('lifeline_settings').values({ partnership_id: pid }).execute();

    const written = await scanReminders(t.db, now);
    const rows = await t.db.selectFrom('outbox').selectAll().where('partnership_id', '=', pid).execute();
    expect(rows.length).toBe(written);
    expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(['follow_up_due', 'mentor_review_due', 'appointment_tomorrow', 'activity_tomorrow', 'placement_starting', 'rota_gap']));
    expect(rows.filter((r) => r.recipient === c.email).map((r) => r.kind).sort()).toEqual(['follow_up_due', 'mentor_review_due', 'rota_gap']);
    expect(await scanReminders(t.db, now)).toBe(0);

    await dispatchDue(t.db, transportsFor({ ...t.config, SMTP_URL: smtp.url }));
    const toYouth = smtp.received.filter((m) => m.to.includes(ypUser.email));
    expect(toYouth.map((m) => m.subject).sort()).toEqual(['Din praktik starter i morgen', 'Du har en aftale i morgen', 'Fitness i morgen']);
    expect(toYouth.find((m) => m.subject === 'Fitness i morgen')!.text).toContain('kl. 17:00–18:00, Aulum Hallen');
    expect(toYouth.find((m) => m.subject === 'Du har en aftale i morgen')!.text).toContain('kl. 10:00, Jobcentret');
  });

  it("the young person's feed shows the placement's working days", async () => {
    const yp = await t.db.selectFrom('young_people').innerJoin('users', 'users.id', 'young_people.user_id').select(['young_people.id', 'users.email']).executeTakeFirstOrThrow();
    const placement = await t.db.selectFrom('placements').select('id').where('young_person_id', '=', yp.id).executeTakeFirstOrThrow();
    await t.db.insertInto('placement_schedules').values({ placement_id: placement.id, valid_from: tomorrow, weekdays: [1, 2, 3, 4, 5, 6, 7], hours_per_day: '4' }).execute();
    const client = await t.login(yp.email);
    const made = await client.post('/api/calendar-feeds', { kind: 'young_person' });
    const body = (await t.anonymous().get(new URL(made.json().url).pathname)).body;
    const events = new ICAL.Component(ICAL.parse(body)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const work = events.filter((e) => e.summary === 'Praktik hos Aulum Maskinfabrik');
    expect(work.length).toBeGreaterThan(60);
    expect(work[0].startDate.isDate).toBe(true);
    expect(work[0].startDate.toString()).toBe(tomorrow);
  });
});
