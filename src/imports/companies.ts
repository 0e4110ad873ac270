// The companies set: one row per company, contact person or opening. Rows with
// the same CVR (or, without one, the same name) belong to one company; a row's
// contact and opening columns add a contact person and an opening to it. A
// company already in the network (same CVR or name) is a match and is left as it is.
import type { Queryable, Trx } from '../core/db.ts';
import { COMPANY_KINDS, COMPANY_SIZES, MEMBERSHIPS, PLACEMENT_KINDS, type CompanyBody, type OpeningBody } from '../companies/schemas.ts';
import { cvrProblem, normaliseCvr } from '../companies/cvr.ts';
import { createCompany, createOpening } from '../companies/write.ts';
import { addContact } from '../companies/contacts.ts';
import type { Column, ParsedRow } from './columns.ts';
import { CellProblem, parseChoice, parseChoices, parseDate, parseEmail, parseNumber, parsePhone, parsePostalCode, text } from './values.ts';
import type { ImportContext, Planned } from './set.ts';
import { companiesForExport, existingCompanies } from './queries.ts';

type Membership = (typeof MEMBERSHIPS)[number];
type Kind = (typeof COMPANY_KINDS)[number];
type PlacementKind = (typeof PLACEMENT_KINDS)[number];

export const MEMBERSHIP_WORDS: Record<Membership, string[]> = {
  fixed_partner: ['Fast partner', 'fast samarbejdspartner', 'fixed partner'],
  steering_group: ['Styregruppe', 'styregruppemedlem', 'steering group'],
  network_member: ['Netværksmedlem', 'medlem', 'network member'],
  occasional: ['Lejlighedsvis', 'løs tilknytning', 'occasional'],
};
export const KIND_WORDS: Record<Kind, string[]> = {
  training: ['Oplæringsvirksomhed', 'oplæring', 'training'],
  hiring: ['Ansættende virksomhed', 'ansættelse', 'hiring'],
  both: ['Begge', 'begge dele', 'both'],
};
export const PLACEMENT_WORDS: Record<PlacementKind, string[]> = {
  trial: ['Snusepraktik', 'snuse', 'trial'],
  work_placement: ['Virksomhedspraktik', 'praktik', 'work placement'],
  wage_subsidy: ['Løntilskud', 'wage subsidy'],
  paid_hours: ['Lønnede timer', 'ordinære timer', 'paid hours'],
  leisure_job: ['Fritidsjob', 'småjob', 'leisure job'],
  apprenticeship: ['Læreplads', 'mesterlære', 'apprenticeship'],
  ordinary_job: ['Ordinært job', 'ordinær ansættelse', 'ordinary job'],
};
const SIZE_WORDS = Object.fromEntries(COMPANY_SIZES.map((s) => [s, [s]])) as Record<(typeof COMPANY_SIZES)[number], string[]>;

export type CompanyKey = 'name' | 'cvr' | 'address' | 'postalCode' | 'city' | 'industry' | 'size' | 'membership' | 'kind' | 'notes'
  | 'contactName' | 'contactTitle' | 'contactPhone' | 'contactEmail'
  | 'openingTitle' | 'openingTasks' | 'placementKinds' | 'daysPerWeek' | 'hoursPerDay' | 'capacity' | 'earliestStart';

function cvr(v: string) {
  const problem = cvrProblem(v);
  if (problem) throw new CellProblem(problem);
  return normaliseCvr(v);
}

