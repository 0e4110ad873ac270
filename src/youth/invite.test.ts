import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { createTestApp, type TestApp, type TestClient } from '../../test/helpers/app.ts';
import { makePartnership, makeUser, makeYoungPerson } from '../../test/helpers/factories.ts';

/** A real SMTP server on a random local port that keeps every message it receives. */
const received: { to: string[]; raw: string }[] = [];
let smtp: SMTPServer;
let t: TestApp;
let counsellor: TestClient;
let p1: string;
let counsellorId: string;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, cb) {
      let raw = '';
      stream.on('data', (c: Buffer) => (raw += c.toString('utf8')));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        cb();
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', () => r()));
  const port = (smtp.server.address() as AddressInfo).port;
  t = await createTestApp({ SMTP_URL: `smtp://127.0.0.1:${port}`, PUBLIC_URL: 'https://fodfaeste.example' });
  p1 = (await makePartnership(t.db)).id;
  const c = await makeUser(t.db, p1, 'counsellor');
  counsellorId = c.id;
  counsellor = await t.login(c.email);
});
afterAll(async () => {
  await t.close();
  await new Promise<void>((r) => smtp.close(() => r()));
});

/** The message body with quoted-printable soft line breaks and escapes undone. */
const decoded = (raw: string) =>
  Buffer.from(raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
const tokenFrom = (raw: string) => /invitation#([A-Za-z0-9_-]{20,})/.exec(decoded(raw))![1];

describe('invite a young person by e-mail', () => {
  it('sends a link that sets a password once; the young person can then log in', async () => {
    const yp = await makeYoungPerson(t.db, p1, { counsellorId, firstName: 'Freja' });
    await t.db.updateTable('young_people').set({ email: 'freja@eksempel.invalid' }).where('id', '=', yp.id).execute();
    const res = await counsellor.post(`/api/youth/${yp.id}/invite`);
    expect(res.statusCode).toBe(201);
    expect(res.json().sentTo).toBe('freja@eksempel.invalid');
    const mail = received.at(-1)!;
    expect(mail.to).toEqual(['freja@eksempel.invalid']);
    expect(decoded(mail.raw)).toContain('https://fodfaeste.example/invitation#');
    expect(decoded(mail.raw)).toContain('Linket virker i 3 dage og kun én gang.');
    const token = tokenFrom(mail.raw);
    // Only a hash is stored.
    const stored = await t.db.selectFrom('login_invites').select('token_hash').where('subject_id', '=', yp.id).execute();
    expect(JSON.stringify(stored)).not.toContain(token);

    const weak = await t.anonymous().post('/api/invites/accept', { token, password: 'password' });
    expect(weak.statusCode).toBe(400);
    const ok = await t.anonymous().post('/api/invites/accept', { token, password: 'Hest-i-haven-77' });
    expect(ok.statusCode).toBe(200);
    // The page sends the young person on to log in and start on their own start page.
    expect(ok.json()).toEqual({ email: 'freja@eksempel.invalid', landing: '/' });
    const again = await t.anonymous().post('/api/invites/accept', { token, password: 'Hest-i-haven-78' });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.message).toBe('Linket virker ikke længere. Bed din vejleder om et nyt link.');
    const client = await t.login('freja@eksempel.invalid', 'Hest-i-haven-77');
    expect((await client.get('/api/me')).json().firstName).toBe('Freja');
  });

  it('refuses an expired link', async () => {
    const yp = await makeYoungPerson(t.db, p1, { counsellorId });
    await t.db.updateTable('young_people').set({ email: `udloebet-${yp.id}@eksempel.invalid` }).where('id', '=', yp.id).execute();
    await counsellor.post(`/api/youth/${yp.id}/invite`);
    const token = tokenFrom(received.at(-1)!.raw);
    await t.db.updateTable('login_invites').set({ expires_at: new Date(Date.now() - 1000) }).where('subject_id', '=', yp.id).execute();
    expect((await t.anonymous().post('/api/invites/accept', { token, password: 'Hest-i-haven-77' })).statusCode).toBe(400);
  });

  it('a new invite voids the earlier one', async () => {
    const yp = await makeYoungPerson(t.db, p1, { counsellorId });
    await t.db.updateTable('young_people').set({ email: `to-gange-${yp.id}@eksempel.invalid` }).where('id', '=', yp.id).execute();
    await counsellor.post(`/api/youth/${yp.id}/invite`);
    const first = tokenFrom(received.at(-1)!.raw);
    await counsellor.post(`/api/youth/${yp.id}/invite`);
    expect((await t.anonymous().post('/api/invites/accept', { token: first, password: 'Hest-i-haven-77' })).statusCode).toBe(400);
  });

  it('asks for an e-mail first, and refuses another partnership', async () => {
    const yp = await makeYoungPerson(t.db, p1, { counsellorId });
    const res = await counsellor.post(`/api/youth/${yp.id}/invite`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].field).toBe('email');
    const outsider = await t.login((await makeUser(t.db, (await makePartnership(t.db)).id, 'counsellor')).email);
    expect((await outsider.post(`/api/youth/${yp.id}/invite`)).statusCode).toBe(404);
  });

  // The page the link opens (/invitation) is part of the web client: its journey is in src/companies/network.browser.test.ts.
});
