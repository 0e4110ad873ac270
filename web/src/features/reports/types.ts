import type { Static } from '@sinclair/typebox';
import type { KeyFiguresSchema, ReportBundleSchema, ReportTableSchema } from '../../../../src/reports/schemas.ts';

export type ReportBundle = Static<typeof ReportBundleSchema>;
export type ReportTable = Static<typeof ReportTableSchema>;
export type KeyFiguresView = Static<typeof KeyFiguresSchema>;
export type KeyFigure = ReportBundle['keyFigures'][number];
export type GoalResult = ReportBundle['goals'][number];

/** The mark the API and the exports use for a hidden (suppressed) count. */
export const SUPPRESSED = '..';
