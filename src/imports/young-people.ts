// The young-people set: columns, checks against the partnership, matching with
// people already registered, the bulk write and the export rows.
import type { Queryable, Trx } from '../core/db.ts';
import { EDUCATIONS, OUTCOMES, REFERRAL_SOURCES } from '../youth/domain.ts';
import type { Column, ParsedRow, RowProblem } from './columns.ts';
import { foldName, parseChoice, parseDate, parseEmail, parsePhone, parsePostalCode, text } from './values.ts';
import type { ImportContext, Planned } from './set.ts';
import { counsellorsByEmail, existingYoungPeople, insertYoungPeople, youngPeopleForExport } from './queries.ts';

type Referral = (typeof REFERRAL_SOURCES)[number];
type Outcome = (typeof OUTCOMES)[number];
type Education = (typeof EDUCATIONS)[number];

export const REFERRAL_WORDS: Record<Referral, string[]> = {
  municipality: ['Kommunen', 'kommune', 'jobcenter', 'jobcentret', 'ungevejledningen', 'uu'],
  school: ['Skole', 'skolen', 'uddannelsesinstitution'],
  parent: ['Forælder', 'forældre', 'familie'],
  self: ['Den unge selv', 'selv', 'egen henvendelse', 'self-referral'],
  other: ['Andet', 'anden'],
};
export const OUTCOME_WORDS: Record<Outcome, string[]> = {
  ordinary_employment: ['Ordinær beskæftigelse', 'ordinært job', 'job', 'ordinary employment'],
  flex_job: ['Fleksjob', 'flex job'],
  disability_pension: ['Førtidspension', 'disability pension'],
  education: ['Uddannelse', 'education'],
  resource_course: ['Ressourceforløb', 'resource course'],
  public_benefits: ['Offentlig forsørgelse', 'tilbage på offentlig forsørgelse', 'public benefits'],
  moved: ['Fraflyttet', 'flyttet', 'moved'],
  dropped_out: ['Frafaldet', 'droppet ud', 'dropped out'],
  still_active: ['Stadig aktiv', 'aktiv', 'still active'],
};
export const EDUCATION_WORDS: Record<Education, string[]> = {
  FGU: ['FGU'], EGU: ['EGU'], STU: ['STU'], EUD: ['EUD', 'erhvervsuddannelse'], HF: ['HF'],
  gymnasium: ['Gymnasium', 'stx', 'hhx', 'htx'], other: ['Anden uddannelse', 'anden', 'andet'],
};

export type YouthKey = 'firstName' | 'lastName' | 'birthDate' | 'phone' | 'email' | 'address' | 'postalCode' | 'referralSource'
  | 'municipalCaseRef' | 'guardianName' | 'guardianPhone' | 'guardianEmail' | 'preferredContactTimes' | 'counsellor'
  | 'startDate' | 'outcome' | 'outcomeEducation' | 'outcomeDate' | 'nextFollowUp';

