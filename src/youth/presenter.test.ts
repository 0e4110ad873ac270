import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { makePartnership, makeUser, makeYoungPerson } from '../../test/helpers/factories.ts';
import { ROLES, type Actor } from '../core/policy.ts';
import { allInfoItems } from '../consent/items.ts';
import { recordConsent } from '../consent/ledger.ts';
import { BARRIERS, READINESS, STAGES } from './domain.ts';
import { PERSON_FIELDS, SCREENING_FIELDS, presentYoungPerson, visibleYoungPerson, type Viewer, type YoungPersonRecord } from './presenter.ts';
import { findYoungPerson } from './queries.ts';
import { runs } from '../../test/property-runs.ts';

const P1 = '11111111-1111-4111-8111-111111111111';
const P2 = '22222222-2222-4222-8222-222222222222';
const SELF = '33333333-3333-4333-8333-333333333333';
const OTHER = '44444444-4444-4444-8444-444444444444';
const ITEM_KEYS = allInfoItems().map((i) => i.key);
const SPECIAL_ITEMS = new Set(allInfoItems().filter((i) => i.classification === 'special').map((i) => i.key));

const text = fc.option(fc.string({ minLength: 1, maxLength: 12 }), { nil: null });
const recordArb: fc.Arbitrary<YoungPersonRecord> = fc.record({
  id: fc.uuid(), partnership_id: fc.constantFrom(P1, P2), user_id: fc.constantFrom(SELF, OTHER, null), counsellor_id: fc.option(fc.uuid(), { nil: null }),
  first_name: fc.string({ minLength: 1, maxLength: 10 }), last_name: fc.string({ minLength: 1, maxLength: 10 }), birth_date: fc.constantFrom('2005-01-31', '2009-06-15', '1999-12-01'),
  phone: text, email: text, version: fc.integer({ min: 1, max: 50 }), created_at: fc.constant(new Date()), updated_at: fc.constant(new Date()),
  referral_source: fc.constantFrom('municipality', 'school', 'parent', 'self', 'other'), municipal_case_ref: text, address: text, postal_code: text,
  guardian_name: text, guardian_phone: text, guardian_email: text, preferred_contact_times: text, stage: fc.constantFrom(...STAGES),
  outcome: fc.constant(null), outcome_education: fc.constant(null), outcome_date: fc.constant(null), next_follow_up: fc.constant(null),
  next_appointment_at: fc.constant(null), next_appointment_place: text, last_contact_at: fc.constant(null), search_name: fc.constant(''), sort_name: fc.constant(''),
  lat: fc.constant(56.26), lon: fc.constant(8.79), geo_key: fc.constant('7490'), geocoded_at: fc.constant(null),
  screening: fc.option(fc.record({
    id: fc.uuid(), young_person_id: fc.uuid(), version: fc.integer({ min: 1, max: 9 }), barriers: fc.subarray([...BARRIERS]),
    barrier_note: text, health_note: text, strengths: fc.array(fc.string(), { maxLength: 3 }), interests: fc.array(fc.string(), { maxLength: 3 }),
    wishes: text, days_per_week: fc.option(fc.integer({ min: 0, max: 7 }), { nil: null }), hours_per_day: fc.option(fc.integer({ min: 0, max: 24 }), { nil: null }),
    earliest_start: fc.constant(null), transport: fc.subarray(['bike', 'bus', 'driving_licence']), max_travel_minutes: fc.option(fc.integer({ min: 0, max: 600 }), { nil: null }),
    readiness: fc.option(fc.constantFrom(...READINESS), { nil: null }), created_by: fc.constant(null), created_at: fc.constant(new Date()),
    can_do_early_mornings: fc.option(fc.boolean(), { nil: null }), can_lift: fc.option(fc.boolean(), { nil: null }),
    after_hours_mentor: fc.option(fc.constantFrom('not_needed', 'wanted', 'required'), { nil: null }),
  }), { nil: null }),
});
const viewerArb: fc.Arbitrary<Viewer> = fc.record({
  actor: fc.record({ userId: fc.constantFrom(SELF, OTHER), partnershipId: fc.constantFrom(P1, P2), role: fc.constantFrom(...ROLES) }) as fc.Arbitrary<Actor>,
  recipient: fc.option(fc.record({ kind: fc.constantFrom('company', 'mentor', 'association', 'network') as fc.Arbitrary<'company' | 'mentor' | 'association' | 'network'>, id: fc.constantFrom(SELF, OTHER) }), { nil: undefined }),
}, { requiredKeys: ['actor'] });
const sharedArb = fc.subarray(ITEM_KEYS).map((a) => new Set(a));

const EXTERNAL = new Set(['company_contact', 'volunteer_mentor', 'association_contact']);

