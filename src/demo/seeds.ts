import type { Seed } from './context.ts';
import { seedYouth } from '../youth/seed.ts';
import { seedCompanies } from '../companies/seed.ts';

/** Each feature's demo seed, run in this order inside one transaction. Add one line per feature. */
export const seeds: { name: string; run: Seed }[] = [{ name: 'young people', run: seedYouth }, { name: 'companies and placements', run: seedCompanies }];
