import type { Db } from '../core/db.ts';
import { AppError, badRequest } from '../core/errors.ts';
import { hashPassword, passwordProblem } from '../auth/passwords.ts';
import { destroyUserSessions } from '../auth/sessions.ts';
import { findResetForUpdate, findResetOwner, setPasswordFromReset } from './queries.ts';
import { tokenHash } from './request-reset.ts';

/** The new password from a reset link: single use, within the hour; every session of the user ends. */
export async function completePasswordReset(db: Db, body: { token: string; password: string }) {
  const problem = passwordProblem(body.password, (await findResetOwner(db, tokenHash(body.token))) ?? {});
  if (problem) throw badRequest(problem, [{ field: 'password', message: problem }]);
  const passwordHash = await hashPassword(body.password);
  const result = await db.transaction().execute(async (trx) => {
    const reset = await findResetForUpdate(trx, tokenHash(body.token));
    if (!reset || reset.used_at || new Date(reset.expires_at) < new Date()) {
      throw new AppError(400, 'reset_invalid', 'Linket virker ikke længere. Bed om et nyt link under "Glemt adgangskode?" på login-siden.');
    }
    const user = await setPasswordFromReset(trx, reset.id, reset.user_id, passwordHash);
    return { userId: reset.user_id, email: user.email };
  });
  // The trigger removed the rows; this also forgets them in this process's session cache at once.
  await destroyUserSessions(db, result.userId);
  return { email: result.email };
}
