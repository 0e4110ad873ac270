// Reads start and end dates out of the free-text "Projektperiode" values:
// "2018-2020", "01.04.2019-31.07.2021", "1. januar 2020 til 30. september 2022",
// "Januar 2020 – januar 2023", "Medio 2018 til ultimo 2020", "Siden august 2019",
// "Frem til 2021", "Skoleåret 2020/2021", "slutningen af 1. kvartal 2021", "uge 43, 2020".
//
// Each date mention is read as an interval (a year is 1 Jan–31 Dec, a month
// its first to last day, a school year 1 Aug–31 Jul). A mention after "siden",
// "fra", "start", "pr." … is a start; after "til", "frem til", "afsluttes" …
// an end; "A – B" / "A til B" is a range. start = the earliest start-or-plain
// mention, end = the latest end. Anything else is left as text only.

const MONTHS: Record<string, number> = {
  januar: 1, jan: 1, februar: 2, feb: 2, marts: 3, mar: 3, april: 4, apr: 4, maj: 5,
  juni: 6, jun: 6, juli: 7, jul: 7, august: 8, aug: 8, september: 9, sept: 9, sep: 9,
  oktober: 10, okt: 10, november: 11, nov: 11, december: 12, dec: 12,
};
const MONTH = '(januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|okt|nov|dec)';
const YEAR = '(19[5-9]\\d|20\\d\\d)';
const MODIFIER = /(primo|medio|ultimo|starten af|begyndelsen af|midten af|slutningen af|udgangen af)\s+$/;

interface Mention {
  index: number;
  end: number;
  from: string;
  to: string;
  role?: 'start' | 'end';
}

const pad = (n: number): string => String(n).padStart(2, '0');
const lastDay = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();
const iso = (y: number, m: number, d: number): string => `${y}-${pad(m)}-${pad(d)}`;
const monthSpan = (y: number, m: number): [string, string] => [iso(y, m, 1), iso(y, m, lastDay(y, m))];

function isoWeek(year: number, week: number): [string, string] | null {
  if (week < 1 || week > 53) return null;
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const monday = new Date(jan4.getTime() - (((jan4.getUTCDay() + 6) % 7) * 864e5) + (week - 1) * 7 * 864e5);
  const sunday = new Date(monday.getTime() + 6 * 864e5);
  return [monday.toISOString().slice(0, 10), sunday.toISOString().slice(0, 10)];
}

type Reader = [RegExp, (m: RegExpExecArray) => [string, string] | null];

// Most specific first; a later reader never overlaps a span already taken.
const READERS: Reader[] = [
  [new RegExp(`\\b(\\d{1,2})[./-](\\d{1,2})[./-]${YEAR}\\b`, 'g'), (m) => day(+m[3], +m[2], +m[1])],
  [new RegExp(`\\b(\\d{1,2})\\.?\\s*${MONTH}\\.?\\s+${YEAR}\\b`, 'g'), (m) => day(+m[3], MONTHS[m[2]], +m[1])],
  [new RegExp(`(?:skoleåret|skoleår)?\\s*${YEAR}\\s*/\\s*(\\d{4}|\\d{2})\\b`, 'g'), (m) => schoolYear(+m[1], m[2])],
  [new RegExp(`\\b([1-4])\\.\\s*kvartal\\s+${YEAR}\\b`, 'g'), (m) => quarter(+m[2], +m[1])],
  [new RegExp(`\\buge\\s+(\\d{1,2}),?\\s+${YEAR}\\b`, 'g'), (m) => isoWeek(+m[2], +m[1])],
  [new RegExp(`\\b(foråret|sommeren|efteråret|vinteren)\\s+${YEAR}\\b`, 'g'), (m) => season(+m[2], m[1])],
  [new RegExp(`\\b${MONTH}\\.?\\s+${YEAR}\\b`, 'g'), (m) => monthSpan(+m[2], MONTHS[m[1]])],
  [new RegExp(`(?<![\\d.,])${YEAR}(?![\\d.,]\\d)(?! \\d{2})`, 'g'), (m) => [iso(+m[1], 1, 1), iso(+m[1], 12, 31)]],
];

function day(y: number, m: number, d: number): [string, string] | null {
  if (m < 1 || m > 12 || d < 1 || d > lastDay(y, m)) return null;
  return [iso(y, m, d), iso(y, m, d)];
}

