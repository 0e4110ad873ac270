// Target age from free text: "unge mellem 15 og 25 år", "18-30 årige",
// "15-29 år", "i alderen 15-17-år", "under 30 år", "over 16 år max. alder 29 år".
//
// Reading choices (documented because they are judgement calls):
// - "under N år" means up to N-1; "over N år", "fra N år" and "N+" mean from N
//   (the catalog writes "over 16" for what it also calls "16+").
// - Numbers outside 10–99 are durations or grades, not ages, and are ignored.
// - "N-M år" counts only after a word that makes it an age ("unge", "mellem",
//   "alderen" …), so "de seneste 10-15 år" is not read as an age; "N-M årige"
//   always counts.
// - All ages found in one text are combined to their widest range.

import type { AgeRange } from './types.ts';

const MIN_AGE = 10;
const MAX_AGE = 99;
const CONTEXT = /(unge|ung|elever|alderen|alder|mellem|ml\.?|fra|børn|personer|borgere|målgruppen?|voksne|fritidsjobbere|studerende|deltagere|for|til|\()[^.\d]{0,45}$/;

interface Found {
  min: number | null;
  max: number | null;
}

function valid(n: number): boolean {
  return Number.isInteger(n) && n >= MIN_AGE && n <= MAX_AGE;
}

function hasContext(text: string, index: number): boolean {
  return CONTEXT.test(text.slice(Math.max(0, index - 60), index));
}

function ranges(text: string): Found[] {
  const found: Found[] = [];
  const re = /(?:mellem|ml\.?)?\s*(\d{1,2})\s*(?:-|til|og)\s*(\d{1,2})\s*-?\s*(år(?:ige|igt|ig|s)?)(?![\p{L}])/gu;
  for (const m of text.matchAll(re)) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const joiner = m[0].replace(/\d+/g, '#');
    if (/#\s*og\s*#/.test(joiner) && !/^\s*(mellem|ml)/.test(m[0])) continue;
    if (!valid(a) || !valid(b) || a > b) continue;
    if (m[3] === 'år' && !/^\s*(mellem|ml)/.test(m[0]) && !hasContext(text, m.index)) continue;
    found.push({ min: a, max: b });
  }
  return found;
}

function bounds(text: string): Found[] {
  const found: Found[] = [];
  const rules: [RegExp, (n: number) => Found, boolean][] = [
    [/\bunder\s+(\d{1,2})\s*-?\s*(år(?:ige|ig)?)(?![\p{L}])/gu, (n) => ({ min: null, max: n - 1 }), true],
    [/\bop\s+til\s+(\d{1,2})\s*-?\s*(år(?:ige|ig)?)(?![\p{L}])/gu, (n) => ({ min: null, max: n }), true],
    [/\bmax(?:\.|imalt|imum)?\s*(?:alder\s*)?(?:på\s*)?(\d{1,2})\s*-?\s*(år(?:ige|ig)?)(?![\p{L}])/gu, (n) => ({ min: null, max: n }), false],
    [/\b(?:over|fra)\s+(\d{1,2})\s*-?\s*(år(?:ige|ig)?)(?![\p{L}])/gu, (n) => ({ min: n, max: null }), true],
    [/\b(\d{1,2})\s*(år\s+)?(?:og\s+(?:op|ældre|opefter))(?![\p{L}])/gu, (n) => ({ min: n, max: null }), true],
    [/(?<![\d.,])(\d{2})\s*\+(?!\d)/g, (n) => ({ min: n, max: null }), true],
  ];
  for (const [re, make, needsContext] of rules) {
    for (const m of text.matchAll(re)) {
      const n = Number(m[1]);
      if (!valid(n)) continue;
      const saysAge = (m[2] ?? '').startsWith('årig');
      if (needsContext && !saysAge && !hasContext(text, m.index)) continue;
      found.push(make(n));
    }
  }
  return found;
}

function combine(found: Found[]): AgeRange | null {
  if (found.length === 0) return null;
  const mins = found.map((f) => f.min).filter((n): n is number => n !== null);
  const maxs = found.map((f) => f.max).filter((n): n is number => n !== null);
  const min = mins.length ? Math.min(...mins) : null;
  const max = maxs.length ? Math.max(...maxs) : null;
  if (min !== null && max !== null && min > max) return null;
  return { min, max };
}

/** The age range one text states, or null. */
export function parseAgeRange(text: string): AgeRange | null {
  const norm = text.toLowerCase().replace(/[‐‑‒–—−]/g, '-').replace(/\s+/g, ' ');
  return combine([...ranges(norm), ...bounds(norm)]);
}

/** The first of several texts (target group first, then title, then everything) that states an age. */
export function findAgeRange(sources: (string | null | undefined)[]): AgeRange | null {
  for (const source of sources) {
    if (!source) continue;
    const range = parseAgeRange(source);
    if (range) return range;
  }
  return null;
}
