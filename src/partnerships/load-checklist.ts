import type { Db } from '../core/db.ts';
import { checklistFacts } from './queries.ts';
import { CHECKLIST_STEPS, type ChecklistStep, type SetupChecklist } from './schemas.ts';

/** Where each step is done in the web client. */
const HREF: Record<ChecklistStep, string> = {
  counsellor: '/admin/users',
  companies: '/companies/new',
  lifeline: '/lifeline',
  activities: '/activities/new',
  goals: '/reports/goals',
  catalog: '/katalog',
};

/** The setup checklist: each step ticked from the partnership's data, never by hand. */
export async function loadChecklist(db: Db, partnershipId: string): Promise<SetupChecklist> {
  const facts = await checklistFacts(db, partnershipId);
  const steps = CHECKLIST_STEPS.map((key) => ({ key, done: Boolean(facts[key]), href: HREF[key] }));
  return { steps, complete: steps.every((s) => s.done) };
}
