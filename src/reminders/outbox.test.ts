import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase } from '../../test/helpers/db.ts';
import { makePartnership, makeUser, makeYoungPerson } from '../../test/helpers/factories.ts';
import { loadConfig, type Config } from '../core/config.ts';
import { openDatabase, type Database } from '../core/db.ts';
import { dispatchDue } from './dispatch.ts';
import { notifyUser, notifyYoungPerson } from './outbox.ts';
import { transportsFor } from './transports.ts';
import { startWorker } from './worker.ts';
import { startSmsReceiver, startSmtpReceiver, waitFor } from './test-receivers.ts';

let database: Database & { url?: string };
let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
let sms: Awaited<ReturnType<typeof startSmsReceiver>>;
let config: Config;
let partnershipId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  smtp = await startSmtpReceiver();
  sms = await startSmsReceiver();
  config = { ...loadConfig({ LOG_LEVEL: 'silent' }), SMTP_URL: smtp.url, SMS_URL: sms.url, SMS_TOKEN: 'hemmelig-token' };
  partnershipId = (await makePartnership(database.db)).id;
});
afterAll(async () => {
  await database?.close();
  await smtp?.close();
  await sms?.close();
});

async function userWith(prefs: { email: boolean; sms: boolean }, phone = '+45 20 30 40 50') {
  const u = await makeUser(database.db, partnershipId, 'counsellor');
  await database.db.updateTable('users').set({ phone }).where('id', '=', u.id).execute();
  await database.db.insertInto('notification_preferences').values({ user_id: u.id, by_email: prefs.email, by_sms: prefs.sms }).execute();
  return u;
}

const notify = (userId: string, subject: string, dedupeKey?: string) =>
  database.db.transaction().execute((trx) => notifyUser(trx, userId, { partnershipId, kind: 'test', subject, body: `Brødtekst: ${subject}`, dedupeKey }));
const rows = () => database.db.selectFrom('outbox').selectAll().orderBy('id').execute();

