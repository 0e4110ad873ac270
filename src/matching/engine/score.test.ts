import { describe, expect, it } from 'vitest';
import { DEFAULT_WEIGHTS, OPENING_CRITERIA } from './criteria.ts';
import { AARHUS, SUNDS, HERNING, opening, youth } from './fixtures.test-helpers.ts';
import { estimateTravel } from './geo.ts';
import { evaluate, rank, withWeights } from './score.ts';
import type { Suggestion } from './types.ts';

const judge = (y = youth(), o = opening(), w = DEFAULT_WEIGHTS): Suggestion => evaluate(y, o, OPENING_CRITERIA, w);
const textOf = (s: Suggestion, criterion: string): string | undefined =>
  s.contributions.find((c) => c.criterion === criterion)?.text;
const limitsOf = (s: Suggestion): string[] => s.excluded?.limits.map((l) => l.criterion) ?? [];

describe('hard limits exclude with a reason ("why not")', () => {
  it('names each limit with a Danish explanation', () => {
    const s = judge(
      youth({ daysPerWeek: 1, hoursPerDay: 3 }),
      opening({ requirements: { drivingLicence: true, lifting: false, earlyMornings: true }, startDaysPerWeek: 2, startHoursPerDay: 4 }),
    );
    expect(s.score).toBe(0);
    expect(limitsOf(s)).toEqual([
      'requires_driving_licence', 'early_mornings', 'starts_with_more_days_than_possible', 'starts_with_more_hours_than_possible',
    ]);
    expect(s.excluded!.limits[2].text).toBe('Starter med 2 dage om ugen – den unge kan højst 1');
    expect(s.excluded!.limits[0].text).toBe('Kræver kørekort – den unge har ikke kørekort');
  });

  it('excludes openings beyond the travel time the young person can manage', () => {
    const s = judge(youth(), opening({ location: AARHUS }));
    expect(limitsOf(s)).toEqual(['too_far']);
    expect(s.excluded!.limits[0].text).toMatch(/^Rejsetid ca\. \d+ min med bus – mere end de 45 min, den unge kan klare$/);
  });

  it('allows the same opening with a driving licence (faster by car)', () => {
    const y = youth({ transport: { drivingLicence: true, bike: false, bus: false }, maxTravelMinutes: 120 });
    expect(judge(y, opening({ location: AARHUS })).excluded).toBeUndefined();
  });

  it('excludes heavy lifting only when the young person cannot lift', () => {
    const o = opening({ requirements: { drivingLicence: false, lifting: true, earlyMornings: false } });
    expect(judge(youth(), o).excluded).toBeUndefined();
    expect(limitsOf(judge(youth({ canLift: false }), o))).toEqual(['requires_lifting']);
  });

  it('early mornings are fine for someone who can do them', () => {
    const o = opening({ requirements: { drivingLicence: false, lifting: false, earlyMornings: true } });
    expect(judge(youth({ canDoEarlyMornings: true }), o).excluded).toBeUndefined();
  });
});

