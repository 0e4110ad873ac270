/**
 * The one rule that keeps CPR numbers out of Fodfæste. Fodfæste never needs a
 * CPR number, so a value that looks like one (DDMMYY-XXXX, with or without the
 * dash, and a real day of the year) is refused wherever text is typed or
 * imported: the server checks every string of a request body (http.ts), the
 * importer checks every cell, and the web client's form helpers run the same
 * function before sending. Pure code: the web client imports this file.
 */

// Ten digits, optionally a dash or space after the sixth, not part of a longer run of digits.
const CANDIDATE = /(?<![0-9])([0-3][0-9])([01][0-9])([0-9]{2})[- ]?([0-9]{4})(?![0-9])/g;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isRealDay(dd: number, mm: number, yy: number): boolean {
  if (mm < 1 || mm > 12 || dd < 1) return false;
  const days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mm - 1];
  // The century is not in the number: 29 February counts when either 19yy or 20yy is a leap year.
  const leap = yy % 4 === 0;
  return dd <= (mm === 2 && leap ? 29 : days);
}

/** True when the text contains something that looks like a CPR number. */
export function containsCpr(text: string): boolean {
  if (text.length < 10 || UUID.test(text)) return false;
  for (const m of text.matchAll(CANDIDATE)) {
    if (isRealDay(Number(m[1]), Number(m[2]), Number(m[3]))) return true;
  }
  return false;
}

export const CPR_MESSAGE = 'Feltet ser ud til at indeholde et CPR-nummer. Fodfæste må ikke gemme CPR-numre: fjern nummeret, og prøv igen.';

// Secrets and one-time codes are never stored as typed and may be any digits.
const EXEMPT_KEYS = /password|token|secret|totp|otp|code$/i;

/**
 * The paths (dotted, e.g. "goals.0.title") of every string in a request body
 * that contains a CPR-like number; passwords and tokens are left out.
 */
export function cprFields(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return containsCpr(value) ? [path || '(data)'] : [];
  if (value instanceof Uint8Array) return []; // an uploaded file: its importer checks every cell
  if (Array.isArray(value)) return value.flatMap((v, i) => cprFields(v, path ? `${path}.${i}` : String(i)));
  if (value && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .filter(([k]) => !EXEMPT_KEYS.test(k))
      .flatMap(([k, v]) => cprFields(v, path ? `${path}.${k}` : k));
  }
  return [];
}