describe('reminders that arrive', () => {
  it('an e-mail reaches a real SMTP server with subject, text and the outbox id as Message-ID', async () => {
    const u = await userWith({ email: true, sms: false });
    await notify(u.id, 'Et mentorforløb skal evalueres');
    const r = await dispatchDue(database.db, transportsFor(config));
    expect(r).toEqual({ sent: 1, failed: 0, retrying: 0 });
    const mail = smtp.received.find((m) => m.to.includes(u.email))!;
    expect(mail.subject).toBe('Et mentorforløb skal evalueres');
    expect(mail.text).toContain('Brødtekst: Et mentorforløb skal evalueres');
    const row = (await rows()).find((x) => x.recipient === u.email)!;
    expect(row.status).toBe('sent');
    expect(mail.messageId).toBe(`<fodfaeste-outbox-${row.id}@fodfaeste>`);
  });

  it('an SMS is posted as JSON with the token and the outbox id as idempotency key, when the user chose SMS', async () => {
    const u = await userWith({ email: false, sms: true }, '+45 11 22 33 44');
    await notify(u.id, 'Livline-vagt');
    await dispatchDue(database.db, transportsFor(config));
    const got = sms.received.filter((m) => m.to === '+45 11 22 33 44');
    expect(got).toHaveLength(1);
    expect(got[0].text).toContain('Livline-vagt');
    expect(got[0].authorization).toBe('Bearer hemmelig-token');
    expect(got[0].idempotencyKey).toMatch(/^fodfaeste-outbox-\d+$/);
    expect(smtp.received.some((m) => m.to.includes(u.email))).toBe(false);
  });

  it('a message is written in the same transaction as its cause: a rolled-back change leaves no message', async () => {
    const u = await userWith({ email: true, sms: false });
    const before = (await rows()).length;
    await expect(database.db.transaction().execute(async (trx) => {
      await notifyUser(trx, u.id, { partnershipId, kind: 'test', subject: 'Rulles tilbage', body: 'x' });
      throw new Error('the change failed');
    })).rejects.toThrow('the change failed');
    expect((await rows()).length).toBe(before);
  });

  it('the same reminder found twice is written once (dedupe key)', async () => {
    const u = await userWith({ email: true, sms: true });
    await notify(u.id, 'Opfølgning', 'follow-up:abc:2026-01-01');
    await notify(u.id, 'Opfølgning', 'follow-up:abc:2026-01-01');
    expect((await rows()).filter((r) => r.dedupe_key?.startsWith('follow-up:abc:'))).toHaveLength(2); // one e-mail, one SMS
    await dispatchDue(database.db, transportsFor(config));
  });

  it('a failed send is retried with backoff and then marked sent', async () => {
    const u = await userWith({ email: false, sms: true }, '+45 99 88 77 66');
    await notify(u.id, 'Prøv igen');
    sms.state.failNext = 1;
    const first = await dispatchDue(database.db, transportsFor(config));
    expect(first.retrying).toBe(1);
    const row = (await rows()).find((r) => r.recipient === '+45 99 88 77 66')!;
    expect(row.status).toBe('pending');
    expect(row.attempts).toBe(1);
    expect(row.last_error).toContain('500');
    expect(new Date(row.next_attempt_at).getTime()).toBeGreaterThan(Date.now() + 20_000);
    expect((await dispatchDue(database.db, transportsFor(config))).sent).toBe(0); // not yet due
    await database.db.updateTable('outbox').set({ next_attempt_at: new Date(Date.now() - 1000) }).where('id', '=', row.id).execute();
    expect((await dispatchDue(database.db, transportsFor(config))).sent).toBe(1);
    expect(sms.received.filter((m) => m.to === '+45 99 88 77 66')).toHaveLength(1);
  });

  it('a message claimed by a worker that died is sent after its lease runs out, not lost', async () => {
    const u = await userWith({ email: true, sms: false });
    await notify(u.id, 'Efter genstart');
    // A worker claimed it and crashed before sending.
    await sql`UPDATE outbox SET status = 'sending', attempts = 1, lease_until = now() + interval '2 minutes' WHERE recipient = ${u.email}`.execute(database.db);
    expect((await dispatchDue(database.db, transportsFor(config))).sent).toBe(0); // still leased
    await sql`UPDATE outbox SET lease_until = now() - interval '1 second' WHERE recipient = ${u.email}`.execute(database.db);
    expect((await dispatchDue(database.db, transportsFor(config))).sent).toBe(1);
    expect(smtp.received.filter((m) => m.to.includes(u.email))).toHaveLength(1);
  });

  it('reminders about a young person under 18 also go to the guardian when configured', async () => {
    const yp = await makeYoungPerson(database.db, partnershipId, { birthDate: '2011-06-01' });
    await database.db.updateTable('young_people').set({ email: 'ung@test.invalid', guardian_email: 'forælder@test.invalid' }).where('id', '=', yp.id).execute();
    const send = () => database.db.transaction().execute((trx) => notifyYoungPerson(trx, yp.id, { partnershipId, kind: 'activity_tomorrow', subject: 'I morgen', body: 'x' }, new Date('2026-11-25')));
    expect(await send()).toBe(1);
    await database.db.insertInto('guardian_reminders').values({ young_person_id: yp.id, by_email: true }).execute();
    expect(await send()).toBe(2);
    const to = (await rows()).filter((r) => r.kind.startsWith('activity_tomorrow')).map((r) => r.recipient);
    expect(to).toContain('forælder@test.invalid');
  });

  it('two workers draining the same outbox at once send every message exactly once', async () => {
    const second = database.url ? await openDatabase({ databaseUrl: database.url, poolSize: 4 }) : database;
    try {
      const users = await Promise.all(Array.from({ length: 6 }, () => userWith({ email: true, sms: true })));
      for (let i = 0; i < 30; i++) await notify(users[i % users.length].id, `Besked ${i}`);
      const pending = (await rows()).filter((r) => r.status === 'pending').length;
      const before = { mail: smtp.received.length, sms: sms.received.length };
      const [a, b] = await Promise.all([
        dispatchDue(database.db, transportsFor(config), { batch: 3 }),
        dispatchDue(second.db, transportsFor(config), { batch: 3 }),
      ]);
      expect(a.sent + b.sent).toBe(pending);
      const delivered = smtp.received.length - before.mail + sms.received.length - before.sms;
      expect(delivered).toBe(pending);
      const ids = [...smtp.received.map((m) => m.messageId), ...sms.received.map((m) => `<${m.idempotencyKey}@fodfaeste>`)];
      expect(new Set(ids).size).toBe(ids.length);
      if (database.url) {
        expect(a.sent).toBeGreaterThan(0);
        expect(b.sent).toBeGreaterThan(0);
      }
    } finally {
      if (second !== database) await second.close();
    }
  });

  it('the pg-boss worker started with the server sends a new message without a manual round', async () => {
    const worker = await startWorker(database, config, { pollSeconds: 1 });
    const secondDb = database.url ? await openDatabase({ databaseUrl: database.url, poolSize: 3 }) : null;
    const worker2 = secondDb ? await startWorker(secondDb, config, { pollSeconds: 1 }) : null;
    try {
      const u = await userWith({ email: true, sms: false });
      await notify(u.id, 'Fra arbejderen');
      await worker.nudge();
      await worker2?.nudge();
      await waitFor(() => smtp.received.some((m) => m.to.includes(u.email)));
      // Stopping waits for every round in flight: whatever either worker would still send has been sent.
      await worker.stop();
      await worker2?.stop();
      expect(smtp.received.filter((m) => m.to.includes(u.email))).toHaveLength(1);
      expect((await rows()).find((r) => r.recipient === u.email)!.status).toBe('sent');
    } finally {
      await worker.stop();
      await worker2?.stop();
      await secondDb?.close();
    }
  });
});

describe('a channel that is not set up', () => {
  it('keeps its messages waiting in the outbox instead of failing them', async () => {
    const u = await userWith({ email: false, sms: true }, '+45 55 55 55 55');
    await notify(u.id, 'Venter på SMS-opsætning');
    const r = await dispatchDue(database.db, transportsFor(config), { channels: ['email'] });
    expect(r.retrying + r.failed).toBe(0);
    expect((await rows()).find((x) => x.recipient === '+45 55 55 55 55')).toMatchObject({ status: 'pending', attempts: 0 });
    await dispatchDue(database.db, transportsFor(config));
    expect(sms.received.filter((m) => m.to === '+45 55 55 55 55')).toHaveLength(1);
  });
});