describe('soft criteria explain the score in Danish', () => {
  it('gives a score in [0,100] that is the sum of the contributions', () => {
    const s = judge();
    expect(s.excluded).toBeUndefined();
    expect(s.score).toBeGreaterThan(0);
    expect(s.score).toBeLessThanOrEqual(100);
    const sum = s.contributions.reduce((a, c) => a + c.points, 0);
    expect(Math.abs(sum - s.score)).toBeLessThan(0.5);
    expect(s.contributions.map((c) => c.criterion).sort()).toEqual(Object.keys(DEFAULT_WEIGHTS).sort());
  });

  it('explains interest matches through Danish inflections (lageret ~ lager, værkstedet ~ værksted)', () => {
    // 2 of 3 needed hits × weight 20 = 13.3 points.
    expect(textOf(judge(), 'interests')).toBe('Opgaverne passer til interesser: lager, værksted (+13)');
    expect(textOf(judge(youth(), opening({ taskTags: ['rengøring'], taskWords: '' })), 'interests')).toBe(
      'Opgaverne matcher ikke de registrerede interesser (+0)',
    );
  });

  it('states the travel time and mode', () => {
    const t = estimateTravel(youth().transport, HERNING, SUNDS);
    const points = Math.round(20 * (1 - t.minutes / 45));
    expect(textOf(judge(), 'travel')).toBe(`Rejsetid ca. ${Math.round(t.minutes)} min med bus (+${points})`);
  });

  it('does not judge travel when a location is unknown: neutral and said so', () => {
    const cases = [
      [judge(youth({ location: null }), opening({ location: AARHUS })), 'Afstand ikke vurderet: ingen adresse (+10)'],
      [judge(youth({ location: null, locationUnknownReason: 'ingen adressetjeneste sat op' }), opening({ location: AARHUS })), 'Afstand ikke vurderet: ingen adressetjeneste sat op (+10)'],
      [judge(youth(), opening({ location: null })), 'Afstand ikke vurderet: stedet har ingen kendt adresse (+10)'],
    ] as const;
    for (const [s, text] of cases) {
      expect(s.excluded).toBeUndefined();
      expect(textOf(s, 'travel')).toBe(text);
    }
  });

  it('uses needs for company experience only with consent', () => {
    const withExp = opening({ companyExperience: ['angst'] });
    const withoutExp = opening({ companyExperience: [] });
    const noConsent = youth({ needsConsent: false });
    const a = judge(noConsent, withExp), b = judge(noConsent, withoutExp);
    expect(a.score).toBe(b.score);
    expect(textOf(a, 'company_experience')).toBe('Virksomhedens erfaring ikke vurderet: ingen samtykke til at bruge behov (+8)');
    expect(textOf(a, 'company_experience')).not.toContain('angst');
    expect(judge(youth(), withExp).score).toBeGreaterThan(judge(youth(), withoutExp).score);
    expect(textOf(judge(youth(), withExp), 'company_experience')).toBe('Virksomheden har erfaring med: angst (+15)');
  });

  it('explains after-hours mentor, workload, start and track record', () => {
    expect(textOf(judge(youth(), opening({ mentorReachableAfterHours: false })), 'after_hours_mentor')).toBe(
      'Ingen mentor efter kl. 17 – den unge har brug for det (+0)',
    );
    expect(textOf(judge(), 'workload')).toBe('Starter med 2 dage à 4 timer – den unge kan 3 dage à 5 timer (+15)');
    expect(textOf(judge(), 'start')).toBe('Starter 10. marts 2025 (7 dage efter tidligste start) (+5)');
    expect(textOf(judge(), 'track_record')).toBe('Virksomheden har gennemført 4 forløb, 1 afbrudt (+11)');
    expect(textOf(judge(youth(), opening({ trackRecord: { completed: 0, breakdowns: 0 } })), 'track_record')).toBe(
      'Ny virksomhed uden forløb endnu (+8)',
    );
  });
});

describe('rank', () => {
  const near = opening({ id: 'near', location: HERNING, taskTags: ['kontor'], taskWords: '' });
  const match = opening({ id: 'match', location: SUNDS });
  const far = opening({ id: 'far', location: AARHUS });
  const early = opening({ id: 'early', requirements: { drivingLicence: false, lifting: false, earlyMornings: true } });

  it('sorts by score and puts excluded candidates last with their limits', () => {
    const list = rank(youth(), [far, near, early, match], OPENING_CRITERIA, DEFAULT_WEIGHTS);
    expect(list.map((s) => s.candidateId)).toEqual(['match', 'near', 'early', 'far']);
    expect(list[2].excluded?.limits[0].criterion).toBe('early_mornings');
  });

  it('lets a partnership change the ranking with its own weights', () => {
    const y = youth({ interests: ['kontor'], wishes: [] });
    const nearMatch = opening({ id: 'a', location: HERNING, taskTags: ['lager'], taskWords: '' });
    const farKontor = opening({ id: 'b', location: SUNDS, taskTags: ['kontoret'], taskWords: '' });
    expect(rank(y, [nearMatch, farKontor], OPENING_CRITERIA, { ...DEFAULT_WEIGHTS, interests: 0 })[0].candidateId).toBe('a');
    const interestsFirst = withWeights(DEFAULT_WEIGHTS, { interests: 60 });
    expect(rank(y, [nearMatch, farKontor], OPENING_CRITERIA, interestsFirst)[0].candidateId).toBe('b');
  });

  it('rejects unknown, negative or missing weights', () => {
    expect(() => withWeights(DEFAULT_WEIGHTS, { travel: -1 })).toThrow(RangeError);
    expect(() => withWeights(DEFAULT_WEIGHTS, { speed: 3 } as never)).toThrow(/Unknown criterion/);
    const { travel: _t, ...missing } = DEFAULT_WEIGHTS;
    expect(() => rank(youth(), [match], OPENING_CRITERIA, missing)).toThrow(/Missing weight for criterion 'travel'/);
  });
});
