import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';
import { PASSWORD_MAX, PASSWORD_MIN } from './password-rules.ts';

// OWASP's Argon2id baseline: 19 MiB, 2 iterations, 1 lane.
const options = { algorithm: 2 /* Algorithm.Argon2id (a const enum) */, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export { PASSWORD_MAX, PASSWORD_MIN } from './password-rules.ts';

// ~50,000 most common passwords (zxcvbn-ts list), plus a few Danish favourites.
const common = new Set<string>([
  ...(dictionary['passwords-common'] as string[]),
  'sommerfugl', 'kodeord123', 'adgangskode', 'password1234', 'fodfaeste', 'fodfæste1',
]);

/** Returns a Danish reason when the password is not acceptable, else null. */
export function passwordProblem(password: string): string | null {
  if ([...password].length < PASSWORD_MIN) return `Adgangskoden skal være mindst ${PASSWORD_MIN} tegn.`;
  if ([...password].length > PASSWORD_MAX) return `Adgangskoden må højst være ${PASSWORD_MAX} tegn.`;
  if (common.has(password.toLowerCase())) return 'Adgangskoden er for almindelig. Vælg en, der er sværere at gætte.';
  return null;
}

export const hashPassword = (password: string) => hash(password.normalize('NFC'), options);

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  // Verify against a fixed hash when the account has none, so timing does not reveal which accounts exist.
  const target = stored ?? (await dummyHash);
  const ok = await verify(target, password.normalize('NFC')).catch(() => false);
  return stored !== null && ok;
}

const dummyHash = hash('no-such-account-placeholder', options);
