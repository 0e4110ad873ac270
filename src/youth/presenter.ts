import type { Selectable } from 'kysely';
import type { ScreeningsTable, YoungPeopleTable } from '../core/db-types.ts';
import type { Queryable } from '../core/db.ts';
import type { Actor } from '../core/policy.ts';
import { audit } from '../core/audit.ts';
import { notFound } from '../core/errors.ts';
import { infoItem } from '../consent/items.ts';
import { sharedItems as loadSharedItems, type Recipient } from '../consent/ledger.ts';
import { isCurrentRecipient } from '../consent/recipients.ts';
import { ageOn, type Barrier } from './domain.ts';

export type YoungPersonRow = Selectable<YoungPeopleTable>;
export type ScreeningRow = Selectable<ScreeningsTable>;
export interface YoungPersonRecord extends YoungPersonRow {
  screening: ScreeningRow | null;
}

/**
 * The one place that decides what a viewer sees of a young person. Every field
 * the API can return is listed here with its GDPR class and the info item a
 * young person can share it under. A field with no item is for the team and the
 * young person only; 'base' fields are shown to any party with a relationship.
 */
interface FieldRule {
  classification: 'ordinary' | 'special';
  item: string | 'base' | null;
}
const o = (item: string | 'base' | null = null): FieldRule => ({ classification: 'ordinary', item });
const s = (item: string | null = null): FieldRule => ({ classification: 'special', item });

export const PERSON_FIELDS = {
  id: o('base'), firstName: o('base'), lastName: o(), birthDate: o(), age: o('identity.age'),
  phone: o('contact.phone'), email: o('contact.email'), address: o('contact.address'), postalCode: o('contact.address'),
  preferredContactTimes: o('schedule'),
  guardianName: o(), guardianPhone: o(), guardianEmail: o(),
  referralSource: o(), municipalCaseRef: o(), counsellorId: o(), stage: o(), outcome: o(), outcomeEducation: o(),
  outcomeDate: o(), nextFollowUp: o(), nextAppointmentAt: o(), nextAppointmentPlace: o(), lastContactAt: o(), version: o(),
} as const satisfies Record<string, FieldRule>;

export const SCREENING_FIELDS = {
  version: o(), createdAt: o(), readiness: o(),
  strengths: o('screening.strengths'), interests: o('screening.strengths'), wishes: o('screening.wishes'),
  daysPerWeek: o('screening.practical'), hoursPerDay: o('screening.practical'), earliestStart: o('screening.practical'),
  transport: o('screening.practical'), maxTravelMinutes: o('screening.practical'),
  // Practical limits for matching: what the young person can manage, not why (health details belong in healthNote).
  canDoEarlyMornings: o('screening.practical'), canLift: o('screening.practical'), afterHoursMentor: o('screening.practical'),
  barrierNote: s(), healthNote: s('health.note'),
  // barriers are filtered per element below: each barrier is its own item.
  barriers: o(),
} as const satisfies Record<string, FieldRule>;

/** The GDPR class of one barrier, from its info item. */
export const barrierItem = (b: string) => `barrier.${b}`;
export const barrierClass = (b: string): 'ordinary' | 'special' => infoItem(barrierItem(b))?.classification ?? 'ordinary';

export interface Viewer {
  actor: Actor;
  /**
   * For company, mentor and association users: the party they act for. The calling
   * feature sets it only after checking that the user belongs to that party and that
   * the party has a relationship with this young person (a placement, a mentorship).
   * For a mentor the id must be the mentor's own user id. Without it: 404.
   */
  recipient?: Recipient;
}

export type Scope = 'team' | 'admin' | 'self' | 'recipient' | 'none';

