import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { encryptLegacySecrets, hotp, matchStep, newSecret, totpAt } from '../../src/auth/totp.ts';
import { ConfigError, loadConfig } from '../../src/core/config.ts';
import { secretsFor, SECRETS_KEY_FILE } from '../../src/core/secrets.ts';
import { buildApp } from '../../src/app.ts';
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

describe('TOTP secrets are encrypted at rest (AES-256-GCM, SECRETS_KEY)', () => {
  const stored = async (userId: string) => (await t.db.selectFrom('user_totp').select('secret').where('user_id', '=', userId).executeTakeFirstOrThrow()).secret;

  it('the database column holds ciphertext, not the secret, and login with the code still works', async () => {
    const user = await makeUser(t.db, partnershipId, 'counsellor');
    const c = await t.login(user.email);
    const { secret } = (await c.post('/api/auth/totp/enrol')).json() as { secret: string };
    const column = await stored(user.id);
    expect(column).not.toContain(secret);
    expect(column).toMatch(/^v1\.[\w-]{16}\.[\w-]+\.[\w-]{22}$/);
    expect((await c.post('/api/auth/totp/confirm', { code: totpAt(secret) })).json()).toEqual({ enabled: true });
    const ok = await t.anonymous().post('/api/auth/login', { email: user.email, password: TEST_PASSWORD, code: totpAt(secret, Date.now() + 30_000) });
    expect(ok.statusCode).toBe(200);
  });

  it('a ciphertext copied onto another user does not give that user a working second factor', async () => {
    const [a, b] = await Promise.all([1, 2].map(() => makeUser(t.db, partnershipId, 'counsellor')));
    const ca = await t.login(a.email);
    const { secret } = (await ca.post('/api/auth/totp/enrol')).json() as { secret: string };
    await ca.post('/api/auth/totp/confirm', { code: totpAt(secret) });
    await t.db.insertInto('user_totp').values({ user_id: b.id, secret: await stored(a.id), enabled_at: new Date() }).execute();
    const res = await t.anonymous().post('/api/auth/login', { email: b.email, password: TEST_PASSWORD, code: totpAt(secret, Date.now() + 30_000) });
    expect(res.statusCode).not.toBe(200);
    expect(res.json().error).toMatchObject({ code: 'totp_unreadable', message: expect.stringMatching(/administrator/) });
  });

  it('secrets stored in plain text before encryption are encrypted at start and keep working', async () => {
    const user = await makeUser(t.db, partnershipId, 'admin');
    const secret = newSecret();
    await t.db.insertInto('user_totp').values({ user_id: user.id, secret, enabled_at: new Date() }).execute();
    // A server starting on this database (a second app process) encrypts it.
    const restarted = await buildApp({ config: t.config, database: t.database, db: t.db }, { logger: false });
    await restarted.close();
    expect(await stored(user.id)).not.toContain(secret);
    expect(await encryptLegacySecrets(t.db, secretsFor(t.config))).toBe(0);
    const res = await t.anonymous().post('/api/auth/login', { email: user.email, password: TEST_PASSWORD, code: totpAt(secret) });
    expect(res.statusCode).toBe(200);
  });

  it('production refuses to start without SECRETS_KEY; development keeps a generated key in DATA_DIR', () => {
    expect(() => secretsFor(loadConfig({}), { NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => secretsFor(loadConfig({}), { NODE_ENV: 'production' })).toThrow(/SECRETS_KEY mangler/);
    const key = Buffer.alloc(32, 7).toString('base64');
    const fromEnv = secretsFor(loadConfig({ SECRETS_KEY: key }), { NODE_ENV: 'production' });
    expect(secretsFor(loadConfig({ SECRETS_KEY: key }), {}).decrypt(fromEnv.encrypt('hemmelig', 'x'), 'x')).toBe('hemmelig');
    expect(() => loadConfig({ SECRETS_KEY: 'for-kort' })).toThrow(/SECRETS_KEY/);

    const dir = mkdtempSync(path.join(tmpdir(), 'fodfaeste-key-'));
    try {
      const first = secretsFor(loadConfig({ DATA_DIR: dir }), {});
      const file = path.join(dir, SECRETS_KEY_FILE);
      expect(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64')).toHaveLength(32);
      expect(statSync(file).mode & 0o077).toBe(0);
      // A restart (a new config, same folder) reads the same key back.
      expect(secretsFor(loadConfig({ DATA_DIR: dir }), {}).decrypt(first.encrypt('abc', 'u'), 'u')).toBe('abc');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
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
