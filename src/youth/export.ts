import type { Queryable } from '../core/db.ts';
import { allScreeningFields, type PresentedYoungPerson, type YoungPersonRecord } from './presenter.ts';
import type { AccessLogEntry, SharingRecipient } from './me-schemas.ts';

/** Everything the system holds about the young person, for "Mine data". */
export async function exportData(trx: Queryable, yp: YoungPersonRecord, person: PresentedYoungPerson, accessLog: AccessLogEntry[], sharing: SharingRecipient[]) {
  const [screenings, plans, pathway, journal, consents] = await Promise.all([
    trx.selectFrom('screenings').selectAll().where('young_person_id', '=', yp.id).orderBy('version').execute(),
    trx.selectFrom('plans').selectAll().where('young_person_id', '=', yp.id).orderBy('version').execute(),
    trx.selectFrom('pathway_events').selectAll().where('young_person_id', '=', yp.id).orderBy('id').execute(),
    trx.selectFrom('journal_entries').selectAll().where('young_person_id', '=', yp.id).orderBy('occurred_on').orderBy('version').execute(),
    trx.selectFrom('consent_events').selectAll().where('young_person_id', '=', yp.id).orderBy('id').execute(),
  ]);
  const iso = (d: Date) => new Date(d).toISOString();
  return {
    exportedAt: new Date().toISOString(),
    person,
    screenings: screenings.map((s) => allScreeningFields(s)),
    plans: plans.map((p) => ({ version: p.version, createdAt: iso(p.created_at), summary: p.summary, goals: p.goals, agreements: p.agreements })),
    pathway: pathway.map((e) => ({ at: iso(e.changed_at), kind: e.kind, from: e.from_stage, to: e.to_stage, outcome: e.outcome, education: e.outcome_education, outcomeDate: e.outcome_date, note: e.note })),
    journal: journal.map((j) => ({ entry: j.entry_id, version: j.version, kind: j.kind, date: j.occurred_on, sensitivity: j.sensitivity, text: j.body, writtenAt: iso(j.created_at) })),
    consentHistory: consents.map((c) => ({ at: iso(c.changed_at), recipientKind: c.recipient_kind, recipientId: c.recipient_id, item: c.item, granted: c.granted, purpose: c.purpose, wordingVersion: c.wording_version })),
    sharingNow: sharing,
    accessLog,
  };
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const HEADINGS: Record<string, string> = {
  person: 'Om dig', screenings: 'Afklaringer', plans: 'Planer', pathway: 'Dit forløb', journal: 'Notater',
  consentHistory: 'Det har du sagt ja og nej til', sharingNow: 'Hvem må se hvad lige nu', accessLog: 'Hvem har set dine oplysninger',
};

function render(v: unknown): string {
  if (v === null || v === undefined || v === '') return '–';
  if (Array.isArray(v)) {
    if (v.length === 0) return '–';
    if (v.every((x) => typeof x !== 'object' || x === null)) return esc(v.join(', '));
    return `<ol>${v.map((x) => `<li>${render(x)}</li>`).join('')}</ol>`;
  }
  if (typeof v === 'object') return `<dl>${Object.entries(v as Record<string, unknown>).map(([k, x]) => `<dt>${esc(k)}</dt><dd>${render(x)}</dd>`).join('')}</dl>`;
  return esc(String(v));
}

/** The same data as a page a person can read and print. */
export function exportHtml(data: Awaited<ReturnType<typeof exportData>>): string {
  const sections = Object.entries(HEADINGS).map(([k, h]) => `<section><h2>${h}</h2>${render((data as Record<string, unknown>)[k])}</section>`).join('\n');
  return `<!doctype html>
<html lang="da"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Mine data</title></head>
<body><main><h1>Mine data</h1><p>Her er alt, hvad Fodfæste har om dig. Hentet ${new Date(data.exportedAt).toLocaleString('da-DK')}.</p>
${sections}</main></body></html>`;
}