/** How the viewer relates to the record: decides which rule applies. */
export function scopeOf(viewer: Viewer, record: Pick<YoungPersonRow, 'partnership_id' | 'user_id'>): Scope {
  const { actor } = viewer;
  if (actor.partnershipId !== record.partnership_id) return 'none';
  switch (actor.role) {
    case 'counsellor': return 'team';
    case 'admin': return 'admin';
    case 'young_person': return record.user_id === actor.userId ? 'self' : 'none';
    case 'company_contact': return viewer.recipient?.kind === 'company' ? 'recipient' : 'none';
    case 'volunteer_mentor': return viewer.recipient?.kind === 'mentor' && viewer.recipient.id === actor.userId ? 'recipient' : 'none';
    case 'association_contact': return viewer.recipient?.kind === 'association' ? 'recipient' : 'none';
    default: return 'none';
  }
}

/** May this scope see a field with this rule, given the items shared with the viewer? */
export function maySee(scope: Scope, rule: FieldRule, shared: ReadonlySet<string>): boolean {
  switch (scope) {
    case 'team':
    case 'self':
      return true;
    case 'admin':
      return rule.classification === 'ordinary';
    case 'recipient':
      return rule.item === 'base' || (rule.item !== null && shared.has(rule.item));
    default:
      return false;
  }
}

export type PresentedScreening = Partial<{
  version: number; createdAt: string; readiness: string | null; strengths: string[]; interests: string[]; wishes: string | null;
  daysPerWeek: number | null; hoursPerDay: number | null; earliestStart: string | null; transport: string[];
  maxTravelMinutes: number | null; canDoEarlyMornings: boolean | null; canLift: boolean | null; afterHoursMentor: string | null;
  barrierNote: string | null; healthNote: string | null; barriers: string[];
}>;
export type PresentedYoungPerson = Partial<{
  id: string; firstName: string; lastName: string; birthDate: string; age: number; phone: string | null; email: string | null;
  address: string | null; postalCode: string | null; preferredContactTimes: string | null; guardianName: string | null;
  guardianPhone: string | null; guardianEmail: string | null; referralSource: string; municipalCaseRef: string | null;
  counsellorId: string | null; stage: string; outcome: string | null; outcomeEducation: string | null; outcomeDate: string | null;
  nextFollowUp: string | null; nextAppointmentAt: string | null; nextAppointmentPlace: string | null; lastContactAt: string | null;
  version: number; screening: PresentedScreening | null;
}>;

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

function allPersonFields(r: YoungPersonRecord, today: Date) {
  return {
    id: r.id, firstName: r.first_name, lastName: r.last_name, birthDate: r.birth_date, age: ageOn(r.birth_date, today),
    phone: r.phone, email: r.email, address: r.address, postalCode: r.postal_code, preferredContactTimes: r.preferred_contact_times,
    guardianName: r.guardian_name, guardianPhone: r.guardian_phone, guardianEmail: r.guardian_email,
    referralSource: r.referral_source, municipalCaseRef: r.municipal_case_ref, counsellorId: r.counsellor_id, stage: r.stage,
    outcome: r.outcome, outcomeEducation: r.outcome_education, outcomeDate: r.outcome_date, nextFollowUp: r.next_follow_up,
    nextAppointmentAt: iso(r.next_appointment_at), nextAppointmentPlace: r.next_appointment_place,
    lastContactAt: iso(r.last_contact_at), version: r.version,
  } satisfies Record<keyof typeof PERSON_FIELDS, unknown>;
}

export function allScreeningFields(x: ScreeningRow) {
  return {
    version: x.version, createdAt: new Date(x.created_at).toISOString(), readiness: x.readiness, strengths: x.strengths,
    interests: x.interests, wishes: x.wishes, daysPerWeek: x.days_per_week, hoursPerDay: x.hours_per_day,
    earliestStart: x.earliest_start, transport: x.transport, maxTravelMinutes: x.max_travel_minutes,
    canDoEarlyMornings: x.can_do_early_mornings, canLift: x.can_lift, afterHoursMentor: x.after_hours_mentor,
    barrierNote: x.barrier_note, healthNote: x.health_note, barriers: x.barriers,
  } satisfies Record<keyof typeof SCREENING_FIELDS, unknown>;
}

