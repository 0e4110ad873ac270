import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../test/helpers/app.ts';
import { makePartnership, makeUser } from '../../test/helpers/factories.ts';
import { DEMO_PASSWORD } from '../demo/accounts.ts';
import { passwordProblem } from './passwords.ts';

/** The password policy (issue 22): applied when a password is set; existing passwords keep working at login. */
const owner = { name: 'Karen Østergaard', email: 'karen.ostergaard@herning.dk' };

describe('password policy', () => {
  it.each([
    ['aaaaaaaa', /gentager de samme tegn/],
    ['abababab', /gentager de samme tegn/],
    ['        ', /kun bestå af mellemrum/],
    ['\u0000'.repeat(8), /kontroltegn \(fx NUL-tegn/],
    ['en\ttabulator-i-midten', /kontroltegn/],
    ['karen.ostergaard@herning.dk', /bygger på din e-mailadresse/],
    ['Ostergaard-2026', /bygger på din e-mailadresse/],
    ['Østergaard-Karen-88', /bygger på dit navn/],
    ['fodfaeste2026', /bygger på produktets navn \(Fodfæste\)/],
    ['F0dfæste-2026!', /bygger på produktets navn/],
    ['password1', /for almindelig/],
    ['kort', /mindst 8 tegn/],
  ])('refuses %j and names the problem in Danish', (password, message) => {
    expect(passwordProblem(password, owner)).toMatch(message);
  });

  it('accepts passwords of the user\'s own, also ones that mention a name in passing', () => {
    expect(passwordProblem(TEST_PASSWORD, owner)).toBeNull();
    expect(passwordProblem('Langt-og-sikkert-9', owner)).toBeNull();
    expect(passwordProblem('KarenLikesLongWalks-7', owner)).toBeNull();
  });

  it('the demo password would be refused if set now, so the demo seed hashes it directly (and it still logs in)', () => {
    expect(passwordProblem(DEMO_PASSWORD)).toMatch(/produktets navn/);
  });
});

describe('setting a password through an invitation link', () => {
  let t: TestApp;
  let partnershipId: string;
  beforeAll(async () => {
    t = await createTestApp();
    partnershipId = (await makePartnership(t.db)).id;
  });
  afterAll(() => t?.close());

  async function inviteFor(userId: string) {
    const token = randomBytes(32).toString('base64url');
    await t.db.insertInto('login_invites').values({
      partnership_id: partnershipId, user_id: userId, purpose: 'staff', subject_id: userId,
      token_hash: createHash('sha256').update(token).digest('hex'), expires_at: new Date(Date.now() + 3_600_000),
    }).execute();
    return token;
  }

  it('refuses the user\'s own e-mail, eight spaces and eight NUL characters with 400 at the password field; a good one works', async () => {
    const user = await makeUser(t.db, partnershipId, 'company_contact', 'Jens Hansen');
    await t.db.updateTable('users').set({ password_hash: null }).where('id', '=', user.id).execute();
    const token = await inviteFor(user.id);
    for (const [password, message] of [[user.email, /din e-mailadresse/], ['JensHansen2026', /dit navn/], ['        ', /mellemrum/], ['\u0000'.repeat(8), /kontroltegn|NUL/]] as const) {
      const res = await t.anonymous().post('/api/invites/accept', { token, password });
      expect(res.statusCode, password).toBe(400);
      expect(JSON.stringify(res.json().error)).toMatch(message);
    }
    const ok = await t.anonymous().post('/api/invites/accept', { token, password: 'Tre-grønne-traktorer' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await t.login(user.email, 'Tre-grønne-traktorer')).cookie).toBeTruthy();
  });

  it('a reset link ("Glemt adgangskode?") refuses the user\'s own e-mail and name too', async () => {
    const user = await makeUser(t.db, partnershipId, 'counsellor', 'Birgit Nørgaard');
    const token = randomBytes(32).toString('base64url');
    await t.db.insertInto('password_resets').values({
      user_id: user.id, token_hash: createHash('sha256').update(token).digest('hex'), channel: 'email', expires_at: new Date(Date.now() + 3_600_000),
    }).execute();
    for (const [password, message] of [[user.email, /din e-mailadresse/], ['Birgit-Nørgaard-1', /dit navn/]] as const) {
      const res = await t.anonymous().post('/api/password-reset/complete', { token, password });
      expect(res.statusCode, password).toBe(400);
      expect(res.json().error.message).toMatch(message);
    }
    expect((await t.anonymous().post('/api/password-reset/complete', { token, password: 'Tre-grønne-traktorer' })).statusCode).toBe(200);
  });

  it('an existing password that the new rules would refuse still logs in', async () => {
    const user = await makeUser(t.db, partnershipId, 'counsellor');
    const { hashPassword } = await import('./passwords.ts');
    await t.db.updateTable('users').set({ password_hash: await hashPassword('fodfaeste2026') }).where('id', '=', user.id).execute();
    expect((await t.login(user.email, 'fodfaeste2026')).cookie).toBeTruthy();
  });
});
