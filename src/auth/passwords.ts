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

/** Who the password is for: zxcvbn's "user inputs", words an attacker tries first. */
export interface PasswordOwner { name?: string | null; email?: string | null }

/** The product's own name, as people type it: an attacker's first guess here. */
const PRODUCT_WORDS = ['fodfaeste', 'fodfæste', 'fodfaste', 'fodfeste', 'fodfaestet'];
const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's' };
const MIN_DISTINCT = 4;
/** What must be left when the user's inputs, digits and punctuation are taken out. */
const MIN_OWN_LETTERS = 4;

/**
 * Returns a Danish reason when the password is not acceptable, else null. Checked
 * when a password is set (invitation, CLI), never at login: existing passwords keep
 * working. Refuses control characters (NUL included), only whitespace, too few
 * different characters ("aaaaaaaa"), common passwords, and passwords built from the
 * user's name, e-mail or the product's name (the idea of zxcvbn's user inputs: with
 * those taken out, too little of the user's own is left).
 */
export function passwordProblem(password: string, owner: PasswordOwner = {}): string | null {
  const chars = [...password];
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f]/u.test(password)) return 'Adgangskoden må ikke indeholde kontroltegn (fx NUL-tegn, tabulator eller linjeskift).';
  if (password.trim() === '') return 'Adgangskoden må ikke kun bestå af mellemrum.';
  if (chars.length < PASSWORD_MIN) return `Adgangskoden skal være mindst ${PASSWORD_MIN} tegn.`;
  if (chars.length > PASSWORD_MAX) return `Adgangskoden må højst være ${PASSWORD_MAX} tegn.`;
  const lower = password.normalize('NFC').toLowerCase();
  if (new Set([...lower]).size < MIN_DISTINCT) return `Adgangskoden gentager de samme tegn. Brug mindst ${MIN_DISTINCT} forskellige tegn.`;
  if (common.has(lower)) return 'Adgangskoden er for almindelig. Vælg en, der er sværere at gætte.';
  const built = builtFrom(lower, owner);
  if (built) return `Adgangskoden bygger på ${built}. Vælg en, der ikke kan gættes ud fra den.`;
  return null;
}

/** Which user input the password is mostly made of, in words for the message; null when none. */
function builtFrom(lower: string, owner: PasswordOwner): string | null {
  const email = owner.email?.trim().toLowerCase() ?? '';
  const local = email.split('@')[0] ?? '';
  const inputs: [string, string[]][] = [
    ['din e-mailadresse', [email, local, ...local.split(/[._+-]+/)]],
    ['dit navn', [(owner.name ?? '').toLowerCase().replace(/\s+/g, ''), ...(owner.name ?? '').toLowerCase().split(/[\s-]+/)]],
    ['produktets navn (Fodfæste)', PRODUCT_WORDS],
  ];
  // As typed, and with leetspeak read back ("F0dfa3ste"): either way must leave enough of the user's own.
  const plain = [...lower].map((c) => LEET[c] ?? c).join('');
  for (const [what, words] of inputs) {
    const found = words.filter((w) => [...w].length >= 3).sort((a, b) => b.length - a.length)
      .flatMap((w) => [w, w.replace(/æ/g, 'ae').replace(/ø/g, 'oe').replace(/å/g, 'aa')]);
    for (const typed of [lower, plain]) {
      let rest = typed;
      for (const w of found) rest = rest.split(w).join(' ');
      if (rest === typed) continue;
      // What is left of the user's own: letters only (digits, years and punctuation add little).
      const own = rest.replace(/[^\p{L}]/gu, '');
      if ([...own].length < MIN_OWN_LETTERS || common.has(own)) return what;
    }
  }
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
