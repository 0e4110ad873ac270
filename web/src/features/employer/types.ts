import type { EmployerPlacement } from '../../../../src/placements/employer.ts';
import type { ScheduleStep } from '../../../../src/placements/schemas.ts';
import { isoWeekday } from '../../../../src/placements/dates.ts';

/** GET /api/employer/placements and GET /api/employer (shapes from src/placements/employer.ts). */
export type { EmployerHome, EmployerPlacement } from '../../../../src/placements/employer.ts';

export const STATUSES = ['present', 'absent', 'sick', 'late'] as const;

/** Whether the schedule in force on the day has the young person working that weekday. */
export function plannedOn(p: EmployerPlacement, day: string): boolean {
  if (p.status !== 'active' || day < p.startDate || (p.endDate !== null && day > p.endDate)) return false;
  let s: ScheduleStep | undefined;
  for (const x of p.schedule) if (x.validFrom <= day) s = x;
  return !!s && s.weekdays.includes(isoWeekday(day));
}
