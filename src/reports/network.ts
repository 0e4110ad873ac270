import { label, PLACEMENT_LABELS } from './labels.ts';
import type { ReportTable } from './types.ts';

const MENTOR_KIND_LABELS: Record<string, string> = { company: 'Virksomhedsmentorer', volunteer: 'Frivillige erhvervsmentorer', professional: 'Professionelle mentorer' };
const ACTIVITY_LABELS: Record<string, string> = { network_meeting: 'Ungenetværk', fitness: 'Fitness', sport: 'Sport', meal: 'Fællesspisning', other: 'Andet' };
const TOP_COMPANIES = 15;

/** Companies and mentors: counts of organisations and adults, not of young people (never suppressed). */
export function networkSummaryTable(
  c: { members: number; active: number; openings: number; events: number; jobs_created: number },
  mentors: { kind: string; active: number; matched: number; reviews_due: number }[],
): ReportTable {
  const sum = (k: 'active' | 'matched' | 'reviews_due') => mentors.reduce((s, m) => s + m[k], 0);
  return {
    id: 'network_summary',
    title: 'Netværket: virksomheder og mentorer',
    columns: [{ key: 'measure', label: 'Mål', kind: 'text' }, { key: 'value', label: 'Antal', kind: 'count' }, { key: 'share', label: 'Andel', kind: 'share' }],
    rows: [
      { key: 'members', cells: ['Virksomheder i netværket (faste partnere og medlemmer)', c.members, null] },
      { key: 'active', cells: ['Aktive virksomheder (har haft en ung i perioden)', c.active, c.members ? c.active / c.members : null] },
      { key: 'openings', cells: ['Jobåbninger oprettet i perioden', c.openings, null] },
      { key: 'events', cells: ['Netværksarrangementer i perioden', c.events, null] },
      { key: 'jobs_created', cells: ['Job skabt ved arrangementer', c.jobs_created, null] },
      { key: 'mentors_active', cells: ['Aktive mentorer', sum('active'), null] },
      ...mentors.map((m) => ({ key: `mentors_${m.kind}`, level: 1, cells: [MENTOR_KIND_LABELS[m.kind] ?? m.kind, m.active, null] as (string | number | null)[] })),
      { key: 'mentors_matched', cells: ['Mentorer med en aktiv mentee', sum('matched'), sum('active') ? sum('matched') / sum('active') : null] },
      { key: 'reviews_due', cells: ['Mentorforløb med 3-måneders-opfølgning forfalden', sum('reviews_due'), null] },
    ],
  };
}

/** Placements and hires per company: the biggest companies by name, the rest together, and the total. */
export function conversionLikeTable(id: string, title: string, first: string, items: { key: string; label: string; placements: number; hired: number }[]): ReportTable {
  const top = items.slice(0, TOP_COMPANIES);
  const rest = items.slice(TOP_COMPANIES);
  const row = (key: string, name: string, p: number, h: number) => ({ key, cells: [name, p, h, p ? h / p : null] as (string | number | null)[] });
  const rows = top.map((c, i) => row(`c${i}`, c.label, c.placements, c.hired));
  if (rest.length) rows.push(row('others', 'Øvrige virksomheder', rest.reduce((s, c) => s + c.placements, 0), rest.reduce((s, c) => s + c.hired, 0)));
  rows.push(row('total', 'I alt', items.reduce((s, c) => s + c.placements, 0), items.reduce((s, c) => s + c.hired, 0)));
  return {
    id,
    title,
    columns: [
      { key: 'name', label: first, kind: 'text' },
      { key: 'placements', label: 'Praktikker startet', kind: 'count' },
      { key: 'hired', label: 'Førte til ansættelse', kind: 'count' },
      { key: 'rate', label: 'Andel', kind: 'share' },
    ],
    rows,
  };
}

/** Attendance stability: share of registered days the young person came (on time or late), by placement kind. */
export function attendanceTable(rows: { kind: string; placements: number; days: number; present: number }[]): ReportTable {
  const sum = (k: 'placements' | 'days' | 'present') => rows.reduce((s, r) => s + r[k], 0);
  const line = (key: string, name: string, p: number, d: number, pr: number) => ({ key, cells: [name, p, d, d ? pr / d : null] as (string | number | null)[] });
  return {
    id: 'network_list_attendance',
    title: 'Mødestabilitet i praktikker',
    columns: [
      { key: 'kind', label: 'Praktikform', kind: 'text' },
      { key: 'placements', label: 'Praktikker med registreret fremmøde', kind: 'count' },
      { key: 'days', label: 'Registrerede dage', kind: 'count' },
      { key: 'present', label: 'Andel dage mødt', kind: 'share' },
    ],
    rows: [...rows.map((r) => line(r.kind, label(PLACEMENT_LABELS, r.kind), r.placements, r.days, r.present)), line('total', 'I alt', sum('placements'), sum('days'), sum('present'))],
    note: 'Mødt = til stede eller kommet for sent. Sygdom og udeblivelse tæller som ikke mødt.',
  };
}

/** Participation in community activities: distinct young people who came, and attendances. */
export function activitiesTable(rows: { kind: string; people: number; attendances: number }[]): ReportTable {
  return {
    id: 'network_list_activities',
    title: 'Deltagelse i fællesskabsaktiviteter',
    columns: [
      { key: 'kind', label: 'Aktivitet', kind: 'text' },
      { key: 'people', label: 'Unge der deltog', kind: 'count' },
      { key: 'attendances', label: 'Fremmøder i alt', kind: 'count' },
    ],
    rows: (rows.length ? rows : [{ kind: 'total', people: 0, attendances: 0 }]).map((r) => ({
      key: r.kind, cells: [r.kind === 'total' ? 'I alt (forskellige unge)' : (ACTIVITY_LABELS[r.kind] ?? r.kind), r.people, r.attendances],
    })),
  };
}
