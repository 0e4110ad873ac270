import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, type Config } from './config.ts';

/**
 * Encryption at rest for secrets the server must read back (TOTP secrets):
 * AES-256-GCM with a key kept outside the database (SECRETS_KEY), so a copy of
 * the database or a backup alone does not give away second factors.
 *
 * Stored form: `v1.<iv>.<ciphertext>.<tag>` (base64url). The caller passes a
 * context (e.g. the user id) that is bound as additional authenticated data:
 * a ciphertext copied to another row does not decrypt.
 */
const PREFIX = 'v1.';
export const SECRETS_KEY_FILE = 'secrets.key';

export interface SecretBox {
  encrypt(plain: string, context: string): string;
  decrypt(stored: string, context: string): string;
}

export const isEncrypted = (stored: string) => stored.startsWith(PREFIX);

export function secretBox(key: Buffer): SecretBox {
  if (key.length !== 32) throw new ConfigError('SECRETS_KEY skal være 32 bytes (base64 eller 64 hex-tegn).');
  return {
    encrypt(plain, context) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(context));
      const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return PREFIX + [iv, ct, cipher.getAuthTag()].map((b) => b.toString('base64url')).join('.');
    },
    decrypt(stored, context) {
      const [iv, ct, tag] = stored.slice(PREFIX.length).split('.').map((p) => Buffer.from(p, 'base64url'));
      if (!isEncrypted(stored) || !iv || !ct || !tag) throw new Error('not an encrypted secret');
      const decipher = createDecipheriv('aes-256-gcm', key, iv);
      decipher.setAAD(Buffer.from(context));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(ct), decipher.final()]).toString('utf8');
    },
  };
}

export function decodeSecretsKey(value: string): Buffer {
  return /^[0-9a-fA-F]{64}$/.test(value) ? Buffer.from(value, 'hex') : Buffer.from(value, 'base64');
}

const cache = new WeakMap<Config, SecretBox>();

/**
 * The installation's secret box. SECRETS_KEY when set; in production
 * (NODE_ENV=production) a missing key stops the server with a clear message;
 * otherwise a development key is generated once and kept in DATA_DIR (in
 * memory for `memory://`), so `npm start` just works on the embedded database.
 */
export function secretsFor(config: Config, env: NodeJS.ProcessEnv = process.env): SecretBox {
  let box = cache.get(config);
  if (!box) {
    box = secretBox(resolveKey(config, env));
    cache.set(config, box);
  }
  return box;
}

function resolveKey(config: Config, env: NodeJS.ProcessEnv): Buffer {
  if (config.SECRETS_KEY) return decodeSecretsKey(config.SECRETS_KEY);
  if (env.NODE_ENV === 'production') {
    throw new ConfigError(
      'SECRETS_KEY mangler: sæt den til 32 tilfældige bytes i base64 (fx `openssl rand -base64 32`). ' +
      'Nøglen krypterer to-trins-hemmeligheder i databasen og skal være den samme i alle app-processer og ved gendannelse af backup.',
    );
  }
  if (config.DATA_DIR.startsWith('memory://')) return randomBytes(32);
  const file = path.resolve(config.DATA_DIR, SECRETS_KEY_FILE);
  try {
    return decodeSecretsKey(readFileSync(file, 'utf8').trim());
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  try {
    // 'wx': two processes starting at once must end up with the same key.
    writeFileSync(file, randomBytes(32).toString('base64') + '\n', { flag: 'wx', mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  return decodeSecretsKey(readFileSync(file, 'utf8').trim());
}
