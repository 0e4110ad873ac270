// Deterministic synthetic national data: young people, companies and openings
// spread around Danish towns (weighted by rough population), tags drawn from a
// small Danish vocabulary with inflected forms to exercise the stemming.
import type { GeoPoint, Opening, PlacementKind, YoungPersonProfile } from '../../src/matching/engine/types.ts';
import { createRng, type Rng } from './prng.ts';

/** [name, lat, lon, weight] */
const TOWNS: readonly (readonly [string, number, number, number])[] = [
  ['København', 55.6761, 12.5683, 30], ['Aarhus', 56.1572, 10.2107, 14], ['Odense', 55.4038, 10.4024, 9],
  ['Aalborg', 57.0488, 9.9217, 8], ['Esbjerg', 55.4765, 8.4594, 4.5], ['Randers', 56.4607, 10.0364, 3.5],
  ['Kolding', 55.4904, 9.4722, 3.5], ['Horsens', 55.8607, 9.8503, 3.3], ['Vejle', 55.7093, 9.5357, 3.3],
  ['Roskilde', 55.6415, 12.0803, 3], ['Herning', 56.1367, 8.9735, 3], ['Silkeborg', 56.1697, 9.5451, 2.8],
  ['Næstved', 55.2299, 11.7609, 2.3], ['Fredericia', 55.5657, 9.7526, 2.1], ['Viborg', 56.4532, 9.402, 2],
  ['Køge', 55.458, 12.1821, 2], ['Holstebro', 56.3601, 8.6161, 1.9], ['Slagelse', 55.4028, 11.3546, 1.8],
  ['Hillerød', 55.9267, 12.3109, 1.7], ['Sønderborg', 54.9138, 9.7922, 1.5], ['Svendborg', 55.0598, 10.6068, 1.5],
  ['Hjørring', 57.4642, 9.9823, 1.3], ['Holbæk', 55.7167, 11.7167, 1.3], ['Frederikshavn', 57.4407, 10.5366, 1.2],
  ['Ringsted', 55.4426, 11.7901, 1.2], ['Skanderborg', 56.034, 9.93, 1.2], ['Haderslev', 55.2494, 9.488, 1.1],
  ['Nykøbing F', 54.7691, 11.8743, 1.1], ['Skive', 56.5667, 9.0333, 1], ['Ikast', 56.1388, 9.1578, 1],
  ['Thisted', 56.9552, 8.6946, 0.9], ['Aabenraa', 55.0444, 9.4181, 0.9], ['Nyborg', 55.3127, 10.7896, 0.9],
  ['Rønne', 55.1009, 14.7066, 0.8], ['Grenaa', 56.4158, 10.8782, 0.8], ['Varde', 55.621, 8.4806, 0.8],
  ['Middelfart', 55.506, 9.73, 0.8], ['Billund', 55.731, 9.112, 0.6], ['Hobro', 56.639, 9.79, 0.6],
  ['Ribe', 55.328, 8.76, 0.5], ['Tønder', 54.9333, 8.8667, 0.5], ['Struer', 56.4919, 8.5941, 0.5],
  ['Lemvig', 56.5486, 8.3102, 0.4], ['Brande', 55.943, 9.128, 0.4], ['Aulum', 56.2646, 8.7838, 0.3],
];
const TOWN_WEIGHTS = TOWNS.map((t) => t[3]);
/** Denmark's bounding box. */
const BBOX = { minLat: 54.56, maxLat: 57.75, minLon: 8.07, maxLon: 15.2 };

const INDUSTRIES: Readonly<Record<string, readonly string[]>> = {
  lager: ['lageret', 'pakning', 'truck', 'varer'],
  værksted: ['værkstedet', 'reparation', 'cykler', 'motorer'],
  butik: ['butikken', 'kunder', 'kasse', 'varer'],
  køkken: ['køkkenet', 'madlavning', 'opvask', 'kantinen'],
  landbrug: ['stalden', 'dyrene', 'marker', 'traktor'],
  gartneri: ['gartneriet', 'planter', 'grønne områder', 'haven'],
  byggeri: ['byggepladsen', 'tømrer', 'maling', 'murer'],
  pleje: ['plejehjemmet', 'ældre', 'omsorg'],
  rengøring: ['rengøring', 'kontorer', 'vinduer'],
  transport: ['chauffør', 'levering', 'biler'],
  it: ['computere', 'it-support', 'kontoret'],
  børn: ['børnehaven', 'børn', 'legepladsen'],
  sport: ['fitness', 'sport', 'svømmehallen'],
};
const INDUSTRY_NAMES = Object.keys(INDUSTRIES);
const INTERESTS = [
  'lager', 'værksted', 'butik', 'madlavning', 'dyr', 'natur', 'planter', 'byggeri', 'maling', 'computer', 'børn',
  'sport', 'biler', 'motorer', 'kunder', 'musik', 'gaming', 'omsorg', 'tømrer', 'chauffør', 'truck', 'rengøring',
];
const NEEDS = ['angst', 'adhd', 'autisme', 'ordblindhed', 'depression', 'social træning', 'misbrug'];
const KINDS: readonly PlacementKind[] = ['trial_placement', 'work_placement', 'wage_subsidy', 'paid_hours', 'leisure_job', 'apprenticeship', 'ordinary_employment'];
const KIND_WEIGHTS = [20, 35, 10, 15, 8, 7, 5];
const LOW_DAYS = [15, 25, 25, 15, 20]; // days 1..5: many start low (aktivitetsparate)

