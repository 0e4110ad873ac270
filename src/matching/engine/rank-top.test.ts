// The fast ranking path (numbers first, texts only for what is shown) must give
// exactly what the full, fully explained ranking gives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_WEIGHTS, OPENING_CRITERIA } from './criteria.ts';
import { DEFAULT_MENTOR_WEIGHTS, MENTOR_CRITERIA } from './criteria-mentors.ts';
import { opening, youth } from './fixtures.test-helpers.ts';
import { ReachIndex } from './grid.ts';
import { EXCLUDED, rank, Scorer } from './score.ts';
import type { Opening, VolunteerMentor, YoungPersonProfile } from './types.ts';
import { runs } from '../../../test/property-runs.ts';

const WORDS = ['lager', 'lageret', 'værksted', 'dyr', 'dyrene', 'butik', 'kunder', 'køkken', 'truck', 'pakning', 'angst', 'adhd', 'autisme'];
const point = fc.record({ lat: fc.double({ min: 55.9, max: 56.5, noNaN: true }), lon: fc.double({ min: 8.6, max: 9.6, noNaN: true }) });
const date = fc.integer({ min: 0, max: 120 }).map((d) => new Date(Date.UTC(2025, 2, 1) + d * 86_400_000).toISOString().slice(0, 10));

const youthArb: fc.Arbitrary<YoungPersonProfile> = fc.record({
  interests: fc.array(fc.constantFrom(...WORDS), { maxLength: 4 }),
  wishes: fc.array(fc.constantFrom(...WORDS), { maxLength: 2 }),
  daysPerWeek: fc.integer({ min: 1, max: 5 }),
  hoursPerDay: fc.integer({ min: 2, max: 8 }),
  earliestStart: fc.option(date, { nil: null }),
  location: fc.option(point, { nil: null }),
  maxTravelMinutes: fc.integer({ min: 10, max: 90 }),
  transport: fc.record({ drivingLicence: fc.boolean(), bike: fc.boolean(), bus: fc.boolean() }),
  needs: fc.array(fc.constantFrom('angst', 'adhd', 'autisme'), { maxLength: 2 }),
  needsConsent: fc.boolean(),
  needsAfterHoursMentor: fc.option(fc.boolean(), { nil: null }),
  requiresAfterHoursMentor: fc.boolean(),
  canDoEarlyMornings: fc.option(fc.boolean(), { nil: null }),
  canLift: fc.option(fc.boolean(), { nil: null }),
});

const openingsArb = (n: number): fc.Arbitrary<Opening[]> => fc.array(fc.record({
  taskTags: fc.array(fc.constantFrom(...WORDS), { maxLength: 3 }),
  days: fc.integer({ min: 1, max: 5 }),
  hours: fc.integer({ min: 2, max: 8 }),
  startDate: fc.option(date, { nil: null }),
  location: fc.option(point, { nil: null }),
  requirements: fc.record({ drivingLicence: fc.boolean(), lifting: fc.boolean(), earlyMornings: fc.boolean() }),
  experience: fc.array(fc.constantFrom('angst', 'adhd', 'autisme'), { maxLength: 2 }),
  afterHours: fc.boolean(),
  completed: fc.integer({ min: 0, max: 6 }),
  breakdowns: fc.integer({ min: 0, max: 3 }),
}), { minLength: 0, maxLength: n }).map((rows) => rows.map((r, i) => opening({
  // Ids out of order and with ties in score, so both tie-breaks are exercised.
  id: `o${(i * 7919) % 1000}`, taskTags: r.taskTags, taskWords: r.taskTags.join(' '), startDaysPerWeek: r.days, startHoursPerDay: r.hours,
  startDate: r.startDate, location: r.location, requirements: r.requirements, companyExperience: r.experience,
  mentorReachableAfterHours: r.afterHours, trackRecord: { completed: r.completed, breakdowns: r.breakdowns },
})));

const weightsArb = fc.record({
  interests: fc.integer({ min: 0, max: 40 }), travel: fc.integer({ min: 0, max: 40 }), workload: fc.integer({ min: 0, max: 40 }),
  company_experience: fc.integer({ min: 0, max: 40 }), track_record: fc.integer({ min: 0, max: 40 }),
  after_hours_mentor: fc.integer({ min: 0, max: 40 }), start: fc.integer({ min: 0, max: 40 }),
});

