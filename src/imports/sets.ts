// The three import sets by name.
import type { ImportSet, ImportSetName } from './set.ts';
import { exportYoungPeople, planYoungPeople, writeYoungPeople, YOUTH_COLUMNS } from './young-people.ts';
import { COMPANY_COLUMNS, exportCompanies, planCompanies, writeCompanies } from './companies.ts';
import { exportMentors, MENTOR_COLUMNS, planMentors, writeMentors } from './mentors.ts';

const SETS = {
  'young-people': { name: 'young-people', sheetName: 'Unge', subjectKind: 'young_person', columns: YOUTH_COLUMNS, plan: planYoungPeople, write: writeYoungPeople, export: exportYoungPeople },
  companies: { name: 'companies', sheetName: 'Virksomheder', subjectKind: 'company', columns: COMPANY_COLUMNS, plan: planCompanies, write: writeCompanies, export: exportCompanies },
  mentors: { name: 'mentors', sheetName: 'Mentorer', subjectKind: 'mentor', columns: MENTOR_COLUMNS, plan: planMentors, write: writeMentors, export: exportMentors },
} as const;

export function setOf(name: ImportSetName): ImportSet<string, unknown> {
  return SETS[name] as unknown as ImportSet<string, unknown>;
}
