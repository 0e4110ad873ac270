import type { Seed } from './context.ts';
import { seedYouth } from '../youth/seed.ts';
import { seedCompanies } from '../companies/seed.ts';
import { seedMatching } from '../matching/seed.ts';
import { seedMentors } from '../mentors/seed.ts';
import { seedLifeline } from '../lifeline/seed.ts';
import { seedActivities } from '../activities/seed.ts';
import { seedCatalog } from '../catalog/seed.ts';
import { seedReports } from '../reports/seed.ts';

/** Each feature's demo seed, run in this order inside one transaction. Add one line per feature. */
export const seeds: { name: string; run: Seed }[] = [{ name: 'young people', run: seedYouth }, { name: 'companies and placements', run: seedCompanies }, { name: 'mentors', run: seedMentors }, { name: 'matching decisions', run: seedMatching }, { name: 'lifeline rota', run: seedLifeline }, { name: 'activities', run: seedActivities }, { name: 'report goals', run: seedReports }, { name: 'initiative catalog', run: seedCatalog }];
