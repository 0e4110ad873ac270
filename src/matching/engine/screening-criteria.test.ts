// The screening answers for early mornings, lifting and an after-hours mentor,
// as the matching engine uses them.
import { describe, expect, it } from 'vitest';
import { DEFAULT_WEIGHTS, OPENING_CRITERIA } from './criteria.ts';
import { opening, youth } from './fixtures.test-helpers.ts';
import { evaluate, rank } from './score.ts';
import type { Opening, Suggestion } from './types.ts';

const judge = (y = youth(), o = opening()): Suggestion => evaluate(y, o, OPENING_CRITERIA, DEFAULT_WEIGHTS);
const limits = (s: Suggestion) => s.excluded?.limits ?? [];
const afterHours = (s: Suggestion) => s.contributions.find((c) => c.criterion === 'after_hours_mentor');
const needs = (r: Partial<Opening['requirements']>): Opening => opening({ requirements: { drivingLicence: false, lifting: false, earlyMornings: false, ...r } });

describe('early mornings and heavy lifting are hard limits only when the young person cannot', () => {
  it('excludes an early-morning opening for someone who cannot, and says why in plain Danish', () => {
    const s = judge(youth({ canDoEarlyMornings: false }), needs({ earlyMornings: true }));
    expect(limits(s)).toEqual([{ criterion: 'early_mornings', text: 'Kræver tidligt fremmøde om morgenen – det kan den unge ikke' }]);
    expect(s.score).toBe(0);
  });

  it('sets no limit when the screening has not asked (null) or the young person can', () => {
    expect(judge(youth({ canDoEarlyMornings: null }), needs({ earlyMornings: true })).excluded).toBeUndefined();
    expect(judge(youth({ canDoEarlyMornings: undefined }), needs({ earlyMornings: true })).excluded).toBeUndefined();
    expect(judge(youth({ canDoEarlyMornings: true }), needs({ earlyMornings: true })).excluded).toBeUndefined();
  });

  it('excludes heavy lifting for someone who cannot lift, and only then', () => {
    expect(limits(judge(youth({ canLift: false }), needs({ lifting: true })))).toEqual([
      { criterion: 'requires_lifting', text: 'Kræver tunge løft – det kan den unge ikke' },
    ]);
    expect(judge(youth({ canLift: null }), needs({ lifting: true })).excluded).toBeUndefined();
    expect(judge(youth({ canLift: true }), needs({ lifting: true })).excluded).toBeUndefined();
    expect(judge(youth({ canLift: false }), needs({ lifting: false })).excluded).toBeUndefined();
  });

  it('lists every limit that applies, so "why not" is complete', () => {
    const s = judge(youth({ canLift: false, canDoEarlyMornings: false }), needs({ lifting: true, earlyMornings: true }));
    expect(limits(s).map((l) => l.criterion)).toEqual(['early_mornings', 'requires_lifting']);
  });
});

describe('a mentor reachable after 17:00', () => {
  const withMentor = opening({ id: 'with', mentorReachableAfterHours: true });
  const without = opening({ id: 'without', mentorReachableAfterHours: false });

  it('"wanted" is a soft criterion: full points with an after-hours mentor, none without, nobody excluded', () => {
    const y = youth({ needsAfterHoursMentor: true });
    expect(afterHours(judge(y, withMentor))).toMatchObject({ points: 10, text: 'Mentor kan kontaktes efter kl. 17 (+10)' });
    expect(afterHours(judge(y, without))).toMatchObject({ points: 0, text: 'Ingen mentor efter kl. 17 – den unge har brug for det (+0)' });
    expect(rank(y, [without, withMentor], OPENING_CRITERIA, DEFAULT_WEIGHTS).map((s) => [s.candidateId, s.excluded])).toEqual([
      ['with', undefined], ['without', undefined],
    ]);
  });

  it('"required" is a hard limit: an opening without one is excluded with the reason', () => {
    const y = youth({ needsAfterHoursMentor: true, requiresAfterHoursMentor: true });
    expect(limits(judge(y, without))).toEqual([{
      criterion: 'requires_after_hours_mentor',
      text: 'Den unge skal kunne ringe til en mentor efter kl. 17 – det kan virksomheden ikke tilbyde',
    }]);
    expect(judge(y, withMentor).excluded).toBeUndefined();
  });

  it('not needed gives full points either way; not asked is neutral (half) and says so', () => {
    expect(afterHours(judge(youth({ needsAfterHoursMentor: false }), without))).toMatchObject({ points: 10, text: 'Mentor efter kl. 17 er ikke nødvendig (+10)' });
    const unknown = judge(youth({ needsAfterHoursMentor: null }), without);
    expect(afterHours(unknown)).toMatchObject({ points: 5, text: 'Mentor efter kl. 17 ikke vurderet: behovet er ikke afklaret (+5)' });
    expect(judge(youth({ needsAfterHoursMentor: null }), withMentor).score).toBe(unknown.score);
  });
});
