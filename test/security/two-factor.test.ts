import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hotp, matchStep, totpAt } from '../../src/auth/totp.ts';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../helpers/app.ts';
import { makePartnership, makeUser } from '../helpers/factories.ts';

let t: TestApp;
let partnershipId: string;
beforeAll(async () => {
  t = await createTestApp();
  partnershipId = (await makePartnership(t.db)).id;
});
afterAll(() => t.close());

describe('TOTP (RFC 6238)', () => {
  it('matches the RFC test vectors (SHA-1, truncated to 6 digits)', () => {
    const secret = Buffer.from('12345678901234567890');
    expect(hotp(secret, Math.floor(59 / 30))).toBe('287082');
    expect(hotp(secret, Math.floor(1111111109 / 30))).toBe('081804');
    expect(hotp(secret, Math.floor(2000000000 / 30))).toBe('279037');
  });

  it('accepts the previous, current and next step, not two steps away', () => {
    const s = 'JBSWY3DPEHPK3PXP';
    const now = Date.now();
    for (const d of [-30_000, 0, 30_000]) expect(matchStep(s, totpAt(s, now + d), now)).not.toBeNull();
    expect(matchStep(s, totpAt(s, now - 90_000), now)).toBeNull();
    expect(matchStep(s, 'abcdef', now)).toBeNull();
  });
});

describe('two-factor login for staff with a password', () => {
  it('enrol, confirm, then the code is required at login, checked, and not reusable', async () => {
    const user = await makeUser(t.db, partnershipId, 'counsellor');
    const c = await t.login(user.email);
    const enrol = await c.post('/api/auth/totp/enrol');
    expect(enrol.statusCode).toBe(200);
    const { secret, otpauthUrl } = enrol.json() as { secret: string; otpauthUrl: string };
    expect(otpauthUrl).toMatch(/^otpauth:\/\/totp\/.*secret=/);
    expect((await c.post('/api/auth/totp/confirm', { code: '000000' === totpAt(secret) ? '111111' : '000000' })).statusCode).toBe(401);
    const confirmed = await c.post('/api/auth/totp/confirm', { code: totpAt(secret) });
    expect(confirmed.json()).toEqual({ enabled: true });

    const noCode = await t.anonymous().post('/api/auth/login', { email: user.email, password: TEST_PASSWORD });
    expect(noCode.statusCode).toBe(401);
    expect(noCode.json().error).toMatchObject({ code: 'totp_required', message: 'Indtast den 6-cifrede kode fra din godkendelses-app.' });
    const wrong = await t.anonymous().post('/api/auth/login', { email: user.email, password: TEST_PASSWORD, code: '12345x' });
    expect(wrong.json().error.code).toBe('totp_invalid');
    // The code used to confirm is spent; the next step's code (within ±1) works once.
    const next = totpAt(secret, Date.now() + 30_000);
    const ok = await t.anonymous().post('/api/auth/login', { email: user.email, password: TEST_PASSWORD, code: next });
    expect(ok.statusCode).toBe(200);
    const replay = await t.anonymous().post('/api/auth/login', { email: user.email, password: TEST_PASSWORD, code: next });
    expect(replay.statusCode).toBe(401);
    // A wrong password with a right code is still refused with the ordinary message.
    const badPw = await t.anonymous().post('/api/auth/login', { email: user.email, password: 'forkert-kode-123', code: totpAt(secret) });
    expect(badPw.json().error.code).toBe('bad_credentials');
  });

  it('users without two-factor log in as before', async () => {
    const user = await makeUser(t.db, partnershipId, 'admin');
    expect((await t.anonymous().post('/api/auth/login', { email: user.email, password: TEST_PASSWORD })).statusCode).toBe(200);
  });
});

describe('changing access ends sessions', () => {
  const sessionStatus = async (c: Awaited<ReturnType<TestApp['login']>>) => (await c.get('/api/auth/session')).statusCode;

  it('a role change ends the user\'s sessions', async () => {
    const user = await makeUser(t.db, partnershipId, 'counsellor');
    const c = await t.login(user.email);
    expect(await sessionStatus(c)).toBe(200);
    await t.db.updateTable('memberships').set({ role: 'steering_group' }).where('user_id', '=', user.id).execute();
    expect(await sessionStatus(c)).toBe(401);
    // Re-login gives the new role.
    const again = await t.login(user.email);
    expect((await again.get('/api/auth/session')).json().role).toBe('steering_group');
  });

  it('deactivation, removal from the partnership and a new password end sessions; other users keep theirs', async () => {
    const [a, b, d, other] = await Promise.all([1, 2, 3, 4].map(() => makeUser(t.db, partnershipId, 'counsellor')));
    const [ca, cb, cd, co] = await Promise.all([a, b, d, other].map((u) => t.login(u.email)));
    await t.db.updateTable('users').set({ active: false, deactivated_at: new Date() }).where('id', '=', a.id).execute();
    await t.db.deleteFrom('memberships').where('user_id', '=', b.id).execute();
    await t.db.updateTable('users').set({ password_hash: 'x' }).where('id', '=', d.id).execute();
    expect(await sessionStatus(ca)).toBe(401);
    expect(await sessionStatus(cb)).toBe(401);
    expect(await sessionStatus(cd)).toBe(401);
    expect(await sessionStatus(co)).toBe(200);
  });
});
