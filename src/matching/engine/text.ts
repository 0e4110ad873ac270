// Danish word normalisation for comparing tags and task descriptions.
// Deliberately simple: lowercase, keep æøå, strip the common plural/definite
// endings so "lageret", "lagre" and "lager" meet, "dyrene" meets "dyr".

/** Endings stripped, longest first. */
const ENDINGS = ['erne', 'ene', 'er', 'en', 'et', 'e'] as const;
/** Never strip a word below this length (keeps "is", "bil", "dyr" intact). */
const MIN_STEM = 3;

/** Words that carry no meaning when comparing tasks and interests. */
const STOPWORDS = new Set([
  'og', 'i', 'på', 'med', 'til', 'af', 'for', 'som', 'der', 'det', 'den', 'de',
  'har', 'kan', 'skal', 'vil', 'ved', 'hos', 'fra', 'efter', 'eller', 'ikke',
  'også', 'alle', 'en', 'et', 'at', 'om', 'man', 'sig', 'arbejde', 'opgave',
  'opgaver', 'job', 'gerne', 'meget', 'lidt', 'være', 'blive', 'godt', 'god',
]);

const WORD = /[\p{L}\p{N}]+/gu;

/** Reduces one Danish word to a comparison stem. */
export function stemDanish(word: string): string {
  let stem = word.toLowerCase();
  // Two passes: "bageren" → "bager" → "bag" meets "bager" → "bag".
  for (let pass = 0; pass < 2; pass++) {
    const ending = ENDINGS.find((e) => stem.endsWith(e) && stem.length - e.length >= MIN_STEM);
    if (ending === undefined) break;
    stem = stem.slice(0, stem.length - ending.length);
  }
  // Definite forms double the consonant: "butikken" → "butikk" → "butik".
  const n = stem.length;
  if (n > MIN_STEM && stem[n - 1] === stem[n - 2] && !'aeiouyæøå'.includes(stem[n - 1])) {
    stem = stem.slice(0, n - 1);
  }
  return stem;
}

/** Stems of the meaningful words in a text or tag. */
export function stemsOf(text: string): string[] {
  const out: string[] = [];
  for (const m of text.toLowerCase().matchAll(WORD)) {
    const w = m[0];
    if (w.length < 2 || STOPWORDS.has(w)) continue;
    out.push(stemDanish(w));
  }
  return out;
}

/** 32-bit FNV-1a hash of a stem, folded to one of 64 signature bits. */
function stemBit(stem: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < stem.length; i++) h = Math.imul(h ^ stem.charCodeAt(i), 0x01000193);
  return (h >>> 0) & 63;
}

/**
 * A set of stems with a 64-bit signature (one bit per stem hash): most tags
 * meet most candidates' sets nowhere, and two integer ANDs say so before any
 * string is hashed. The signature only rejects; a set bit is checked exactly.
 */
export class StemSet extends Set<string> {
  sigLo = 0;
  sigHi = 0;

  override add(stem: string): this {
    const bit = stemBit(stem);
    if (bit < 32) this.sigLo |= 1 << bit;
    else this.sigHi |= 1 << (bit - 32);
    return super.add(stem);
  }
}

/** Set of stems across several texts. */
export function stemSet(texts: readonly string[]): StemSet {
  const set = new StemSet();
  for (const t of texts) for (const s of stemsOf(t)) set.add(s);
  return set;
}

// Tags come from a small vocabulary and are compared against every candidate,
// so their stems are cached; the cap keeps a long-running server bounded.
const TAG_CACHE_MAX = 20_000;
const tagCache = new Map<string, string[]>();

function tagStems(tag: string): string[] {
  let stems = tagCache.get(tag);
  if (stems === undefined) {
    if (tagCache.size >= TAG_CACHE_MAX) tagCache.clear();
    stems = stemsOf(tag);
    tagCache.set(tag, stems);
  }
  return stems;
}

/**
 * The tags (in their original wording) whose stems meet `other`.
 * A multi-word tag ("arbejde med dyr") matches when any of its words does.
 */
export function matchingTags(tags: readonly string[], other: ReadonlySet<string>): string[] {
  const hits: string[] = [];
  for (const tag of tags) {
    if (tagStems(tag).some((s) => other.has(s)) && !hits.includes(tag)) hits.push(tag);
  }
  return hits;
}

/** Tags prepared once for counting matches without allocating: the stems of each distinct tag. */
export interface PreparedTags {
  readonly stems: readonly (readonly string[])[];
  /** Signature bit masks of each distinct tag's stems (see StemSet), and of all of them. */
  readonly lo: Int32Array;
  readonly hi: Int32Array;
  readonly allLo: number;
  readonly allHi: number;
  /** The number of tags as given (duplicates included), as tagOverlap counts them. */
  readonly length: number;
}

const preparedTags = new WeakMap<readonly string[], PreparedTags>();
let lastTags: readonly string[] | null = null, lastPrepared: PreparedTags | null = null;

/** Prepared form of a tag list, built once per list object (a ranking asks for the same list thousands of times). */
export function prepareTags(tags: readonly string[]): PreparedTags {
  if (tags === lastTags) return lastPrepared!;
  let p = preparedTags.get(tags);
  if (p === undefined) {
    const stems = [...new Set(tags)].map(tagStems);
    const lo = new Int32Array(stems.length), hi = new Int32Array(stems.length);
    stems.forEach((list, k) => {
      for (const s of list) {
        const bit = stemBit(s);
        if (bit < 32) lo[k] |= 1 << bit;
        else hi[k] |= 1 << (bit - 32);
      }
    });
    p = { stems, lo, hi, allLo: lo.reduce((a, b) => a | b, 0), allHi: hi.reduce((a, b) => a | b, 0), length: tags.length };
    preparedTags.set(tags, p);
  }
  lastTags = tags;
  lastPrepared = p;
  return p;
}

/** Exactly matchingTags(tags, other).length, without building the list. */
export function countMatchingTags(p: PreparedTags, other: ReadonlySet<string>): number {
  const sig = other as Partial<Pick<StemSet, 'sigLo' | 'sigHi'>>;
  const signed = sig.sigLo !== undefined;
  const lo = sig.sigLo ?? 0, hi = sig.sigHi ?? 0;
  if (signed && (lo & p.allLo) === 0 && (hi & p.allHi) === 0) return 0;
  let n = 0;
  const all = p.stems;
  for (let k = 0; k < all.length; k++) {
    if (signed && (lo & p.lo[k]) === 0 && (hi & p.hi[k]) === 0) continue;
    const stems = all[k];
    for (let j = 0; j < stems.length; j++) {
      if (other.has(stems[j])) { n++; break; }
    }
  }
  return n;
}

/**
 * Memoises a derived value per object, so prepared word sets are built once per
 * candidate. The value is kept on the object itself under a private,
 * non-enumerable symbol (invisible to JSON, spread and Object.keys): ranking
 * asks for it on tens of thousands of candidates, and a property read is many
 * times cheaper than a WeakMap lookup. Frozen objects fall back to a WeakMap.
 */
export function memoByObject<K extends object, V>(derive: (key: K) => V): (key: K) => V {
  const slot = Symbol('memo');
  const frozen = new WeakMap<K, V>();
  return (key) => {
    const held = (key as Record<symbol, V | undefined>)[slot];
    if (held !== undefined) return held;
    let v = frozen.get(key);
    if (v === undefined) {
      v = derive(key);
      if (Object.isExtensible(key)) Object.defineProperty(key, slot, { value: v, enumerable: false, writable: false, configurable: false });
      else frozen.set(key, v);
    }
    return v;
  };
}
