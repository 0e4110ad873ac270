import { EDUCATION_KINDS, OUTCOMES, type Outcome, type PathwayRecord, type ReportTable } from './types.ts';
import { EDUCATION_LABELS, OUTCOME_LABELS } from './labels.ts';
import { inPeriod } from './dates.ts';

export interface OutcomeOptions {
  /** Pathways started in this period (inclusive ISO dates) are the cohort. */
  from: string;
  to: string;
  /** Status is read on this date: an outcome dated later does not count yet. */
  asOf: string;
}

export interface OutcomeCounts {
  started: number;
  byOutcome: Record<Outcome, number>;
  byEducation: Record<(typeof EDUCATION_KINDS)[number], number>;
}

/** The status of one pathway on a date: its outcome if it had ended by then, else still active. */
export function statusOn(p: PathwayRecord, asOf: string): Outcome {
  if (!p.outcome) return 'still_active';
  const ended = p.outcomeDate ?? p.startedAt;
  return ended.slice(0, 10) <= asOf ? p.outcome : 'still_active';
}

export function countOutcomes(records: PathwayRecord[], o: OutcomeOptions): OutcomeCounts {
  const byOutcome = Object.fromEntries(OUTCOMES.map((k) => [k, 0])) as OutcomeCounts['byOutcome'];
  const byEducation = Object.fromEntries(EDUCATION_KINDS.map((k) => [k, 0])) as OutcomeCounts['byEducation'];
  let started = 0;
  for (const p of records) {
    if (!inPeriod(p.startedAt, o.from, o.to)) continue;
    started++;
    const s = statusOn(p, o.asOf);
    byOutcome[s]++;
    if (s === 'education') byEducation[p.educationKind ?? 'other']++;
  }
  return { started, byOutcome, byEducation };
}

const share = (n: number, of: number) => (of === 0 ? null : n / of);

/**
 * The outcome table in PÅ VEJ's form: every outcome with count and share of
 * those started, education broken down by kind (indented rows), and the total.
 * Every row is always present (zeros too), so periods can be compared.
 */
export function outcomeTable(records: PathwayRecord[], o: OutcomeOptions): ReportTable {
  const c = countOutcomes(records, o);
  const rows: ReportTable['rows'] = [];
  for (const k of OUTCOMES) {
    rows.push({ key: k, cells: [OUTCOME_LABELS[k], c.byOutcome[k], share(c.byOutcome[k], c.started)] });
    if (k === 'education') {
      for (const e of EDUCATION_KINDS) {
        rows.push({ key: `education.${e}`, level: 1, cells: [EDUCATION_LABELS[e], c.byEducation[e], share(c.byEducation[e], c.started)] });
      }
    }
  }
  rows.push({ key: 'total', cells: ['Startet i alt', c.started, share(c.started, c.started)] });
  return {
    id: 'outcomes',
    title: 'Resultater for unge startet i perioden',
    columns: [
      { key: 'status', label: 'Status / resultat', kind: 'text' },
      { key: 'count', label: 'Antal', kind: 'count' },
      { key: 'share', label: 'Andel', kind: 'share' },
    ],
    rows,
    note: `Unge startet ${o.from}–${o.to}, status pr. ${o.asOf}. Andel af alle startede.`,
  };
}
