import { createHash, randomBytes } from 'node:crypto';
import type { Config } from '../core/config.ts';
import type { Db } from '../core/db.ts';
import { AppError } from '../core/errors.ts';
import { sendMail } from '../core/mail.ts';
import { sendSms } from '../reminders/transports.ts';
import { publicBase } from '../auth/invites.ts';
import { findResetTarget, insertReset, recentRequests, recordRequest } from './queries.ts';

export const RESET_MINUTES = 60;
/** Per hour: requests for one address, and from one IP (a shared school or office network). */
export const RESET_LIMITS = { account: 3, ip: 20 } as const;

export const RESET_ANSWER = 'Hvis der findes en bruger med den e-mail, sender vi nu et link til at vælge en ny kode — på e-mail eller SMS til det nummer, vi har. Linket virker i 1 time. Kommer der ikke noget, så spørg din kontaktperson.';

export const tokenHash = (t: string) => createHash('sha256').update(t).digest('hex');

export const resetMailText = (name: string, link: string) =>
  `Hej ${name}\n\nDu har bedt om at vælge en ny kode til Fodfæste.\n\nKlik på linket og vælg en ny kode:\n${link}\n\n` +
  `Linket virker i ${RESET_MINUTES} minutter og kun én gang. Når du har valgt den nye kode, bliver du logget ud alle andre steder.\n` +
  `Har du ikke bedt om det? Så kan du bare slette mailen. Din kode er ikke ændret.\n`;

export const resetSmsText = (link: string) =>
  `Fodfæste: vælg en ny kode her (virker i 1 time, én gang): ${link} Har du ikke bedt om det, så slet beskeden.`;

/**
 * "Glemt adgangskode?": throttled by address and IP, then — only if an active user
 * has that e-mail — a one-time link by e-mail (when SMTP_URL is set) or else by
 * SMS to the phone on file (when SMS_URL is set). The answer is the same either
 * way, and the link goes out after the answer so timing does not tell either.
 */
export async function requestPasswordReset(db: Db, config: Config, input: { email: string; ip: string }, log: (msg: string) => void) {
  const account = input.email.trim().toLowerCase();
  const since = new Date(Date.now() - 3_600_000);
  const seen = await recentRequests(db, since, account, input.ip);
  if (seen.by_account >= RESET_LIMITS.account || seen.by_ip >= RESET_LIMITS.ip) {
    throw new AppError(429, 'reset_throttled', 'Der er bedt om mange nye koder på kort tid. Prøv igen om en time.', undefined, { 'retry-after': '3600' });
  }
  await recordRequest(db, account, input.ip);
  const user = await findResetTarget(db, account);
  const channel = config.SMTP_URL ? 'email' : config.SMS_URL && user?.phone ? 'sms' : null;
  if (!user || !channel) return { message: RESET_ANSWER };
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + RESET_MINUTES * 60_000);
  await db.transaction().execute((trx) => insertReset(trx, { userId: user.id, tokenHash: tokenHash(token), channel, expiresAt }));
  const link = `${publicBase(config)}/password-reset#${token}`;
  const send = channel === 'email'
    ? sendMail(config, { to: user.email, subject: 'Ny kode til Fodfæste', text: resetMailText(user.name, link) })
    : sendSms(config, { to: user.phone!, text: resetSmsText(link), reference: `fodfaeste-reset-${tokenHash(token).slice(0, 24)}` });
  // Not awaited: the answer must not wait for (or reveal) the mail server or SMS provider.
  send.catch((err: unknown) => log(`password reset ${channel} failed: ${String(err)}`));
  return { message: RESET_ANSWER };
}