describe('Scorer.top equals the full ranking', () => {
  it('for random young people, openings, weights and list lengths (property-based)', () => {
    fc.assert(fc.property(youthArb, openingsArb(60), fc.oneof(fc.constant(DEFAULT_WEIGHTS), weightsArb), fc.integer({ min: 0, max: 70 }),
      (y, openings, weights, limit) => {
        const full = rank(y, openings, OPENING_CRITERIA, weights);
        const top = new Scorer(OPENING_CRITERIA, weights).top(y, openings, limit);
        expect(top.suggestions).toEqual(full.slice(0, limit));
        expect(top.eligible).toBe(full.filter((s) => !s.excluded).length);
      }), { numRuns: runs(300) });
  });

  it('numeric score, limit count and place agree with the explained judgement', () => {
    fc.assert(fc.property(youthArb, openingsArb(25), (y, openings) => {
      const scorer = new Scorer(OPENING_CRITERIA, DEFAULT_WEIGHTS);
      const full = scorer.rank(y, openings);
      for (const o of openings) {
        const s = scorer.judge(y, o);
        expect(scorer.score(y, o)).toBe(s.excluded ? EXCLUDED : s.score);
        expect(scorer.limitCount(y, o)).toBe(s.excluded?.limits.length ?? 0);
        expect(scorer.placeOf(y, openings, o)).toBe(full.findIndex((x) => x.candidateId === o.id) + 1);
      }
    }), { numRuns: runs(100) });
  });

  it('every fast criterion form (blocks, fit) agrees with its explained form (hard, soft)', () => {
    fc.assert(fc.property(youthArb, openingsArb(10), (y, openings) => {
      for (const o of openings) {
        for (const c of OPENING_CRITERIA) {
          if (c.blocks) expect(c.blocks(y, o)).toBe(c.hard!(y, o) !== null);
          if (c.fit) expect(c.fit(y, o)).toBe(c.soft!(y, o).fit);
        }
      }
    }), { numRuns: runs(200) });
  });

  it('on more than 1,024 candidates too (where the hard limits are re-ordered for speed)', () => {
    fc.assert(fc.property(youthArb, fc.integer({ min: 1, max: 60 }), (y, limit) => {
      const openings = Array.from({ length: 1500 }, (_, i) => opening({
        id: `o${(i * 7919) % 10_000}`, startDaysPerWeek: 1 + (i % 5), startHoursPerDay: 2 + (i % 7), location: i % 3 ? { lat: 56 + (i % 50) / 100, lon: 9 + (i % 70) / 100 } : null,
        requirements: { drivingLicence: i % 9 === 0, lifting: i % 5 === 0, earlyMornings: i % 4 === 0 }, mentorReachableAfterHours: i % 2 === 0,
        trackRecord: { completed: i % 7, breakdowns: i % 3 }, taskTags: [WORDS[i % WORDS.length]], taskWords: WORDS[(i * 5) % WORDS.length],
      }));
      const top = new Scorer(OPENING_CRITERIA, DEFAULT_WEIGHTS).top(y, openings, limit);
      expect(top.suggestions).toEqual(rank(y, openings, OPENING_CRITERIA, DEFAULT_WEIGHTS).slice(0, limit));
    }), { numRuns: runs(15) });
  });

  it('works for criteria without fast forms (mentors) too', () => {
    const mentors: VolunteerMentor[] = Array.from({ length: 30 }, (_, i) => ({
      id: `m${(i * 37) % 100}`, interests: [WORDS[i % WORDS.length]], industry: [WORDS[(i * 3) % WORDS.length]], location: null,
      hoursPerMonth: i % 5, maxMentees: 1, currentMentees: i % 4 === 0 ? 1 : 0,
    }));
    for (const limit of [0, 5, 20, 30, 40]) {
      expect(new Scorer(MENTOR_CRITERIA, DEFAULT_MENTOR_WEIGHTS).top(youth(), mentors, limit).suggestions)
        .toEqual(rank(youth(), mentors, MENTOR_CRITERIA, DEFAULT_MENTOR_WEIGHTS).slice(0, limit));
    }
  });

  it('through the reach index: the top 50 equal the first 50 of ranking every opening, among the possible ones', () => {
    let x = 4242;
    const rnd = () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const spot = () => ({ lat: 55.9 + rnd() * 0.6, lon: 8.7 + rnd() * 0.9 });
    const openings = Array.from({ length: 600 }, (_, i) => opening({
      id: `o${i}`, location: i % 25 === 0 ? null : spot(), startDaysPerWeek: 1 + (i % 4), trackRecord: { completed: i % 7, breakdowns: i % 3 },
      requirements: { drivingLicence: i % 9 === 0, lifting: i % 5 === 0, earlyMornings: i % 4 === 0 },
    }));
    const index = new ReachIndex(openings, 3);
    const eligible = (list: ReturnType<typeof rank>) => list.filter((s) => !s.excluded);
    for (let k = 0; k < 20; k++) {
      const y = youth({ location: k % 5 === 0 ? null : spot(), maxTravelMinutes: 15 + Math.floor(rnd() * 45), canLift: k % 2 === 0 ? false : null });
      const top = new Scorer(OPENING_CRITERIA, DEFAULT_WEIGHTS).top(y, index.near(y), 50);
      const all = rank(y, openings, OPENING_CRITERIA, DEFAULT_WEIGHTS);
      expect(eligible(top.suggestions)).toEqual(eligible(all).slice(0, 50));
      expect(top.eligible).toBe(eligible(all).length);
    }
  });
});