export const COMPANY_COLUMNS: readonly Column<CompanyKey>[] = [
  { key: 'name', header: 'Virksomhed', aliases: ['company', 'company name', 'navn', 'firmanavn', 'virksomhedsnavn'], required: true, parse: text(200) },
  { key: 'cvr', header: 'CVR', aliases: ['cvr nummer', 'cvr nr', 'cvr number'], parse: cvr },
  { key: 'address', header: 'Adresse', aliases: ['address'], parse: text(200) },
  { key: 'postalCode', header: 'Postnummer', aliases: ['postal code', 'postnr', 'zip'], parse: parsePostalCode },
  { key: 'city', header: 'By', aliases: ['city', 'bynavn'], parse: text(100) },
  { key: 'industry', header: 'Branche', aliases: ['industry'], parse: text(100) },
  { key: 'size', header: 'Størrelse', aliases: ['size', 'antal ansatte', 'employees'], parse: (v) => parseChoice(v, SIZE_WORDS, 'størrelse') },
  { key: 'membership', header: 'Medlemskab', aliases: ['membership', 'tilknytning'], parse: (v) => parseChoice(v, MEMBERSHIP_WORDS, 'tilknytning') },
  { key: 'kind', header: 'Type', aliases: ['kind', 'virksomhedstype', 'rolle'], parse: (v) => parseChoice(v, KIND_WORDS, 'virksomhedstype') },
  { key: 'notes', header: 'Noter', aliases: ['notes', 'bemærkninger'], parse: text(4000) },
  { key: 'contactName', header: 'Kontaktperson', aliases: ['contact', 'contact name', 'kontakt'], parse: text(200) },
  { key: 'contactTitle', header: 'Kontaktpersonens stilling', aliases: ['contact title', 'stilling'], parse: text(100) },
  { key: 'contactPhone', header: 'Kontaktpersonens telefon', aliases: ['contact phone', 'kontakt telefon'], parse: parsePhone },
  { key: 'contactEmail', header: 'Kontaktpersonens e-mail', aliases: ['contact email', 'kontakt e-mail'], parse: parseEmail },
  { key: 'openingTitle', header: 'Opgave', aliases: ['opening', 'opening title', 'praktikplads', 'tilbud'], parse: text(200) },
  { key: 'openingTasks', header: 'Opgavebeskrivelse', aliases: ['tasks', 'opgaver', 'beskrivelse'], parse: text(2000) },
  { key: 'placementKinds', header: 'Forløbstyper', aliases: ['placement kinds', 'praktiktyper', 'forløb'], parse: (v) => parseChoices(v, PLACEMENT_WORDS, 'forløbstype') },
  { key: 'daysPerWeek', header: 'Dage om ugen', aliases: ['days per week', 'dage pr uge'], parse: (v) => parseNumber(v, { integer: true, min: 1, max: 7 }) },
  { key: 'hoursPerDay', header: 'Timer om dagen', aliases: ['hours per day', 'timer pr dag'], parse: (v) => parseNumber(v, { min: 0.1, max: 24 }) },
  { key: 'capacity', header: 'Pladser', aliases: ['capacity', 'antal pladser', 'places'], parse: (v) => parseNumber(v, { integer: true, min: 0, max: 500 }) },
  { key: 'earliestStart', header: 'Tidligste start', aliases: ['earliest start', 'kan starte'], parse: parseDate },
];

export interface CompanyDraft {
  company: CompanyBody;
  contacts: { name: string; title: string | null; phone: string | null; email: string | null }[];
  openings: OpeningBody[];
}

type V = Partial<Record<CompanyKey, unknown>>;
const s = (v: V, k: CompanyKey) => (v[k] as string | undefined) ?? null;
const keyOf = (v: V) => (v.cvr ? `cvr:${String(v.cvr)}` : `name:${String(v.name).toLowerCase().trim()}`);

