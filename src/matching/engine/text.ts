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

/** Set of stems across several texts. */
export function stemSet(texts: readonly string[]): Set<string> {
  const set = new Set<string>();
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

/** Memoises a derived value per object, so prepared word sets are built once per candidate. */
export function memoByObject<K extends object, V>(derive: (key: K) => V): (key: K) => V {
  const cache = new WeakMap<K, V>();
  return (key) => {
    let v = cache.get(key);
    if (v === undefined) {
      v = derive(key);
      cache.set(key, v);
    }
    return v;
  };
}
