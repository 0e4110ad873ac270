import { sql, type Kysely } from 'kysely';
import type { Db } from '../../src/core/db.ts';
import { ROLES, type Role } from '../../src/core/policy.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../src/demo/accounts.ts';
import type { TestClient } from '../helpers/app.ts';
import { makeUser } from '../helpers/factories.ts';
import type { SecurityTestApp } from './helpers.ts';

/**
 * Two owners of everything inside ONE partnership, for the "own record vs
 * another owner's record" column of the authorization matrix. Owner A of each
 * role is the demo user of that role (the demo partnership's data belongs to
 * them); owner B is a second user of the same role in the same partnership, made
 * owner of comparable records (another young person, another company's contact,
 * another mentor, another activity leader, another counsellor's caseload).
 */
export const KINDS = ['youngPerson', 'placement', 'company', 'contact', 'opening', 'mentor', 'mentorship', 'activity', 'schedule', 'event', 'task', 'shift', 'feed', 'story', 'journalEntry', 'initiative'] as const;
export type Kind = (typeof KINDS)[number];
export interface Pair { own: string; other: string }

type AnyDb = Kysely<Record<string, Record<string, unknown>>>;
const anyDb = (db: Db) => db as unknown as AnyDb;

/** Copies a row under a new id (columns from the schema), with some columns changed. */
export async function cloneRow(db: Db, table: string, id: string, set: Record<string, unknown> = {}): Promise<string> {
  const { rows } = await sql<{ column_name: string }>`
    SELECT column_name FROM information_schema.columns
    WHERE table_schema = 'public' AND table_name = ${table} AND column_name <> 'id' AND is_generated = 'NEVER' AND identity_generation IS NULL`.execute(db);
  const row = await anyDb(db).selectFrom(table).selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const values = Object.fromEntries(rows.map((r) => [r.column_name, r.column_name in set ? set[r.column_name] : row[r.column_name]]));
  const out = await anyDb(db).insertInto(table).values(values).returning('id').executeTakeFirstOrThrow();
  return String(out.id);
}

/** Remembers rows as they are now and puts them back later (for records a call changes, e.g. ends). */
async function snapshot(db: Db, table: string, ids: string[]) {
  const rows = await anyDb(db).selectFrom(table).selectAll().where('id', 'in', ids).execute();
  return async () => {
    for (const row of rows) await anyDb(db).updateTable(table).set(row).where('id', '=', row.id as string).execute();
  };
}

