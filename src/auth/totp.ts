import { createHmac, randomBytes } from 'node:crypto';
import type { Db } from '../core/db.ts';
import { AppError } from '../core/errors.ts';
import { isEncrypted, type SecretBox } from '../core/secrets.ts';

/**
 * TOTP (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits) with node:crypto.
 * A code is accepted for the current step ±1 (clock drift), and each step
 * only once per user (replay of an observed code is refused).
 */
const STEP_SECONDS = 30;
const DIGITS = 6;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Encode(buf: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of buf) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

export function base32Decode(s: string): Buffer {
  const clean = s.replace(/=+$/, '').replace(/\s/g, '').toUpperCase();
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of clean) {
    const i = ALPHABET.indexOf(ch);
    if (i < 0) throw new Error('invalid base32');
    value = (value << 5) | i;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** The code for one time step (RFC 4226 HOTP with the step as counter). */
export function hotp(secret: Buffer, counter: number): string {
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(counter));
  const h = createHmac('sha1', secret).update(msg).digest();
  const offset = h[h.length - 1] & 0x0f;
  const bin = ((h[offset] & 0x7f) << 24) | (h[offset + 1] << 16) | (h[offset + 2] << 8) | h[offset + 3];
  return String(bin % 10 ** DIGITS).padStart(DIGITS, '0');
}

export const stepAt = (ms: number) => Math.floor(ms / 1000 / STEP_SECONDS);
export const totpAt = (secretBase32: string, ms = Date.now()) => hotp(base32Decode(secretBase32), stepAt(ms));

/** The matching step within ±1 of now, or null. */
export function matchStep(secretBase32: string, code: string, ms = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const secret = base32Decode(secretBase32);
  const now = stepAt(ms);
  for (const step of [now - 1, now, now + 1]) if (hotp(secret, step) === code) return step;
  return null;
}

export const newSecret = () => base32Encode(randomBytes(20));

export const otpauthUrl = (secret: string, account: string) =>
  `otpauth://totp/${encodeURIComponent(`Fodfæste:${account}`)}?secret=${secret}&issuer=${encodeURIComponent('Fodfæste')}&algorithm=SHA1&digits=${DIGITS}&period=${STEP_SECONDS}`;

export const totpRequired = () => new AppError(401, 'totp_required', 'Indtast den 6-cifrede kode fra din godkendelses-app.');
export const totpInvalid = () => new AppError(401, 'totp_invalid', 'Koden er forkert eller udløbet. Prøv med den nyeste kode fra din app.');

/** Accepts a code once: the step must be newer than the last one used. */
export async function consumeCode(db: Db, userId: string, secret: string, code: string, lastStep: number): Promise<boolean> {
  const step = matchStep(secret, code);
  if (step === null || step <= lastStep) return false;
  const res = await db.updateTable('user_totp').set({ last_step: step }).where('user_id', '=', userId).where('last_step', '<', step).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** At login: if the user has an enabled second factor, the code must be given and right. */
export async function checkSecondFactor(db: Db, box: SecretBox, userId: string, code: string | undefined): Promise<'none' | 'ok' | 'missing' | 'wrong'> {
  const row = await db.selectFrom('user_totp').selectAll().where('user_id', '=', userId).where('enabled_at', 'is not', null).executeTakeFirst();
  if (!row) return 'none';
  if (!code) return 'missing';
  return (await consumeCode(db, userId, openSecret(box, row), code, Number(row.last_step))) ? 'ok' : 'wrong';
}

/** The secret as stored: encrypted with SECRETS_KEY and bound to the user (src/core/secrets.ts). */
export const sealSecret = (box: SecretBox, userId: string, secret: string) => box.encrypt(secret, `user_totp:${userId}`);

/** The plain base32 secret of a row; rows from before encryption (plain base32) are read as they are until encryptLegacySecrets runs. */
export function openSecret(box: SecretBox, row: { user_id: string; secret: string }): string {
  if (!isEncrypted(row.secret)) return row.secret;
  try {
    return box.decrypt(row.secret, `user_totp:${row.user_id}`);
  } catch {
    // A different SECRETS_KEY than the one that wrote it (e.g. after a restore), or a row copied from another user.
    throw new AppError(500, 'totp_unreadable', 'To-trins-login kan ikke kontrolleres lige nu. Kontakt en administrator.');
  }
}

/**
 * Encrypts secrets stored in plain text before migration 0090 (the key is not
 * available to SQL, so the app does it at start). Safe with several processes:
 * a row is only replaced if it still holds the plain value.
 */
export async function encryptLegacySecrets(db: Db, box: SecretBox): Promise<number> {
  const rows = await db.selectFrom('user_totp').select(['user_id', 'secret']).where('secret', 'not like', 'v1.%').execute();
  let done = 0;
  for (const row of rows) {
    const res = await db.updateTable('user_totp').set({ secret: sealSecret(box, row.user_id, row.secret) })
      .where('user_id', '=', row.user_id).where('secret', '=', row.secret).executeTakeFirst();
    done += Number(res.numUpdatedRows);
  }
  return done;
}