export interface SyntheticYoungPerson extends YoungPersonProfile {
  readonly id: string;
}
export interface SyntheticOpening extends Opening {
  readonly companyId: string;
  readonly capacity: number;
  readonly filled: number;
}
export interface SyntheticData {
  readonly youth: SyntheticYoungPerson[];
  readonly openings: SyntheticOpening[];
  readonly companyCount: number;
}

/** A point near a town: tight urban spread, or a wider rural one. */
function placeNear(rng: Rng, town: (typeof TOWNS)[number]): GeoPoint {
  const spreadKm = rng.chance(0.2) ? 15 : 2 + Math.sqrt(town[3]) * 1.2;
  const lat = town[1] + (rng.normal() * spreadKm) / 111.2;
  const lon = town[2] + (rng.normal() * spreadKm) / (111.2 * Math.cos((town[1] * Math.PI) / 180));
  return {
    lat: Math.min(BBOX.maxLat, Math.max(BBOX.minLat, lat)),
    lon: Math.min(BBOX.maxLon, Math.max(BBOX.minLon, lon)),
  };
}

function isoDay(offset: number): string {
  return new Date(Date.UTC(2025, 2, 1) + offset * 86_400_000).toISOString().slice(0, 10);
}

function youngPerson(rng: Rng, i: number): SyntheticYoungPerson {
  const town = TOWNS[rng.weighted(TOWN_WEIGHTS)];
  const needs = rng.chance(0.6) ? rng.sample(NEEDS, rng.int(1, 2)) : [];
  return {
    id: `y${i}`,
    interests: rng.sample(INTERESTS, rng.int(1, 4)),
    wishes: rng.chance(0.7) ? rng.sample(INDUSTRY_NAMES, rng.int(1, 2)) : [],
    daysPerWeek: 1 + rng.weighted(LOW_DAYS),
    hoursPerDay: rng.int(3, 8),
    earliestStart: isoDay(rng.int(0, 60)),
    location: rng.chance(0.04) ? null : placeNear(rng, town),
    maxTravelMinutes: 5 * rng.int(5, 12),
    transport: { drivingLicence: rng.chance(0.25), bike: rng.chance(0.6), bus: rng.chance(0.85) },
    needs,
    needsConsent: rng.chance(0.6),
    needsAfterHoursMentor: rng.chance(0.35),
    canDoEarlyMornings: rng.chance(0.5),
    canLift: rng.chance(0.1) ? false : undefined,
    age: rng.int(16, 29),
    municipality: town[0],
  };
}

interface Company {
  readonly id: string;
  readonly location: GeoPoint | null;
  readonly industry: string;
  readonly experience: readonly string[];
  readonly mentorAfterHours: boolean;
  readonly completed: number;
  readonly breakdowns: number;
}

function company(rng: Rng, i: number): Company {
  const town = TOWNS[rng.weighted(TOWN_WEIGHTS)];
  return {
    id: `c${i}`,
    location: rng.chance(0.02) ? null : placeNear(rng, town),
    industry: rng.pick(INDUSTRY_NAMES),
    experience: rng.sample(NEEDS, rng.int(0, 3)),
    mentorAfterHours: rng.chance(0.4),
    completed: rng.int(0, 10),
    breakdowns: rng.int(0, 4),
  };
}

function opening(rng: Rng, i: number, c: Company): SyntheticOpening {
  const words = INDUSTRIES[c.industry];
  const capacity = rng.int(1, 3);
  return {
    id: `o${i}`,
    companyId: c.id,
    taskTags: rng.sample(words, rng.int(1, Math.min(3, words.length))),
    taskWords: `Opgaver i ${c.industry}: ${rng.pick(words)}`,
    placementKind: KINDS[rng.weighted(KIND_WEIGHTS)],
    startDaysPerWeek: 1 + rng.weighted([35, 30, 20, 10, 5]),
    startHoursPerDay: rng.int(3, 7),
    startDate: rng.chance(0.3) ? null : isoDay(rng.int(0, 90)),
    location: c.location,
    requirements: { drivingLicence: rng.chance(0.1), lifting: rng.chance(0.2), earlyMornings: rng.chance(0.25) },
    companyExperience: c.experience,
    mentorReachableAfterHours: c.mentorAfterHours,
    trackRecord: { completed: c.completed, breakdowns: c.breakdowns },
    capacity,
    filled: rng.chance(0.3) ? capacity : rng.int(0, capacity - 1),
  };
}

export function generateNationalData(seed: number, youthCount: number, companyCount: number, openingCount: number): SyntheticData {
  const rng = createRng(seed);
  const youth = Array.from({ length: youthCount }, (_, i) => youngPerson(rng, i));
  const companies = Array.from({ length: companyCount }, (_, i) => company(rng, i));
  const openings = Array.from({ length: openingCount }, (_, i) => opening(rng, i, companies[rng.int(0, companyCount - 1)]));
  return { youth, openings, companyCount };
}