describe('presentYoungPerson: what a viewer may see (property-based)', () => {
  it('never returns more than role, relationship and consent allow', () => {
    fc.assert(fc.property(recordArb, viewerArb, sharedArb, (record, viewer, shared) => {
      const out = visibleYoungPerson(viewer, record, shared);
      const { role, partnershipId, userId } = viewer.actor;
      const related = partnershipId === record.partnership_id;
      if (!related || role === 'steering_group' || (role === 'young_person' && record.user_id !== userId)) {
        expect(out).toBeNull();
        return;
      }
      if (EXTERNAL.has(role) && !viewer.recipient) expect(out).toBeNull();
      if (!out) return;
      if (role === 'counsellor' || role === 'young_person') {
        // The team and the young person themself see everything that is there.
        expect(Object.keys(out).sort()).toEqual([...Object.keys(PERSON_FIELDS), 'screening'].sort());
        if (record.screening) expect(out.screening!.barriers).toEqual(record.screening.barriers);
        return;
      }
      if (role === 'admin') {
        expect(out.screening?.healthNote).toBeUndefined();
        expect(out.screening?.barrierNote).toBeUndefined();
        for (const b of out.screening?.barriers ?? []) expect(SPECIAL_ITEMS.has(`barrier.${b}`)).toBe(false);
        return;
      }
      // Company, mentor, association: base fields plus exactly the consented items.
      for (const key of Object.keys(out)) {
        if (key === 'screening') continue;
        const rule = PERSON_FIELDS[key as keyof typeof PERSON_FIELDS];
        expect(rule.item === 'base' || (rule.item !== null && shared.has(rule.item))).toBe(true);
      }
      for (const key of Object.keys(out.screening ?? {})) {
        if (key === 'barriers') continue;
        const rule = SCREENING_FIELDS[key as keyof typeof SCREENING_FIELDS];
        expect(rule.item !== null && shared.has(rule.item)).toBe(true);
      }
      for (const b of out.screening?.barriers ?? []) expect(shared.has(`barrier.${b}`)).toBe(true);
      // Special-category data never without the matching consent.
      if (!shared.has('health.note')) expect(out.screening?.healthNote).toBeUndefined();
      expect(out.screening?.barrierNote).toBeUndefined();
      expect(out.lastName).toBeUndefined();
      expect(out.birthDate).toBeUndefined();
    }), { numRuns: runs(2000) });
  });

  it('a company or mentor with no consent sees only the first name', () => {
    fc.assert(fc.property(recordArb, fc.constantFrom('company_contact', 'volunteer_mentor') as fc.Arbitrary<'company_contact' | 'volunteer_mentor'>, (record, role) => {
      const viewer: Viewer = {
        actor: { userId: SELF, partnershipId: record.partnership_id, role },
        recipient: { kind: role === 'company_contact' ? 'company' : 'mentor', id: SELF },
      };
      expect(visibleYoungPerson(viewer, record, new Set())).toEqual({ id: record.id, firstName: record.first_name });
    }));
  });
});

describe('presentYoungPerson with the database', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('applies a revoke on the very next read and writes one audit row per read', async () => {
    const p = (await makePartnership(t.db)).id;
    const mentor = await makeUser(t.db, p, 'volunteer_mentor');
    const yp = await makeYoungPerson(t.db, p, {});
    await t.db.updateTable('young_people').set({ phone: '12345678' }).where('id', '=', yp.id).execute();
    const profile = await t.db.insertInto('mentors').values({ partnership_id: p, user_id: mentor.id, kind: 'volunteer', name: 'Mentor Test' })
      .returning('id').executeTakeFirstOrThrow();
    const mentorship = await t.db.insertInto('mentorships').values({
      partnership_id: p, mentor_id: profile.id, young_person_id: yp.id, started_on: '2026-01-05', next_review_on: '2026-04-05',
    }).returning('id').executeTakeFirstOrThrow();
    const viewer: Viewer = { actor: { userId: mentor.id, partnershipId: p, role: 'volunteer_mentor' }, recipient: { kind: 'mentor', id: mentor.id } };
    const read = () => t.db.transaction().execute(async (trx) => presentYoungPerson(trx, viewer, await findYoungPerson(trx, p, yp.id)));
    const change = (granted: boolean) => t.db.transaction().execute((trx) => recordConsent(trx, {
      partnershipId: p, youngPersonId: yp.id, recipient: viewer.recipient!, item: 'contact.phone', granted, purpose: 'mentoring', changedBy: null,
    }));
    expect((await read()).phone).toBeUndefined();
    await change(true);
    expect((await read()).phone).toBe('12345678');
    await change(false);
    expect((await read()).phone).toBeUndefined();
    // A grant counts only while the mentorship lasts: once it ended, the mentor sees the base fields only.
    await change(true);
    expect((await read()).phone).toBe('12345678');
    await t.db.updateTable('mentorships').set({ status: 'ended', ended_on: '2026-06-01' }).where('id', '=', mentorship.id).execute();
    const afterEnd = await read();
    expect(afterEnd.phone).toBeUndefined();
    expect(afterEnd.firstName).toBeDefined();
    const audits = await t.db.selectFrom('audit_log').select(['role', 'purpose']).where('subject_id', '=', yp.id).execute();
    expect(audits).toEqual([1, 2, 3, 4, 5].map(() => ({ role: 'volunteer_mentor', purpose: 'shared_by_consent' })));
  });

  it('another partnership or an unrelated mentor gets 404 and no data', async () => {
    const p = (await makePartnership(t.db)).id;
    const yp = await makeYoungPerson(t.db, p, {});
    const mentor = await makeUser(t.db, p, 'volunteer_mentor');
    const read = (viewer: Viewer) => t.db.transaction().execute(async (trx) => presentYoungPerson(trx, viewer, await findYoungPerson(trx, p, yp.id)));
    await expect(read({ actor: { userId: mentor.id, partnershipId: p, role: 'volunteer_mentor' } })).rejects.toMatchObject({ status: 404 });
    await expect(read({ actor: { userId: mentor.id, partnershipId: p, role: 'volunteer_mentor' }, recipient: { kind: 'mentor', id: OTHER } })).rejects.toMatchObject({ status: 404 });
    await expect(read({ actor: { userId: mentor.id, partnershipId: P2, role: 'counsellor' } })).rejects.toMatchObject({ status: 404 });
  });
});
