// Maps database rows to the pure engine's shapes. Everything the engine may not
// see is decided here: needs (barriers, special-category data) pass only when
// the young person shared them with the network for matching.
import { sql } from 'kysely';
import type { Db, Trx } from '../core/db.ts';
import { onboardingComplete } from '../mentors/queries.ts';
import { ageOn } from '../youth/domain.ts';
import type { Initiative, Opening, PlacementKind, VolunteerMentor, YoungPersonProfile } from './engine/index.ts';

type Q = Db | Trx;

/** Barrier code → the need word the engine compares with company experience (Danish, one word each). */
const NEED_OF_BARRIER: Record<string, string> = {
  diagnosis: 'diagnose', cognitive: 'indlæring', substance_abuse: 'misbrug', crime: 'straffeattest',
};
/** Company experience tags (src/companies/schemas.ts EXPERIENCE_TAGS) → the same words. */
const NEED_OF_EXPERIENCE: Record<string, string[]> = {
  anxiety: ['diagnose', 'angst'], autism: ['diagnose', 'autisme'], adhd: ['diagnose', 'adhd'], depression: ['diagnose', 'depression'],
  cognitive: ['indlæring'], substance_history: ['misbrug'], criminal_record: ['straffeattest'],
  no_danish: ['dansk'], physical: ['fysisk'],
};
const PLACEMENT_KIND: Record<string, PlacementKind> = {
  trial: 'trial_placement', work_placement: 'work_placement', wage_subsidy: 'wage_subsidy', paid_hours: 'paid_hours',
  leisure_job: 'leisure_job', apprenticeship: 'apprenticeship', ordinary_job: 'ordinary_employment',
};

const point = (lat: number | null, lon: number | null) => (lat !== null && lon !== null ? { lat, lon } : null);
const words = (text: string | null) => (text ?? '').split(/[,;/\n]+/).map((w) => w.trim()).filter(Boolean);

export interface YouthSubject {
  id: string;
  name: string;
  stage: string;
  profile: YoungPersonProfile;
  /** The young person has no screening: defaults were used (no limits on days, hours, travel). */
  screened: boolean;
}

/** The young people's profiles (latest screening each), keyed by id. */
/**
 * 'waiting_placement': stage screening/clarification with no planned, active or paused placement.
 * 'waiting_mentor': an open pathway (screening to in_placement) without an active volunteer mentor.
 */
