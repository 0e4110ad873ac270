import type { GoalResult } from './goals.ts';
import type { ReportTable } from './types.ts';

export type ViewKind = 'team' | 'suppressed';

export interface KeyFigure {
  key: string;
  label: string;
  value: number | null;
  kind: 'count' | 'share' | 'days';
  suppressed?: boolean;
  /** Counts of companies, events or mentors, not of young people (suppressed all the same: one mechanism for every count). */
  insensitive?: boolean;
  /** A share's numerator and denominator, so a suppressed view can tell whether the share gives a small count away (not sent). */
  of?: [number, number];
}

/**
 * Everything one report run produced for a partnership and period: what the
 * routes return as JSON, and what the CSV, XLSX and PDF exports render.
 */
export interface ReportBundle {
  partnership: { id: string; name: string };
  period: { from: string; to: string; asOf: string };
  filters: { counsellorId?: string; ageBand?: string; readiness?: string };
  view: ViewKind;
  threshold: number;
  keyFigures: KeyFigure[];
  tables: ReportTable[];
  /** Pathways started per month in the period (for the line chart). */
  monthlyStarts: { month: string; count: number | null }[];
  goals: GoalResult[];
  /** Figures the report cannot give yet, in plain Danish (e.g. a table that does not exist). */
  missing: string[];
}

export function findTable(b: ReportBundle, id: string): ReportTable | undefined {
  return b.tables.find((t) => t.id === id);
}

export const viewLabel = (b: ReportBundle) =>
  b.view === 'team' ? 'Teamets visning (præcise tal)' : `Visning for styregruppen: tal under ${b.threshold} og tal, de kan udledes af, er skjult (..)`;