export async function seedOwners(t: SecurityTestApp) {
  const db = t.db;
  const { id: pid } = await db.selectFrom('partnerships').select('id').where('name', '=', 'Aulum Milen (demo)').executeTakeFirstOrThrow();
  const a = {} as Record<Role, string>;
  const b = {} as Record<Role, { id: string; email: string }>;
  const clientsA = {} as Record<Role, TestClient>;
  for (const role of ROLES) {
    const acc = DEMO_ACCOUNTS.find((x) => x.role === role)!;
    a[role] = (await db.selectFrom('users').select('id').where('email', '=', acc.email).executeTakeFirstOrThrow()).id;
    b[role] = await makeUser(db, pid, role);
    clientsA[role] = await t.login(acc.email, DEMO_PASSWORD);
  }
  const one = async <T>(q: Promise<T | undefined>, what: string): Promise<T> => {
    const v = await q;
    if (v === undefined) throw new Error(`ownership fixtures: no ${what} in the demo partnership`);
    return v;
  };

  // Young people: A's is the demo young person's own record, in counsellor A's caseload; B's belongs to young person B and counsellor B.
  const ypA = (await one(db.selectFrom('young_people').select('id').where('user_id', '=', a.young_person).executeTakeFirst(), 'young person with a login'));
  const ypB = await one(db.selectFrom('young_people').select('id').where('partnership_id', '=', pid).where('id', '!=', ypA.id)
    .where('id', 'in', db.selectFrom('journal_entries').select('young_person_id')).orderBy('id').executeTakeFirst(), 'second young person');
  await db.updateTable('young_people').set({ counsellor_id: a.counsellor }).where('id', '=', ypA.id).execute();
  await db.updateTable('young_people').set({ user_id: b.young_person.id, counsellor_id: b.counsellor.id }).where('id', '=', ypB.id).execute();

  // Companies: A's is the demo contact's company; B is made contact person of another company with placements.
  const contactA = await one(db.selectFrom('company_contacts').select(['id', 'company_id']).where('user_id', '=', a.company_contact).executeTakeFirst(), 'company contact login');
  const companyB = await one(db.selectFrom('placements').select('company_id').where('partnership_id', '=', pid).where('company_id', '!=', contactA.company_id)
    .groupBy('company_id').orderBy(sql`count(*)`, 'desc').executeTakeFirst(), 'second company with placements');
  const anyContactB = await one(db.selectFrom('company_contacts').select('id').where('company_id', '=', companyB.company_id).executeTakeFirst(), 'contact of the second company');
  const contactB = await cloneRow(db, 'company_contacts', anyContactB.id, { user_id: b.company_contact.id, email: b.company_contact.email });
  // A second contact person in each company: the records the contact routes act on (not the logged-in contact's own row).
  const otherContactA = await cloneRow(db, 'company_contacts', contactA.id, { user_id: null, email: 'kollega.a@virksomhed.invalid' });
  const otherContactB = await cloneRow(db, 'company_contacts', contactB, { user_id: null, email: 'kollega.b@virksomhed.invalid' });
  const placementOf = (companyId: string) => one(db.selectFrom('placements').select('id').where('company_id', '=', companyId).orderBy('start_date', 'desc').executeTakeFirst(), 'placement');
  const openingOf = (companyId: string) => one(db.selectFrom('openings').select('id').where('company_id', '=', companyId).executeTakeFirst(), 'opening');

  // Mentors: A's is the demo mentor; B is made the mentor of another mentor profile with a mentorship.
  const mentorA = await one(db.selectFrom('mentors').select('id').where('user_id', '=', a.volunteer_mentor).executeTakeFirst(), 'mentor login');
  const mentorB = await one(db.selectFrom('mentors').select('id').where('partnership_id', '=', pid).where('user_id', 'is', null)
    .where('id', 'in', db.selectFrom('mentorships').select('mentor_id')).orderBy('id').executeTakeFirst(), 'second mentor');
  await db.updateTable('mentors').set({ user_id: b.volunteer_mentor.id }).where('id', '=', mentorB.id).execute();
  const mentorshipOf = (mentorId: string) => one(db.selectFrom('mentorships').select('id').where('mentor_id', '=', mentorId).orderBy('id').executeTakeFirst(), 'mentorship');

  // Activities: A leads the demo association's activities; B is made leader of another.
  const activityA = await one(db.selectFrom('activities').select('id').where('leader_user_id', '=', a.association_contact).orderBy('id').executeTakeFirst(), 'activity led by the demo contact');
  const activityB = await cloneRow(db, 'activities', activityA.id, { leader_user_id: b.association_contact.id, name: 'Aktivitet med en anden leder' });
  const scheduleA = await one(db.selectFrom('activity_schedules').select('id').where('activity_id', '=', activityA.id).executeTakeFirst(), 'activity schedule');
  const scheduleB = await cloneRow(db, 'activity_schedules', scheduleA.id, { activity_id: activityB });

  // Network events: one where A's company and mentor are invited, one with only B's.
  const eventA = await one(db.selectFrom('event_invitations').select('event_id').where('company_id', '=', contactA.company_id).executeTakeFirst(), 'event with company A invited');
  const eventB = await cloneRow(db, 'network_events', eventA.event_id, { title: 'Arrangement for andre' });
  await db.insertInto('event_invitations').values([
    { event_id: eventA.event_id, mentor_id: mentorA.id },
    { event_id: eventB, company_id: companyB.company_id },
    { event_id: eventB, mentor_id: mentorB.id },
  ]).execute();

  // Tasks and on-call shifts: counsellor A's and counsellor B's.
  const taskA = await one(db.selectFrom('tasks').select('id').where('assignee_id', '=', a.counsellor).where('done_at', 'is', null).executeTakeFirst(), 'open task');
  const taskB = await cloneRow(db, 'tasks', taskA.id, { assignee_id: b.counsellor.id });
  const shiftA = await one(db.selectFrom('lifeline_shifts').select('id').where('user_id', '=', a.counsellor).executeTakeFirst(), 'on-call shift');
  const shiftB = await cloneRow(db, 'lifeline_shifts', shiftA.id, { user_id: b.counsellor.id });

  const storyA = await one(db.selectFrom('success_stories').select('id').where('partnership_id', '=', pid).executeTakeFirst(), 'success story');
  // Stories: A's is about young person A, B's about young person B.
  await db.updateTable('success_stories').set({ young_person_id: ypA.id }).where('id', '=', storyA.id).execute();
  const storyB = await cloneRow(db, 'success_stories', storyA.id, { placement_id: (await placementOf(companyB.company_id)).id, young_person_id: ypB.id });
  const entryOf = async (yp: string) => (await one(db.selectFrom('journal_entries').select('entry_id').where('young_person_id', '=', yp).executeTakeFirst(), 'journal entry')).entry_id;
  const initiative = await one(db.selectFrom('initiatives').select(['id', 'key']).executeTakeFirst(), 'catalog initiative');
  for (const yp of [ypA.id, ypB.id]) {
    await db.insertInto('initiative_links').values({ partnership_id: pid, young_person_id: yp, initiative_id: initiative.id }).onConflict((oc) => oc.doNothing()).execute();
  }

  // Calendar links are made through the API by each owner, so they are exactly what the route makes.
  const feeds = {} as Record<Role, Pair>;
  const clientsB = {} as Record<Role, TestClient>;
  for (const role of ROLES) clientsB[role] = await t.login(b[role].email);
  const feedBody = (role: Role, who: 'a' | 'b') =>
    role === 'association_contact' || role === 'admin' ? { kind: 'activity', subjectId: who === 'a' ? activityA.id : activityB }
      : { kind: 'young_person', ...(role === 'young_person' ? {} : { subjectId: who === 'a' ? ypA.id : ypB.id }) };
  for (const role of ['young_person', 'counsellor', 'association_contact', 'admin'] as const) {
    const make = async (c: TestClient, who: 'a' | 'b') => {
      const res = await c.post('/api/calendar-feeds', feedBody(role, who));
      if (res.statusCode !== 201 && res.statusCode !== 200) throw new Error(`feed for ${role}: ${res.statusCode} ${res.body}`);
      return (res.json() as { id: string }).id;
    };
    feeds[role] = { own: await make(clientsA[role], 'a'), other: await make(clientsB[role], 'b') };
  }

  const mentorships = { own: (await mentorshipOf(mentorA.id)).id, other: (await mentorshipOf(mentorB.id)).id };
  // A counsellor's change to a mentor profile (e.g. status) or a mentorship (ended) is undone before the next check.
  const restoreMentorships = await snapshot(db, 'mentorships', [mentorships.own, mentorships.other]);
  const restoreMentors = await snapshot(db, 'mentors', [mentorA.id, mentorB.id]);
  const fixed: Record<Exclude<Kind, 'feed' | 'task' | 'contact' | 'shift' | 'schedule' | 'mentorship'>, Pair> = {
    youngPerson: { own: ypA.id, other: ypB.id },
    placement: { own: (await placementOf(contactA.company_id)).id, other: (await placementOf(companyB.company_id)).id },
    company: { own: contactA.company_id, other: companyB.company_id },
    opening: { own: (await openingOf(contactA.company_id)).id, other: (await openingOf(companyB.company_id)).id },
    mentor: { own: mentorA.id, other: mentorB.id },
    activity: { own: activityA.id, other: activityB },
    event: { own: eventA.event_id, other: eventB },
    story: { own: storyA.id, other: storyB },
    journalEntry: { own: await entryOf(ypA.id), other: await entryOf(ypB.id) },
    // Catalog initiatives are regional (no owner); the route's own record is the young person's link to it.
    initiative: { own: initiative.key, other: initiative.key },
  };
  /** Records a call may use up (complete, delete) are copied afresh for every call. */
  const fresh = async (table: string, p: Pair): Promise<Pair> => ({ own: await cloneRow(db, table, p.own), other: await cloneRow(db, table, p.other) });

  return {
    partnershipId: pid,
    clients: clientsA,
    others: b,
    async pair(kind: Kind, role: Role): Promise<Pair> {
      switch (kind) {
        case 'feed': return feeds[role] ?? { own: feeds.counsellor.own, other: feeds.counsellor.other };
        case 'task': return fresh('tasks', { own: taskA.id, other: taskB });
        case 'shift': return fresh('lifeline_shifts', { own: shiftA.id, other: shiftB });
        case 'contact': return fresh('company_contacts', { own: otherContactA, other: otherContactB });
        case 'mentorship': await restoreMentors(); await restoreMentorships(); return mentorships;
        case 'mentor': await restoreMentors(); return fixed.mentor;
        case 'schedule': return fresh('activity_schedules', { own: scheduleA.id, other: scheduleB });
        default: return fixed[kind];
      }
    },
    /** Records of owner B that owner A of this role must never see in any list. */
    privateOf(role: Role): string[] {
      const of: Partial<Record<Role, string[]>> = {
        young_person: [ypB.id],
        company_contact: [fixed.placement.other, otherContactB, contactB],
        volunteer_mentor: [mentorB.id, mentorships.other],
      };
      return of[role] ?? [];
    },
  };
}
