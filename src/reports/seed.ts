import type { Seed } from '../demo/context.ts';
import type { GoalDefinition } from './goals.ts';

/** The demo partnership's programme goals, as a steering group would set them. */
export const DEMO_GOALS = (year: number): GoalDefinition[] => [
  {
    id: 'selvforsoergende-6m',
    kind: 'share',
    title: 'Selvforsørgende via uddannelse eller ordinært arbejde blandt unge matchet med en mentor for mindst 6 måneder siden',
    target: 0.25,
    population: { field: 'mentorMatchedAt', op: 'monthsAgoAtLeast', months: 6 },
    success: { field: 'status', op: 'in', values: ['education', 'ordinary_employment'] },
  },
  { id: 'jobaabninger', kind: 'count', title: `75 jobåbninger i ${year}`, target: 75, entity: 'job_openings', from: `${year}-01-01`, to: `${year}-12-31` },
  { id: 'praktikker', kind: 'count', title: `40 praktikker startet i ${year}`, target: 40, entity: 'placements', from: `${year}-01-01`, to: `${year}-12-31` },
];

export const seedReports: Seed = async ({ trx, partnershipId, users, today }) => {
  await trx.insertInto('report_settings').values({
    partnership_id: partnershipId,
    goals: JSON.stringify(DEMO_GOALS(today.getFullYear())),
    suppression_threshold: 5,
    updated_by: users.admin,
  }).execute();
};
