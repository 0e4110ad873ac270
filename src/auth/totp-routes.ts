import { Type } from '@sinclair/typebox';
import type { App } from '../core/app-types.ts';
import { AppError, unauthenticated } from '../core/errors.ts';
import { ErrorResponse } from './schemas.ts';
import { secretsFor } from '../core/secrets.ts';
import { consumeCode, newSecret, openSecret, otpauthUrl, sealSecret, totpInvalid } from './totp.ts';
import { clearTries, reserveTry, totpKeys } from './throttle.ts';

const CodeBody = Type.Object({ code: Type.String({ pattern: '^\\d{6}$', description: 'The 6-digit code from the authenticator app' }) });
const Enrolment = Type.Object({ secret: Type.String(), otpauthUrl: Type.String() });
const Status = Type.Object({ enabled: Type.Boolean() });

/** Two-factor (TOTP) for users with a local password: enrol, confirm with one code, turn off with a code. */
export async function totpRoutes(app: App) {
  const { db } = app.deps;
  const box = secretsFor(app.deps.config);

  app.get('/api/auth/totp', {
    config: { authenticated: true },
    schema: { tags: ['auth'], response: { 200: Status } },
  }, async (req) => {
    const row = await db.selectFrom('user_totp').select('enabled_at').where('user_id', '=', req.session!.userId).executeTakeFirst();
    return { enabled: Boolean(row?.enabled_at) };
  });

  app.post('/api/auth/totp/enrol', {
    config: { authenticated: true },
    schema: { tags: ['auth'], response: { 200: Enrolment, 409: ErrorResponse } },
  }, async (req) => {
    const s = req.session ?? (() => { throw unauthenticated(); })();
    const existing = await db.selectFrom('user_totp').select('enabled_at').where('user_id', '=', s.userId).executeTakeFirst();
    if (existing?.enabled_at) throw new AppError(409, 'totp_enabled', 'To-trins-login er allerede slået til. Slå det fra først, hvis du vil skifte app.');
    const user = await db.selectFrom('users').select('password_hash').where('id', '=', s.userId).executeTakeFirstOrThrow();
    if (!user.password_hash) throw new AppError(409, 'no_password', 'To-trins-login gælder kun brugere, der logger ind med adgangskode.');
    const secret = newSecret();
    const sealed = sealSecret(box, s.userId, secret);
    await db.insertInto('user_totp').values({ user_id: s.userId, secret: sealed })
      .onConflict((oc) => oc.column('user_id').doUpdateSet({ secret: sealed, enabled_at: null, last_step: 0 })).execute();
    return { secret, otpauthUrl: otpauthUrl(secret, s.email) };
  });

  app.post('/api/auth/totp/confirm', {
    config: { authenticated: true },
    schema: { tags: ['auth'], body: CodeBody, response: { 200: Status, 401: ErrorResponse, 409: ErrorResponse, 429: ErrorResponse } },
  }, async (req) => {
    const userId = req.session!.userId;
    const row = await db.selectFrom('user_totp').selectAll().where('user_id', '=', userId).executeTakeFirst();
    if (!row) throw new AppError(409, 'totp_not_enrolled', 'Start opsætningen af to-trins-login først.');
    // Throttled like login (a million codes are guessable): the try is counted before the code is checked.
    await reserveTry(db, totpKeys(userId));
    if (!(await consumeCode(db, userId, openSecret(box, row), req.body.code, Number(row.last_step)))) throw totpInvalid();
    await clearTries(db, totpKeys(userId));
    await db.updateTable('user_totp').set({ enabled_at: new Date() }).where('user_id', '=', userId).execute();
    return { enabled: true };
  });

  app.post('/api/auth/totp/disable', {
    config: { authenticated: true },
    schema: { tags: ['auth'], body: CodeBody, response: { 200: Status, 401: ErrorResponse, 429: ErrorResponse } },
  }, async (req) => {
    const userId = req.session!.userId;
    const row = await db.selectFrom('user_totp').selectAll().where('user_id', '=', userId).executeTakeFirst();
    if (!row?.enabled_at) return { enabled: false };
    await reserveTry(db, totpKeys(userId));
    if (!(await consumeCode(db, userId, openSecret(box, row), req.body.code, Number(row.last_step)))) throw totpInvalid();
    await clearTries(db, totpKeys(userId));
    await db.deleteFrom('user_totp').where('user_id', '=', userId).execute();
    return { enabled: false };
  });
}