export const YOUTH_COLUMNS: readonly Column<YouthKey>[] = [
  { key: 'firstName', header: 'Fornavn', aliases: ['first name', 'firstname', 'fornavne'], required: true, parse: text(100) },
  { key: 'lastName', header: 'Efternavn', aliases: ['last name', 'lastname', 'surname'], required: true, parse: text(100) },
  { key: 'birthDate', header: 'Fødselsdato', aliases: ['birth date', 'birthdate', 'date of birth', 'født'], required: true, parse: parseDate },
  { key: 'phone', header: 'Telefon', aliases: ['phone', 'mobil', 'telefonnummer', 'mobile'], parse: parsePhone },
  { key: 'email', header: 'E-mail', aliases: ['email', 'mail'], parse: parseEmail },
  { key: 'address', header: 'Adresse', aliases: ['address'], parse: text(200) },
  { key: 'postalCode', header: 'Postnummer', aliases: ['postal code', 'postnr', 'zip'], parse: parsePostalCode },
  { key: 'referralSource', header: 'Henvist af', aliases: ['referral source', 'henvisning', 'henvist fra', 'referred by'], parse: (v) => parseChoice(v, REFERRAL_WORDS, 'henvisning') },
  { key: 'municipalCaseRef', header: 'Sagsnummer', aliases: ['case number', 'case ref', 'kommunens sagsnummer', 'sagsnr'], parse: text(50) },
  { key: 'guardianName', header: 'Forælder/værge', aliases: ['værge', 'guardian', 'guardian name', 'forælder'], parse: text(200) },
  { key: 'guardianPhone', header: 'Værges telefon', aliases: ['guardian phone', 'forælders telefon'], parse: parsePhone },
  { key: 'guardianEmail', header: 'Værges e-mail', aliases: ['guardian email', 'forælders e-mail'], parse: parseEmail },
  { key: 'preferredContactTimes', header: 'Bedste kontakttid', aliases: ['preferred contact times', 'kontakttid', 'contact times'], parse: text(200) },
  { key: 'counsellor', header: 'Vejleder', aliases: ['counsellor', 'vejleders e-mail', 'counsellor email', 'kontaktperson'], parse: parseEmail },
  { key: 'startDate', header: 'Startdato', aliases: ['start date', 'start', 'forløb start', 'henvist dato'], parse: parseDate },
  { key: 'outcome', header: 'Resultat', aliases: ['outcome', 'afslutning'], parse: (v) => parseChoice(v, OUTCOME_WORDS, 'afslutning') },
  { key: 'outcomeEducation', header: 'Uddannelse', aliases: ['education', 'outcome education'], parse: (v) => parseChoice(v, EDUCATION_WORDS, 'uddannelse') },
  { key: 'outcomeDate', header: 'Resultatdato', aliases: ['outcome date', 'slutdato', 'end date', 'afsluttet'], parse: parseDate },
  { key: 'nextFollowUp', header: 'Næste opfølgning', aliases: ['next follow-up', 'next follow up', 'opfølgning'], parse: parseDate },
];

export interface YoungPersonDraft {
  firstName: string; lastName: string; birthDate: string; phone: string | null; email: string | null; address: string | null;
  postalCode: string | null; referralSource: Referral; municipalCaseRef: string | null; guardianName: string | null;
  guardianPhone: string | null; guardianEmail: string | null; preferredContactTimes: string | null; counsellorId: string | null;
  startDate: string; outcome: Outcome | null; outcomeEducation: Education | null; outcomeDate: string | null; nextFollowUp: string | null;
}

