/**
 * LIX (Björnsson's läsbarhetsindex): words per sentence plus the share of long
 * words (more than six letters) in per cent. Below 25 is very easy (children's
 * books), 25–35 easy, 35–45 middle. Young people's texts must stay at 35 or below.
 */
export interface LixResult {
  lix: number;
  words: number;
  sentences: number;
  longWords: number;
}

const WORD = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;

/** LIX of a text; each of `texts` ends a sentence even without a full stop (UI strings rarely have one). */
export function lix(texts: string | string[]): LixResult {
  let words = 0;
  let sentences = 0;
  let longWords = 0;
  for (const raw of Array.isArray(texts) ? texts : [texts]) {
    // Interpolations ({{name}}) are filled with names and dates at run time: not counted.
    const text = raw.replace(/\{\{[^}]*\}\}/g, ' ');
    const found = text.match(WORD) ?? [];
    if (found.length === 0) continue;
    words += found.length;
    longWords += found.filter((w) => [...w.replace(/[-'’]/g, '')].length > 6).length;
    const stops = text.split(/[.!?:]+(?:\s|$)/).filter((part) => (part.match(WORD) ?? []).length > 0).length;
    sentences += Math.max(stops, 1);
  }
  if (words === 0) return { lix: 0, words, sentences, longWords };
  return { lix: words / sentences + (longWords * 100) / words, words, sentences, longWords };
}

/** Every string in a nested i18n object. */
export function strings(messages: unknown): string[] {
  if (typeof messages === 'string') return [messages];
  if (messages && typeof messages === 'object') return Object.values(messages).flatMap(strings);
  return [];
}