function schoolYear(y: number, next: string): [string, string] | null {
  const second = next.length === 2 ? Math.floor(y / 100) * 100 + Number(next) : Number(next);
  if (second !== y + 1) return null;
  return [iso(y, 8, 1), iso(second, 7, 31)];
}

function quarter(y: number, q: number): [string, string] {
  return [iso(y, q * 3 - 2, 1), iso(y, q * 3, lastDay(y, q * 3))];
}

function season(y: number, name: string): [string, string] {
  if (name === 'foråret') return [iso(y, 3, 1), iso(y, 5, 31)];
  if (name === 'sommeren') return [iso(y, 6, 1), iso(y, 8, 31)];
  if (name === 'efteråret') return [iso(y, 9, 1), iso(y, 11, 30)];
  return [iso(y, 12, 1), iso(y + 1, 2, lastDay(y + 1, 2))];
}

/** Narrows an interval for "primo/medio/ultimo …", "slutningen af …". */
function narrow([from, to]: [string, string], modifier: string): [string, string] {
  const [fy, fm] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  if (fy === ty && fm === tm) {
    return /ultimo|slutningen|udgangen/.test(modifier) ? [to, to] : /primo|starten|begyndelsen/.test(modifier) ? [from, from] : [from, to];
  }
  if (/primo|starten|begyndelsen/.test(modifier)) return monthSpan(fy, fm);
  if (/ultimo|slutningen|udgangen/.test(modifier)) return monthSpan(ty, tm);
  // medio / midten af: the middle month of the span (July for a year).
  const months = (ty - fy) * 12 + (tm - fm);
  const mid = fm - 1 + Math.ceil(months / 2);
  return monthSpan(fy + Math.floor(mid / 12), (mid % 12) + 1);
}

function findMentions(text: string): Mention[] {
  const taken: Mention[] = [];
  for (const [re, read] of READERS) {
    for (const m of text.matchAll(re)) {
      const index = m.index + (m[0].length - m[0].trimStart().length);
      const end = m.index + m[0].length;
      if (taken.some((t) => index < t.end && end > t.index)) continue;
      const span = read(m as RegExpExecArray);
      if (!span) continue;
      const mod = MODIFIER.exec(text.slice(Math.max(0, index - 20), index));
      const [from, to] = mod ? narrow(span, mod[1]) : span;
      taken.push({ index: mod ? index - mod[0].length : index, end, from, to });
    }
  }
  return taken.sort((a, b) => a.index - b.index);
}

const RANGE_JOIN = /^\s*(-|til og med|til|frem til|og til)\s*(den\s+|d\.\s*)?$/;
const START_BEFORE = /(siden|fra|start\w*|opstart\w*|begynd\w*|pr\.|etableret|iværksat|igangsat|åbne\w*|starte op i|implementeret d\.|i gang)\s*(den\s+|d\.\s*|i\s+|med\s+)?$/;
const END_BEFORE = /(til og med|frem til|indtil|til|slut\w*|afslut\w*|udløb\w*|ophør\w*|resten af|løber til)\s*(den\s+|d\.\s*|i\s+)?$/;

function assignRoles(text: string, mentions: Mention[]): void {
  mentions.forEach((m, i) => {
    const prevEnd = i > 0 ? mentions[i - 1].end : 0;
    const before = text.slice(Math.max(prevEnd, m.index - 30), m.index);
    if (i > 0 && RANGE_JOIN.test(text.slice(prevEnd, m.index)) && mentions[i - 1].role !== 'end') {
      mentions[i - 1].role = 'start';
      m.role = 'end';
    } else if (START_BEFORE.test(before)) m.role = 'start';
    else if (END_BEFORE.test(before)) m.role = 'end';
  });
}

/** Start and end (ISO dates) read from a period text; either may be missing. */
export function parsePeriodDates(text: string): { start?: string; end?: string } {
  const norm = text.toLowerCase().replace(/[‐‑‒–—−]/g, '-').replace(/\s+/g, ' ');
  const mentions = findMentions(norm);
  assignRoles(norm, mentions);
  const starts = mentions.filter((m) => m.role !== 'end').map((m) => m.from).sort();
  const ends = mentions.filter((m) => m.role === 'end').map((m) => m.to).sort();
  const result: { start?: string; end?: string } = {};
  if (starts.length) result.start = starts[0];
  if (ends.length) result.end = ends[ends.length - 1];
  if (result.start && result.end && result.start > result.end) delete result.end;
  return result;
}
