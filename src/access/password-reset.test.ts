import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../test/helpers/app.ts';
import { makePartnership, makeUser } from '../../test/helpers/factories.ts';
import { startSmsReceiver, startSmtpReceiver, TEST_PUBLIC_URL, waitFor } from '../reminders/test-receivers.ts';
import { RESET_ANSWER } from './request-reset.ts';

/** "Glemt adgangskode?": a link by e-mail or SMS, the same answer for everyone, throttled, sessions ended. */
let t: TestApp;
let sms: Awaited<ReturnType<typeof startSmsReceiver>>;
let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
let pid: string;
let ip = 1;

beforeAll(async () => {
  sms = await startSmsReceiver();
  smtp = await startSmtpReceiver();
  t = await createTestApp({ PUBLIC_URL: TEST_PUBLIC_URL });
  pid = (await makePartnership(t.db)).id;
});
afterAll(async () => {
  await t.close();
  await sms.close();
  await smtp.close();
});
beforeEach(() => {
  t.config.SMTP_URL = smtp.url;
  t.config.SMS_URL = undefined;
});

const resetTokenIn = (text: string) => new RegExp(`${TEST_PUBLIC_URL.replace(/\./g, '\\.')}/password-reset#([A-Za-z0-9_-]{20,})`).exec(text)?.[1];
/** Each test asks from its own address, so the IP limit of one test does not reach the next. */
const ask = (email: string, from = `10.0.0.${ip}`) => t.anonymous().request({ method: 'POST', url: '/api/password-reset/request', payload: { email }, remoteAddress: from });
const NEW_PASSWORD = 'Helt ny og lang kode 2027';

describe('by e-mail', () => {
  it('sends a one-time link; the new password works, the old does not, and every other session ends', async () => {
    ip++;
    const user = await makeUser(t.db, pid, 'counsellor');
    const elsewhere = await t.login(user.email);
    expect((await elsewhere.get('/api/auth/session')).statusCode).toBe(200);
    const res = await ask(user.email.toUpperCase());
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ message: RESET_ANSWER });
    await waitFor(() => Boolean(smtp.lastTo(user.email)));
    const token = resetTokenIn(smtp.lastTo(user.email)!.text)!;
    expect(token).toBeTruthy();
    const stored = await t.db.selectFrom('password_resets').select('token_hash').execute();
    expect(JSON.stringify(stored)).not.toContain(token);

    const done = await t.anonymous().post('/api/password-reset/complete', { token, password: NEW_PASSWORD });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toEqual({ email: user.email });
    expect((await elsewhere.get('/api/auth/session')).statusCode).toBe(401);
    await t.login(user.email, NEW_PASSWORD);
    expect((await t.anonymous().post('/api/auth/login', { email: user.email, password: TEST_PASSWORD })).statusCode).toBe(401);
    // Single use.
    const again = await t.anonymous().post('/api/password-reset/complete', { token, password: 'Endnu en ny kode 2028' });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.message).toContain('Glemt adgangskode?');
  });

  it('gives the same answer for an unknown address and sends nothing', async () => {
    ip++;
    const before = smtp.received.length;
    const res = await ask('findes.ikke@test.invalid');
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ message: RESET_ANSWER });
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.received.length).toBe(before);
  });

  it('refuses an expired link, a wrong token and a weak password', async () => {
    ip++;
    const user = await makeUser(t.db, pid, 'admin');
    await ask(user.email);
    await waitFor(() => Boolean(smtp.lastTo(user.email)));
    const token = resetTokenIn(smtp.lastTo(user.email)!.text)!;
    const weak = await t.anonymous().post('/api/password-reset/complete', { token, password: 'kort' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.fields[0].field).toBe('password');
    expect((await t.anonymous().post('/api/password-reset/complete', { token: 'x'.repeat(43), password: NEW_PASSWORD })).statusCode).toBe(400);
    await t.db.updateTable('password_resets').set({ expires_at: new Date(Date.now() - 1000) }).where('user_id', '=', user.id).execute();
    expect((await t.anonymous().post('/api/password-reset/complete', { token, password: NEW_PASSWORD })).statusCode).toBe(400);
    await t.login(user.email);
  });

  it('a newer link voids the older one', async () => {
    ip++;
    const user = await makeUser(t.db, pid, 'counsellor');
    await ask(user.email);
    await waitFor(() => Boolean(smtp.lastTo(user.email)));
    const first = resetTokenIn(smtp.lastTo(user.email)!.text)!;
    await ask(user.email);
    await waitFor(() => resetTokenIn(smtp.lastTo(user.email)!.text) !== first);
    expect((await t.anonymous().post('/api/password-reset/complete', { token: first, password: NEW_PASSWORD })).statusCode).toBe(400);
  });
});

describe('throttled', () => {
  it('by address, known or not, with the same answer', async () => {
    ip++;
    const user = await makeUser(t.db, pid, 'counsellor');
    for (const email of [user.email, 'ukendt@test.invalid']) {
      for (let i = 0; i < 3; i++) expect((await ask(email, `10.1.${ip}.${i}`)).statusCode).toBe(202);
      const fourth = await ask(email, `10.1.${ip}.9`);
      expect(fourth.statusCode).toBe(429);
      expect(fourth.headers['retry-after']).toBe('3600');
    }
  });

  it('by IP', async () => {
    ip++;
    for (let i = 0; i < 20; i++) expect((await ask(`person${i}@test.invalid`, '10.9.9.9')).statusCode).toBe(202);
    expect((await ask('person21@test.invalid', '10.9.9.9')).statusCode).toBe(429);
  });
});

describe('by SMS when there is no e-mail server', () => {
  it('sends the link to the phone on file', async () => {
    ip++;
    t.config.SMTP_URL = undefined;
    t.config.SMS_URL = sms.url;
    const user = await makeUser(t.db, pid, 'counsellor');
    await t.db.updateTable('users').set({ phone: '+45 11 22 33 44' }).where('id', '=', user.id).execute();
    expect((await ask(user.email)).json()).toEqual({ message: RESET_ANSWER });
    await waitFor(() => sms.received.some((m) => m.to === '+45 11 22 33 44'));
    const text = sms.received.find((m) => m.to === '+45 11 22 33 44')!.text;
    const token = resetTokenIn(text)!;
    expect((await t.anonymous().post('/api/password-reset/complete', { token, password: NEW_PASSWORD })).statusCode).toBe(200);
    await t.login(user.email, NEW_PASSWORD);
  });

  it('with neither e-mail nor a phone on file nothing is sent, and the answer is the same', async () => {
    ip++;
    t.config.SMTP_URL = undefined;
    t.config.SMS_URL = sms.url;
    const before = sms.received.length;
    const user = await makeUser(t.db, pid, 'counsellor');
    expect((await ask(user.email)).json()).toEqual({ message: RESET_ANSWER });
    expect(sms.received.length).toBe(before);
  });
});