export async function planCompanies(q: Queryable, _ctx: ImportContext, parsed: ParsedRow<CompanyKey>[]): Promise<Planned<CompanyDraft>[]> {
  const existing = await existingCompanies(q, _ctx.partnership.id);
  const known = new Map<string, string>();
  for (const c of existing) {
    known.set(`name:${c.name.toLowerCase().trim()}`, c.id);
    if (c.cvr) known.set(`cvr:${c.cvr}`, c.id);
  }
  const drafts = new Map<string, CompanyDraft>();
  return parsed.map(({ row, values: v, problems }) => {
    const label = String(v.name ?? `Række ${row}`);
    if (!problems.length && v.openingTitle && !v.placementKinds) problems.push({ row, column: 'Forløbstyper', message: 'Skriv mindst én forløbstype for opgaven, fx virksomhedspraktik.' });
    if (!problems.length && !v.openingTitle && (v.openingTasks || v.placementKinds || v.capacity !== undefined)) {
      problems.push({ row, column: 'Opgave', message: 'Skriv opgavens titel, når rækken beskriver en opgave.' });
    }
    if (problems.length) return { row, action: 'error', label, problems };
    const key = keyOf(v);
    const matchId = known.get(key) ?? known.get(`name:${String(v.name).toLowerCase().trim()}`);
    if (matchId) return { row, action: 'match', label, problems, matchId, note: 'Virksomheden findes allerede og ændres ikke.' };
    let draft = drafts.get(key);
    const first = !draft;
    if (!draft) {
      draft = {
        company: {
          name: String(v.name), cvr: s(v, 'cvr'), address: s(v, 'address'), postalCode: s(v, 'postalCode'), city: s(v, 'city'),
          industry: s(v, 'industry'), size: (v.size as CompanyBody['size']) ?? null, membership: (v.membership as Membership | undefined) ?? 'network_member',
          kind: (v.kind as Kind | undefined) ?? 'both', notes: s(v, 'notes'),
        },
        contacts: [], openings: [],
      };
      drafts.set(key, draft);
    }
    const parts: string[] = [];
    if (v.contactName) {
      draft.contacts.push({ name: String(v.contactName), title: s(v, 'contactTitle'), phone: s(v, 'contactPhone'), email: s(v, 'contactEmail') });
      parts.push(`kontaktperson ${String(v.contactName)}`);
    }
    if (v.openingTitle) {
      draft.openings.push({
        title: String(v.openingTitle), tasks: s(v, 'openingTasks') ?? '', placementKinds: v.placementKinds as PlacementKind[],
        ...(v.daysPerWeek !== undefined ? { startDaysPerWeek: v.daysPerWeek as number } : {}),
        ...(v.hoursPerDay !== undefined ? { startHoursPerDay: v.hoursPerDay as number } : {}),
        ...(v.capacity !== undefined ? { capacity: v.capacity as number } : {}),
        earliestStart: s(v, 'earliestStart'),
      });
      parts.push(`opgave ${String(v.openingTitle)}`);
    }
    const note = parts.length ? `${first ? 'Med' : 'Tilføjer'} ${parts.join(' og ')}.` : undefined;
    // Only the company's first row carries the draft, so it is written once with everything gathered.
    return { row, action: 'create', label, problems, note, ...(first ? { draft } : {}) };
  });
}

/** Each company through the companies feature's own writes (CVR rule, contacts, openings). */
export async function writeCompanies(trx: Trx, ctx: ImportContext, drafts: CompanyDraft[], onProgress?: (done: number) => void) {
  const ids: string[] = [];
  for (const d of drafts.filter(Boolean)) {
    const { id } = await createCompany(trx, ctx.partnership.id, d.company);
    const company = { id, partnership_id: ctx.partnership.id };
    for (const c of d.contacts) await addContact(trx, company, c);
    for (const o of d.openings) await createOpening(trx, company, o);
    ids.push(id);
    onProgress?.(ids.length);
  }
  return ids;
}

const labelOf = <T extends string>(words: Record<T, string[]>, code: string | null) => (code ? words[code as T]?.[0] ?? code : '');
const danishDate = (iso: string | null) => (iso ? `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}` : '');
const decimal = (n: string | number) => String(Number(n)).replace('.', ',');

/** One row per contact or opening (side by side), at least one per company. */
export async function exportCompanies(q: Queryable, partnershipId: string) {
  const { companies, contacts, openings } = await companiesForExport(q, partnershipId);
  const rows: string[][] = [];
  for (const c of companies) {
    const cs = contacts.filter((x) => x.company_id === c.id);
    const os = openings.filter((x) => x.company_id === c.id);
    const n = Math.max(1, cs.length, os.length);
    for (let i = 0; i < n; i++) {
      const k = cs[i];
      const o = os[i];
      rows.push([
        c.name, c.cvr ?? '', c.address ?? '', c.postal_code ?? '', c.city ?? '', c.industry ?? '', c.size ?? '',
        labelOf(MEMBERSHIP_WORDS, c.membership), labelOf(KIND_WORDS, c.kind), c.notes ?? '',
        k?.name ?? '', k?.title ?? '', k?.phone ?? '', k?.email ?? '',
        o?.title ?? '', o?.tasks ?? '', o ? o.placement_kinds.map((p) => labelOf(PLACEMENT_WORDS, p)).join(', ') : '',
        o ? String(o.start_days_per_week) : '', o ? decimal(o.start_hours_per_day) : '', o ? String(o.capacity) : '',
        o ? danishDate(o.earliest_start) : '',
      ]);
    }
  }
  return { ids: companies.map((c) => c.id), rows };
}
