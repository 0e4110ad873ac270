import { describe, expect, it } from 'vitest';
import { DEFAULT_INITIATIVE_WEIGHTS, INITIATIVE_CRITERIA } from './criteria-initiatives.ts';
import { DEFAULT_MENTOR_WEIGHTS, MENTOR_CRITERIA } from './criteria-mentors.ts';
import { HERNING, SUNDS, youth } from './fixtures.test-helpers.ts';
import { rank } from './score.ts';
import type { Initiative, VolunteerMentor } from './types.ts';

const mentor = (o: Partial<VolunteerMentor> = {}): VolunteerMentor => ({
  id: 'm1', interests: ['fodbold', 'dyr'], industry: ['transport', 'chauffører'], location: SUNDS,
  hoursPerMonth: 4, maxMentees: 2, currentMentees: 0, ...o,
});

const initiative = (o: Partial<Initiative> = {}): Initiative => ({
  id: 'i1', name: 'UngeMilen', ageMin: 18, ageMax: 25, municipalities: ['Herning'], tags: ['angst', 'fællesskab', 'sport'], ...o,
});

describe('volunteer mentors', () => {
  it('ranks by shared interests and industry, with explanations', () => {
    const [best, other] = rank(youth(), [mentor({ id: 'm2', interests: ['strikning'], industry: ['bank'] }), mentor()], MENTOR_CRITERIA, DEFAULT_MENTOR_WEIGHTS);
    expect(best.candidateId).toBe('m1');
    expect(best.contributions.map((c) => c.text)).toContain('Fælles interesser: dyr (+10)');
    expect(best.contributions.find((c) => c.criterion === 'industry')?.text).toBe('Mentoren kender branchen: chauffør (+30)');
    expect(other.score).toBeLessThan(best.score);
  });

  it('ranks a mentor who already has a mentee lower instead of excluding them (one at a time is a preference)', () => {
    const list = rank(youth(), [mentor({ id: 'busy', hoursPerMonth: 6, currentMentees: 1 }), mentor({ id: 'free', hoursPerMonth: 6 })], MENTOR_CRITERIA, DEFAULT_MENTOR_WEIGHTS);
    expect(list.map((s) => s.candidateId)).toEqual(['free', 'busy']);
    expect(list.every((s) => !s.excluded)).toBe(true);
    expect(list[1].contributions.find((c) => c.criterion === 'hours')?.text).toBe('Kan give 6 timer om måneden og har allerede 1 mentee (+8)');
  });
});

describe('catalog initiatives', () => {
  it('excludes outside the age range and other municipalities, only when known', () => {
    const y = youth({ age: 16, municipality: 'Billund' });
    const [s] = rank(y, [initiative()], INITIATIVE_CRITERIA, DEFAULT_INITIATIVE_WEIGHTS);
    expect(s.excluded?.limits).toEqual([
      { criterion: 'outside_age_range', text: 'Målgruppen er 18–25 år – den unge er 16' },
      { criterion: 'other_municipality', text: 'Tilbydes kun i Herning' },
    ]);
    const [unknown] = rank(youth(), [initiative()], INITIATIVE_CRITERIA, DEFAULT_INITIATIVE_WEIGHTS);
    expect(unknown.excluded).toBeUndefined();
    expect(unknown.contributions.map((c) => c.text)).toContain('Alder ikke vurderet: ikke registreret (+8)');
  });

  it('matches tags to needs only with consent', () => {
    const y = youth({ age: 20, municipality: 'Herning', location: HERNING });
    const ranked = (consent: boolean) =>
      rank({ ...y, needsConsent: consent }, [initiative(), initiative({ id: 'i2', tags: ['sport'] })], INITIATIVE_CRITERIA, DEFAULT_INITIATIVE_WEIGHTS);
    const withConsent = ranked(true);
    expect(withConsent[0].candidateId).toBe('i1');
    expect(withConsent[0].contributions[0].text).toBe('Indsatsen arbejder med: angst (+35)');
    const without = ranked(false);
    expect(without[0].score).toBe(without[1].score);
    expect(without[0].contributions[0].text).toBe('Behov ikke vurderet: ingen samtykke til at bruge behov (+18)');
  });
});
