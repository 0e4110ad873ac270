import type { ScheduleStep } from '../../../../src/placements/schemas.ts';

/** GET /api/employer/placements (see src/placements/employer.ts). */
export interface EmployerPlacement {
  id: string;
  kind: string;
  status: 'planned' | 'active' | 'paused' | 'ended';
  openingTitle: string;
  startDate: string;
  endDate: string | null;
  schedule: ScheduleStep[];
  plannedToday: boolean;
  youngPerson: Record<string, unknown> & { firstName?: string };
  attendance: { day: string; status: string }[];
}

export const STATUSES = ['present', 'absent', 'sick', 'late'] as const;

const toUtc = (d: string) => new Date(`${d}T00:00:00Z`);
export const addDays = (d: string, n: number) => { const x = toUtc(d); x.setUTCDate(x.getUTCDate() + n); return x.toISOString().slice(0, 10); };
export const isoWeekday = (d: string) => ((toUtc(d).getUTCDay() + 6) % 7) + 1;

/** Whether the schedule in force on the day has the young person working that weekday. */
export function plannedOn(p: EmployerPlacement, day: string): boolean {
  if (p.status !== 'active' || day < p.startDate || (p.endDate !== null && day > p.endDate)) return false;
  let s: ScheduleStep | undefined;
  for (const x of p.schedule) if (x.validFrom <= day) s = x;
  return !!s && s.weekdays.includes(isoWeekday(day));
}