export async function loadYouth(db: Q, partnershipId: string, ids: string[] | 'waiting_placement' | 'waiting_mentor'): Promise<YouthSubject[]> {
  const { rows } = await sql<{
    id: string; first_name: string; last_name: string; birth_date: string; stage: string; lat: number | null; lon: number | null;
    interests: string[] | null; wishes: string | null; days_per_week: number | null; hours_per_day: number | null;
    earliest_start: string | null; transport: string[] | null; max_travel_minutes: number | null; barriers: string[] | null;
    can_do_early_mornings: boolean | null; can_lift: boolean | null; after_hours_mentor: string | null; shared: string[] | null;
  }>`
    SELECT y.id, y.first_name, y.last_name, y.birth_date::text AS birth_date, y.stage, y.lat, y.lon,
      s.interests, s.wishes, s.days_per_week, s.hours_per_day, s.earliest_start::text AS earliest_start, s.transport,
      s.max_travel_minutes, s.barriers, s.can_do_early_mornings, s.can_lift, s.after_hours_mentor,
      (SELECT array_agg(c.item) FROM (
        SELECT DISTINCT ON (item) item, granted FROM consent_events
        WHERE young_person_id = y.id AND recipient_kind = 'network' AND recipient_id = ${partnershipId}
        ORDER BY item, id DESC) c WHERE c.granted) AS shared
    FROM young_people y
    LEFT JOIN LATERAL (SELECT * FROM screenings WHERE young_person_id = y.id ORDER BY version DESC LIMIT 1) s ON true
    WHERE y.partnership_id = ${partnershipId}
      ${ids === 'waiting_placement'
        ? sql`AND y.stage IN ('screening', 'clarification') AND NOT EXISTS (SELECT 1 FROM placements p
            WHERE p.young_person_id = y.id AND p.status IN ('planned', 'active', 'paused'))`
        : ids === 'waiting_mentor'
          ? sql`AND y.stage IN ('screening', 'clarification', 'in_placement') AND NOT EXISTS (SELECT 1 FROM mentorships ms
              JOIN mentors m ON m.id = ms.mentor_id WHERE ms.young_person_id = y.id AND ms.status = 'active' AND m.kind = 'volunteer')`
          : sql`AND y.id = ANY(${ids}::uuid[])`}
    ORDER BY y.id`.execute(db);
  return rows.map((r) => {
    const shared = new Set(r.shared ?? []);
    const mappable = (r.barriers ?? []).filter((b) => NEED_OF_BARRIER[b]);
    const consented = mappable.filter((b) => shared.has(`barrier.${b}`));
    const transport = new Set(r.transport ?? []);
    return {
      id: r.id, name: `${r.first_name} ${r.last_name}`, stage: r.stage, screened: r.days_per_week !== null || r.interests !== null,
      profile: {
        interests: r.interests ?? [],
        wishes: words(r.wishes),
        daysPerWeek: r.days_per_week ?? 7,
        hoursPerDay: r.hours_per_day ?? 24,
        earliestStart: r.earliest_start,
        location: point(r.lat, r.lon),
        maxTravelMinutes: r.max_travel_minutes ?? 600,
        transport: { drivingLicence: transport.has('driving_licence'), bike: transport.has('bike'), bus: transport.has('bus') },
        // Only the needs shared with the network for matching leave this function. An unshared need must not
        // move any score (not even to "neutral"): the engine sees such a young person exactly as one without needs.
        needs: consented.map((b) => NEED_OF_BARRIER[b]),
        needsConsent: consented.length > 0,
        // Not answered in the screening (null): no limit, and the after-hours criterion is neutral and says so.
        needsAfterHoursMentor: r.after_hours_mentor === null ? null : r.after_hours_mentor !== 'not_needed',
        requiresAfterHoursMentor: r.after_hours_mentor === 'required',
        canDoEarlyMornings: r.can_do_early_mornings,
        canLift: r.can_lift,
        age: ageOn(r.birth_date),
      },
    };
  });
}

export interface OpeningCandidate extends Opening {
  companyId: string;
  companyName: string;
  title: string;
  placementKinds: string[];
  freePlaces: number;
}

/** Open openings with at least one free place, with the company's experience and track record. */
export async function loadOpenings(db: Q, partnershipId: string): Promise<OpeningCandidate[]> {
  const { rows } = await sql<{
    id: string; company_id: string; company_name: string; title: string; tasks: string; placement_kinds: string[];
    start_days_per_week: number; start_hours_per_day: string; earliest_start: string | null; requirements: string[]; mentor_after_hours: boolean;
    lat: number | null; lon: number | null; c_lat: number | null; c_lon: number | null; experience_tags: string[];
    free: number; completed: number; breakdowns: number;
  }>`
    SELECT o.id, o.company_id, c.name AS company_name, o.title, o.tasks, o.placement_kinds, o.start_days_per_week,
      o.start_hours_per_day::text AS start_hours_per_day, o.earliest_start::text AS earliest_start, o.requirements, o.mentor_after_hours, o.lat, o.lon,
      c.lat AS c_lat, c.lon AS c_lon, c.experience_tags,
      o.capacity - (SELECT count(*) FROM placements p WHERE p.opening_id = o.id AND p.status IN ('planned', 'active', 'paused'))::int AS free,
      (SELECT count(*) FROM placements p WHERE p.company_id = c.id AND p.end_reason IN ('hired', 'education', 'ended_as_planned'))::int AS completed,
      (SELECT count(*) FROM placements p WHERE p.company_id = c.id AND p.end_reason = 'breakdown')::int AS breakdowns
    FROM openings o JOIN companies c ON c.id = o.company_id
    WHERE o.partnership_id = ${partnershipId} AND o.open
    ORDER BY o.id`.execute(db);
  return rows.filter((r) => Number(r.free) > 0).map((r) => ({
    id: r.id, companyId: r.company_id, companyName: r.company_name, title: r.title, placementKinds: r.placement_kinds,
    freePlaces: Number(r.free),
    taskTags: [r.title], taskWords: r.tasks,
    placementKind: PLACEMENT_KIND[r.placement_kinds[0]] ?? 'work_placement',
    startDaysPerWeek: r.start_days_per_week, startHoursPerDay: Number(r.start_hours_per_day), startDate: r.earliest_start,
    location: point(r.lat, r.lon) ?? point(r.c_lat, r.c_lon),
    requirements: {
      drivingLicence: r.requirements.includes('driving_licence'), lifting: r.requirements.includes('lifting'),
      earlyMornings: r.requirements.includes('early_mornings'),
    },
    companyExperience: [...new Set(r.experience_tags.flatMap((t) => NEED_OF_EXPERIENCE[t] ?? []))],
    mentorReachableAfterHours: r.mentor_after_hours,
    trackRecord: { completed: Number(r.completed), breakdowns: Number(r.breakdowns) },
  }));
}

