// Owners (municipalities and organisations) and the stable entry key.

/** The 19 municipalities of Region Midtjylland, as they name themselves. */
export const MIDTJYLLAND_MUNICIPALITIES = [
  'Favrskov', 'Hedensted', 'Herning', 'Holstebro', 'Horsens', 'Ikast-Brande', 'Lemvig',
  'Norddjurs', 'Odder', 'Randers', 'Ringkøbing-Skjern', 'Samsø', 'Silkeborg', 'Skanderborg',
  'Skive', 'Struer', 'Syddjurs', 'Viborg', 'Aarhus',
] as const;

export const MUNICIPALITY_STEMS: readonly string[] = MIDTJYLLAND_MUNICIPALITIES;

/** Levenshtein distance, for catching typos like "Norrdjurs". */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}

export interface OwnerName {
  owner: string;
  isMunicipality: boolean;
  /** Set when the written name was corrected (a typo of a known municipality). */
  correctedFrom?: string;
}

/**
 * Normalises an owner heading: whitespace, "kommune" → "Kommune", and a
 * misspelt Midtjylland municipality to its real name ("Norrdjurs Kommune").
 * Other names are kept as written.
 */
export function normaliseOwner(raw: string): OwnerName {
  const written = raw.replace(/\s+/g, ' ').replace(/^[\s*#:]+|[\s*#:.]+$/g, '').trim();
  const m = /^(.+?)\s+kommune$/i.exec(written) ?? /^kommune\s+(.+)$/i.exec(written);
  if (!m) return { owner: written, isMunicipality: false };
  const stem = m[1].trim();
  const known = MIDTJYLLAND_MUNICIPALITIES.find((k) => k.toLowerCase() === stem.toLowerCase());
  if (known) return { owner: `${known} Kommune`, isMunicipality: true };
  const near = MIDTJYLLAND_MUNICIPALITIES.find(
    (k) => stem.length >= 4 && distance(k.toLowerCase(), stem.toLowerCase()) <= (k.length >= 7 ? 2 : 1),
  );
  if (near) return { owner: `${near} Kommune`, isMunicipality: true, correctedFrom: written };
  const pretty = stem.charAt(0).toUpperCase() + stem.slice(1);
  return { owner: `${pretty} Kommune`, isMunicipality: true };
}

/** True for a heading that names an owner even without markdown: "X Kommune", "Region …", known organisations. */
export function looksLikeOwner(text: string): boolean {
  const t = text.trim();
  if (t.length > 80 || t.split(/\s+/).length > 6) return false;
  return /^\S.*\s[Kk]ommune$/.test(t) || /^Region\s+\S+$/.test(t) || /(University College|Hovedorganisation|Mercantec)/.test(t);
}

const MUNICIPALITY_RES = MIDTJYLLAND_MUNICIPALITIES.map(
  (stem) => [stem, new RegExp(`(?<![\\p{L}-])${stem}s?(?![\\p{L}-])`, 'u')] as const,
);

/** Municipalities of the region named in a text (as "X Kommune"), in order of first mention. */
export function municipalitiesMentioned(text: string): string[] {
  const found: { name: string; at: number }[] = [];
  for (const [stem, re] of MUNICIPALITY_RES) {
    const m = re.exec(text);
    if (m) found.push({ name: `${stem} Kommune`, at: m.index });
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.name);
}

/** Lower-case ASCII slug: æ→ae, ø→oe, å→aa, accents dropped, anything else → "-". */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The stable key of an entry: the same owner and title always give the same key. */
export function entryKey(owner: string, title: string): string {
  return `${slug(owner) || 'ukendt'}/${slug(title) || 'uden-titel'}`;
}
