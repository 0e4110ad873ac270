// The mentors set: volunteer business mentors and professional mentors. A company
// mentor belongs to a placement and is entered there (or as a company's contact person).
import type { Queryable, Trx } from '../core/db.ts';
import { mentorColumns } from '../mentors/queries.ts';
import type { MentorCreate } from '../mentors/schemas.ts';
import type { Column, ParsedRow } from './columns.ts';
import { foldName, parseChoice, parseDate, parseEmail, parseNumber, parsePhone, text } from './values.ts';
import type { ImportContext, Planned } from './set.ts';
import { existingMentors, insertMentors, mentorsForExport } from './queries.ts';

type Kind = 'company' | 'volunteer' | 'professional';
export const MENTOR_KIND_WORDS: Record<Kind, string[]> = {
  volunteer: ['Frivillig erhvervsmentor', 'frivillig', 'volunteer', 'erhvervsmentor'],
  professional: ['Professionel mentor', 'professionel', 'professional', 'støttekontaktperson'],
  company: ['Virksomhedsmentor', 'virksomhed', 'company'],
};

export type MentorKey = 'name' | 'kind' | 'phone' | 'email' | 'jobTitle' | 'industry' | 'interests' | 'offers' | 'hoursPerMonth' | 'area'
  | 'introTalkOn' | 'courseOn' | 'recordCheckedOn' | 'agreementSignedOn';

export const MENTOR_COLUMNS: readonly Column<MentorKey>[] = [
  { key: 'name', header: 'Navn', aliases: ['name', 'mentor', 'fulde navn'], required: true, parse: text(120) },
  { key: 'kind', header: 'Mentortype', aliases: ['kind', 'type', 'mentor type'], parse: (v) => parseChoice(v, MENTOR_KIND_WORDS, 'mentortype') },
  { key: 'phone', header: 'Telefon', aliases: ['phone', 'mobil'], parse: parsePhone },
  { key: 'email', header: 'E-mail', aliases: ['email', 'mail'], parse: parseEmail },
  { key: 'jobTitle', header: 'Stilling', aliases: ['job title', 'title', 'titel'], parse: text(120) },
  { key: 'industry', header: 'Branche', aliases: ['industry'], parse: text(120) },
  { key: 'interests', header: 'Interesser', aliases: ['interests'], parse: text(500) },
  { key: 'offers', header: 'Tilbyder', aliases: ['offers', 'kan tilbyde'], parse: text(1000) },
  { key: 'hoursPerMonth', header: 'Timer om måneden', aliases: ['hours per month', 'timer pr måned'], parse: (v) => parseNumber(v, { integer: true, min: 0, max: 200 }) },
  { key: 'area', header: 'Område', aliases: ['area', 'geografi'], parse: text(120) },
  { key: 'introTalkOn', header: 'Introsamtale', aliases: ['intro talk', 'intro talk on'], parse: parseDate },
  { key: 'courseOn', header: 'Mentorkursus', aliases: ['course', 'course on', 'kursus'], parse: parseDate },
  { key: 'recordCheckedOn', header: 'Børneattest set', aliases: ['record checked', 'record checked on', 'straffeattest set'], parse: parseDate },
  { key: 'agreementSignedOn', header: 'Aftale underskrevet', aliases: ['agreement signed', 'agreement signed on'], parse: parseDate },
];

export async function planMentors(q: Queryable, ctx: ImportContext, parsed: ParsedRow<MentorKey>[]): Promise<Planned<MentorCreate>[]> {
  const existing = await existingMentors(q, ctx.partnership.id);
  const known = new Map<string, string>();
  for (const m of existing) {
    known.set(`name:${foldName(m.name)}`, m.id);
    if (m.email) known.set(`email:${m.email.toLowerCase()}`, m.id);
  }
  const seen = new Map<string, number>();
  return parsed.map(({ row, values: v, problems }) => {
    const label = String(v.name ?? `Række ${row}`);
    if (!problems.length && v.kind === 'company') {
      problems.push({ row, column: 'Mentortype', message: 'En virksomhedsmentor hører til en praktik: skriv vedkommende som kontaktperson i virksomhedsfilen.' });
    }
    if (problems.length) return { row, action: 'error', label, problems };
    const keys = [`name:${foldName(String(v.name))}`, ...(v.email ? [`email:${String(v.email)}`] : [])];
    const matchId = keys.map((k) => known.get(k)).find(Boolean);
    if (matchId) return { row, action: 'match', label, problems, matchId, note: 'Mentoren findes allerede (samme navn eller e-mail) og ændres ikke.' };
    const earlier = keys.map((k) => seen.get(k)).find(Boolean);
    if (earlier) return { row, action: 'match', label, problems, note: `Samme mentor som række ${earlier}; oprettes kun én gang.` };
    for (const k of keys) seen.set(k, row);
    const { kind, ...rest } = v;
    const draft = { ...rest, kind: (kind as Kind | undefined) ?? 'volunteer', name: String(v.name) } as MentorCreate;
    return { row, action: 'create', label, problems, draft };
  });
}

export async function writeMentors(trx: Trx, ctx: ImportContext, drafts: MentorCreate[]) {
  return insertMentors(trx, drafts.map((d) => ({ ...mentorColumns(d), partnership_id: ctx.partnership.id, kind: d.kind, name: d.name })));
}

const danishDate = (iso: string | null) => (iso ? `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}` : '');

export async function exportMentors(q: Queryable, partnershipId: string) {
  const rows = await mentorsForExport(q, partnershipId);
  return {
    ids: rows.map((m) => m.id),
    rows: rows.map((m) => [
      m.name, MENTOR_KIND_WORDS[m.kind as Kind]?.[0] ?? m.kind, m.phone ?? '', m.email ?? '', m.job_title ?? '', m.industry ?? '',
      m.interests ?? '', m.offers ?? '', m.hours_per_month === null ? '' : String(m.hours_per_month), m.area ?? '',
      danishDate(m.intro_talk_on), danishDate(m.course_on), danishDate(m.record_checked_on), danishDate(m.agreement_signed_on),
    ]),
  };
}