/**
 * "Foreslå for alle" proposes only volunteer mentors without a mentee, one new
 * mentee each: a preference that spreads the volunteers, not a rule (the mentors
 * feature lets the project leader match a second mentee; one young person's
 * list ranks such a mentor lower through the hours criterion).
 */
export const MAX_MENTEES_PER_VOLUNTEER = 1;

export interface MentorCandidate extends VolunteerMentor {
  name: string;
  recordChecked: boolean;
  /** As registered (null = not registered), for the mentors feature's hours rule. */
  registeredHours: number | null;
}

/** Active, fully onboarded volunteer mentors. Their area is free text, so their location is unknown. */
export async function loadMentors(db: Q, partnershipId: string): Promise<MentorCandidate[]> {
  const rows = await db.selectFrom('mentors as m')
    .select(['m.id', 'm.kind', 'm.name', 'm.interests', 'm.industry', 'm.hours_per_month', 'm.record_checked_on', 'm.intro_talk_on', 'm.agreement_signed_on', 'm.course_on'])
    .select((eb) => eb.selectFrom('mentorships as ms').whereRef('ms.mentor_id', '=', 'm.id').where('ms.status', '=', 'active')
      .select(eb.fn.countAll<number>().as('n')).as('active'))
    .where('m.partnership_id', '=', partnershipId).where('m.kind', '=', 'volunteer').where('m.status', '=', 'active')
    .orderBy('m.id').execute();
  // Onboarding is the mentors feature's rule (the same one createMentorship enforces).
  return rows.filter(onboardingComplete).map((r) => ({
    id: r.id, name: r.name, interests: words(r.interests), industry: words(r.industry), location: null,
    hoursPerMonth: r.hours_per_month ?? 0, maxMentees: MAX_MENTEES_PER_VOLUNTEER, currentMentees: Number(r.active ?? 0),
    recordChecked: r.record_checked_on !== null, registeredHours: r.hours_per_month,
  }));
}

export interface InitiativeCandidate extends Initiative {
  owner: string;
}

/** Catalog initiatives that have not ended (the catalog is regional: no partnership filter). */
export async function loadInitiatives(db: Q): Promise<InitiativeCandidate[]> {
  const rows = await db.selectFrom('initiatives').select(['id', 'title', 'owner', 'municipality', 'age_min', 'age_max', 'tags'])
    .where('status', '<>', 'ended').orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id, name: r.title, owner: r.owner, ageMin: r.age_min, ageMax: r.age_max,
    municipalities: r.municipality ? [r.municipality] : [], tags: r.tags,
  }));
}
