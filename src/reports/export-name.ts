/** Danish letters spelled out, so "Aulum Milen – Ungeindsats" reads as a file name without a double hyphen. */
const LETTERS: Record<string, string> = { æ: 'ae', ø: 'oe', å: 'aa', Æ: 'ae', Ø: 'oe', Å: 'aa' };

/** "resultater-<partnership>-<from>-<to>.<ext>": lower case, a-z0-9 and single hyphens only. */
export function exportFileName(partnership: string, from: string, to: string, ext: string): string {
  const slug = partnership
    .replace(/[æøåÆØÅ]/g, (c) => LETTERS[c])
    .normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
    .toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'netvaerk';
  return `resultater-${slug}-${from}-${to}.${ext}`;
}