function pick<T extends Record<string, unknown>>(all: T, rules: Record<keyof T, FieldRule>, scope: Scope, shared: ReadonlySet<string>) {
  const out: Partial<T> = {};
  for (const key of Object.keys(all) as (keyof T)[]) if (maySee(scope, rules[key], shared)) out[key] = all[key];
  return out;
}

/** Barriers are shared one by one; special ones reach the admin never and a recipient only with that consent. */
function visibleBarriers(barriers: string[], scope: Scope, shared: ReadonlySet<string>): string[] | undefined {
  if (scope === 'team' || scope === 'self') return barriers;
  if (scope === 'admin') return barriers.filter((b) => barrierClass(b) === 'ordinary');
  if (scope === 'recipient') {
    const visible = barriers.filter((b) => shared.has(barrierItem(b as Barrier)));
    return visible.length > 0 ? visible : undefined;
  }
  return undefined;
}

/**
 * Pure projection: what this viewer may see of the record. Exported for the
 * property test and for features that present lists; HTTP handlers use
 * presentYoungPerson, which also loads consent and writes the audit row.
 */
export function visibleYoungPerson(viewer: Viewer, record: YoungPersonRecord, shared: ReadonlySet<string>, today = new Date()): PresentedYoungPerson | null {
  const scope = scopeOf(viewer, record);
  if (scope === 'none') return null;
  const out: PresentedYoungPerson = pick(allPersonFields(record, today), PERSON_FIELDS, scope, shared);
  if (record.screening) {
    const sc = pick(allScreeningFields(record.screening), SCREENING_FIELDS, scope, shared) as PresentedScreening;
    const barriers = visibleBarriers(record.screening.barriers, scope, shared);
    if (barriers) sc.barriers = barriers;
    else delete sc.barriers;
    if (Object.keys(sc).length > 0) out.screening = sc;
  } else if (scope === 'team' || scope === 'self' || scope === 'admin') {
    out.screening = null;
  }
  return out;
}

const PURPOSE: Record<Scope, string> = { team: 'casework', admin: 'administration', self: 'own_data', recipient: 'shared_by_consent', none: 'none' };

/**
 * Reads one young person for one viewer: loads the current consents (so a revoke
 * applies at the very next request), projects the fields and writes the audit
 * row (in the caller's transaction when there is one). Outside the viewer's reach: 404.
 */
export async function presentYoungPerson(
  q: Queryable,
  viewer: Viewer,
  record: YoungPersonRecord | undefined,
  opts: { purpose?: string; subjectKind?: string } = {},
): Promise<PresentedYoungPerson> {
  if (!record) throw notFound();
  const scope = scopeOf(viewer, record);
  if (scope === 'none') throw notFound();
  const shared = scope === 'recipient' && viewer.recipient ? await sharedWhileRelated(q, record.id, viewer.recipient) : new Set<string>();
  const view = visibleYoungPerson(viewer, record, shared)!;
  await audit(q, viewer.actor, {
    action: 'read',
    subjectKind: opts.subjectKind ?? 'young_person',
    subjectId: record.id,
    purpose: opts.purpose ?? PURPOSE[scope],
  });
  return view;
}

/**
 * What the young person shares with a party counts only while the relationship
 * lasts: once the placement or mentorship has ended, the company or mentor sees
 * the base fields only, even if the grant was never withdrawn.
 */
async function sharedWhileRelated(trx: Queryable, youngPersonId: string, recipient: Recipient): Promise<ReadonlySet<string>> {
  if (!(await isCurrentRecipient(trx, youngPersonId, recipient))) return new Set();
  return loadSharedItems(trx, youngPersonId, recipient);
}

/** The scope without reading: for routes that only need to know whether the viewer may act. */
export function assertScope(viewer: Viewer, record: Pick<YoungPersonRow, 'partnership_id' | 'user_id'> | undefined, allowed: Scope[]): Scope {
  if (!record) throw notFound();
  const scope = scopeOf(viewer, record);
  if (!allowed.includes(scope)) throw notFound();
  return scope;
}
