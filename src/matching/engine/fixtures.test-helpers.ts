// Shared test profiles (not a test file itself).
import type { Opening, YoungPersonProfile } from './types.ts';

export const HERNING = { lat: 56.1367, lon: 8.9735 };
/** Sunds, about 8 km north of Herning. */
export const SUNDS = { lat: 56.2087, lon: 9.0181 };
export const AARHUS = { lat: 56.1572, lon: 10.2107 };

export function youth(overrides: Partial<YoungPersonProfile> = {}): YoungPersonProfile {
  return {
    interests: ['lager', 'værksted', 'dyr'],
    wishes: ['chauffør'],
    daysPerWeek: 3,
    hoursPerDay: 5,
    earliestStart: '2025-03-03',
    location: HERNING,
    maxTravelMinutes: 45,
    transport: { drivingLicence: false, bike: true, bus: true },
    needs: ['angst'],
    needsConsent: true,
    needsAfterHoursMentor: true,
    canDoEarlyMornings: false,
    ...overrides,
  };
}

export function opening(overrides: Partial<Opening> = {}): Opening {
  return {
    id: 'o1',
    taskTags: ['lageret', 'pakning'],
    taskWords: 'Pakke varer på lageret og hjælpe på værkstedet',
    placementKind: 'work_placement',
    startDaysPerWeek: 2,
    startHoursPerDay: 4,
    startDate: '2025-03-10',
    location: SUNDS,
    requirements: { drivingLicence: false, lifting: false, earlyMornings: false },
    companyExperience: ['angst', 'ADHD'],
    mentorReachableAfterHours: true,
    trackRecord: { completed: 4, breakdowns: 1 },
    ...overrides,
  };
}