function ageAt(birth: string, day: string) {
  const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

type V = Partial<Record<YouthKey, unknown>>;
const s = (v: V, k: YouthKey) => (v[k] as string | undefined) ?? null;

/** Rules across columns: the age band at the start, a guardian for under-18s, the outcome's date and kind. */
function crossCheck(v: V, row: number, ctx: ImportContext, counsellors: Map<string, string>): RowProblem[] {
  const p: RowProblem[] = [];
  const add = (column: string, message: string) => p.push({ row, column, message });
  const start = s(v, 'startDate') ?? ctx.today;
  if (start > ctx.today) add('Startdato', 'Startdatoen ligger i fremtiden.');
  const birth = s(v, 'birthDate')!;
  const age = ageAt(birth, start);
  if (age < ctx.partnership.age_min || age > ctx.partnership.age_max) {
    add('Fødselsdato', `Den unge var ${age} år ved start. ${ctx.partnership.name} tager imod unge fra ${ctx.partnership.age_min} til ${ctx.partnership.age_max} år.`);
  } else if (age < 18 && !v.outcome && !v.guardianName) add('Forælder/værge', 'Den unge er under 18 år: skriv navnet på en forælder eller værge.');
  if (v.outcome && !v.outcomeDate) add('Resultatdato', 'Et resultat skal have en dato.');
  if (v.outcomeDate && !v.outcome) add('Resultat', 'Skriv resultatet, når der er en resultatdato.');
  if (v.outcomeEducation && v.outcome !== 'education') add('Uddannelse', 'Uddannelse bruges kun, når resultatet er uddannelse.');
  const od = s(v, 'outcomeDate');
  if (od && od < start) add('Resultatdato', 'Resultatdatoen ligger før startdatoen.');
  if (od && od > ctx.today) add('Resultatdato', 'Resultatdatoen ligger i fremtiden.');
  if (v.counsellor && !counsellors.has(v.counsellor as string)) add('Vejleder', `${String(v.counsellor)} er ikke vejleder i netværket.`);
  return p;
}

export async function planYoungPeople(q: Queryable, ctx: ImportContext, parsed: ParsedRow<YouthKey>[]): Promise<Planned<YoungPersonDraft>[]> {
  const [existing, counsellors] = await Promise.all([existingYoungPeople(q, ctx.partnership.id), counsellorsByEmail(q, ctx.partnership.id)]);
  const byKey = new Map<string, string>();
  const byEmail = new Map<string, string>();
  for (const e of existing) {
    byKey.set(`${e.birth_date}|${foldName(`${e.first_name} ${e.last_name}`)}`, e.id);
    if (e.email) byEmail.set(e.email.toLowerCase(), e.id);
  }
  const seenInFile = new Map<string, number>();
  return parsed.map(({ row, values: v, problems }) => {
    const label = [v.firstName, v.lastName].filter(Boolean).join(' ') || `Række ${row}`;
    if (!problems.length) problems.push(...crossCheck(v, row, ctx, counsellors));
    if (problems.length) return { row, action: 'error', label, problems };
    const key = `${String(v.birthDate)}|${foldName(`${String(v.firstName)} ${String(v.lastName)}`)}`;
    const matchId = byKey.get(key) ?? (v.email ? byEmail.get(v.email as string) : undefined);
    if (matchId) return { row, action: 'match', label, problems, matchId, note: 'Findes allerede (samme navn og fødselsdato eller e-mail) og oprettes ikke.' };
    const earlier = seenInFile.get(key);
    if (earlier) return { row, action: 'match', label, problems, note: `Samme person som række ${earlier}; oprettes kun én gang.` };
    seenInFile.set(key, row);
    const draft: YoungPersonDraft = {
      firstName: String(v.firstName), lastName: String(v.lastName), birthDate: String(v.birthDate), phone: s(v, 'phone'), email: s(v, 'email'),
      address: s(v, 'address'), postalCode: s(v, 'postalCode'), referralSource: (v.referralSource as Referral | undefined) ?? 'municipality',
      municipalCaseRef: s(v, 'municipalCaseRef'), guardianName: s(v, 'guardianName'), guardianPhone: s(v, 'guardianPhone'),
      guardianEmail: s(v, 'guardianEmail'), preferredContactTimes: s(v, 'preferredContactTimes'),
      counsellorId: v.counsellor ? counsellors.get(v.counsellor as string)! : ctx.actor.role === 'counsellor' ? ctx.actor.userId : null,
      startDate: s(v, 'startDate') ?? ctx.today, outcome: (v.outcome as Outcome | undefined) ?? null,
      outcomeEducation: (v.outcomeEducation as Education | undefined) ?? null, outcomeDate: s(v, 'outcomeDate'), nextFollowUp: s(v, 'nextFollowUp'),
    };
    return { row, action: 'create', label, problems, draft };
  });
}

export async function writeYoungPeople(trx: Trx, ctx: ImportContext, drafts: YoungPersonDraft[], onProgress?: (done: number) => void) {
  return insertYoungPeople(trx, ctx.partnership.id, ctx.actor.userId, drafts, onProgress);
}

const labelOf = <T extends string>(words: Record<T, string[]>, code: string | null) => (code ? words[code as T]?.[0] ?? code : '');
const danishDate = (iso: string | null) => (iso ? `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}` : '');

export async function exportYoungPeople(q: Queryable, partnershipId: string) {
  const rows = await youngPeopleForExport(q, partnershipId);
  return {
    ids: rows.map((r) => r.id),
    rows: rows.map((r) => [
      r.first_name, r.last_name, danishDate(r.birth_date), r.phone ?? '', r.email ?? '', r.address ?? '', r.postal_code ?? '',
      labelOf(REFERRAL_WORDS, r.referral_source), r.municipal_case_ref ?? '', r.guardian_name ?? '', r.guardian_phone ?? '',
      r.guardian_email ?? '', r.preferred_contact_times ?? '', r.counsellor_email ?? '', danishDate(r.start_date),
      labelOf(OUTCOME_WORDS, r.outcome), labelOf(EDUCATION_WORDS, r.outcome_education), danishDate(r.outcome_date), danishDate(r.next_follow_up),
    ]),
  };
}
