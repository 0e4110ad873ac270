import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GOAL_STATUS } from './domain.ts';
import { GOAL_STATUS_DA } from './plan.ts';

// One word per goal status wherever it shows (#21: "Ikke i gang" for the young person,
// "Ikke startet" for the counsellor and on the printed plan).
describe('goal status words', () => {
  const read = (f: string) => JSON.parse(readFileSync(f, 'utf8'));
  it('are the same on the counsellor\'s page, the young person\'s page and the printed plan', () => {
    const counsellor = read('web/src/features/youth/i18n/da.json').goalStatus;
    const young = read('web/src/features/me/i18n/da.json').plan.status;
    for (const s of GOAL_STATUS) {
      expect({ s, young: young[s], printed: GOAL_STATUS_DA[s] }).toEqual({ s, young: counsellor[s], printed: counsellor[s] });
    }
  });
});
