import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Db } from '../../src/core/db.ts';
import { permissionRule, type Role } from '../../src/core/policy.ts';
import { routeTable, type RouteEntry } from '../../src/security/route-table.ts';
import { createSecurityTestApp, type SecurityTestApp } from './helpers.ts';
import { apiRoutes } from './route-fixtures.ts';
import { seedOwners, type Kind } from './ownership-fixtures.ts';
import { operations, resolver, type OpenApiDoc } from './openapi.ts';
import { valid } from './schema-arbitrary.ts';

/**
 * The authorization matrix's "own record vs another owner's record in the same
 * partnership" column, generated from the route table: every route with a
 * record in its path must have a rule here for exactly the roles its permission
 * allows (a new route, or a new role on a permission, fails until it gets one).
 *
 *   team:  the partnership shares it: counsellor A opens counsellor B's young
 *          person (the caseload is the partnership's, src/youth/policy.ts).
 *   owner: only the owner: the other owner's record answers 404, as if absent
 *          (a young person, a company contact, a mentor, an activity leader).
 */
type Scope = 'team' | 'owner';
interface OwnershipRule {
  /** Which kind of record each path parameter names ('*' for a trailing wildcard). */
  params: Record<string, Kind>;
  roles: Partial<Record<Role, Scope>>;
  /** A request body that passes validation and names nothing outside the record (default: one sampled from the OpenAPI schema). */
  body?: (c: CallContext) => Promise<unknown>;
  /** A query string the route needs before it looks at the record. */
  query?: (c: CallContext) => Promise<Record<string, string>>;
}
interface CallContext { db: Db; ids: Record<string, string>; role: Role; pair: (kind: Kind) => Promise<{ own: string; other: string }>; sampled: Record<string, unknown> }
/** The sampled body with realistic values for fields where a random one is refused for reasons other than access. */
const sampledWith = (fields: Record<string, unknown>) => async (c: CallContext) => ({ ...c.sampled, ...fields });
const openingHours = sampledWith({ startHoursPerDay: 4 });

const team = (...roles: Role[]) => Object.fromEntries(roles.map((r) => [r, 'team'])) as Partial<Record<Role, Scope>>;
const owner = (...roles: Role[]) => Object.fromEntries(roles.map((r) => [r, 'owner'])) as Partial<Record<Role, Scope>>;
const yp = { id: 'youngPerson' } as const;
const TEAM = team('counsellor', 'admin');

const invitationOf = async ({ db, ids }: CallContext) => (await db.selectFrom('event_invitations').select('id').where('event_id', '=', ids.id).executeTakeFirstOrThrow()).id;
const openingInPartnership = async ({ db, ids }: CallContext) => {
  const p = await db.selectFrom('young_people').select('partnership_id').where('id', '=', ids.id).executeTakeFirstOrThrow();
  const o = await db.selectFrom('openings').select('id').where('partnership_id', '=', p.partnership_id).executeTakeFirstOrThrow();
  return { openingId: o.id };
};
/** A date and start time the activity meets (from its first weekly schedule). */
const occurrenceOf = async ({ db, ids }: CallContext) => {
  const s = await db.selectFrom('activity_schedules').select(['weekday', 'start_time', 'valid_from']).where('activity_id', '=', ids.id).orderBy('valid_from').executeTakeFirstOrThrow();
  const d = new Date(`${String(s.valid_from).slice(0, 10)}T12:00:00Z`);
  if (Number.isNaN(d.getTime())) d.setTime(new Date(s.valid_from as unknown as Date).getTime());
  while (((d.getUTCDay() + 6) % 7) + 1 !== s.weekday) d.setUTCDate(d.getUTCDate() + 1);
  return { date: d.toISOString().slice(0, 10), start: String(s.start_time).slice(0, 5) };
};
const signupBody = async (c: CallContext) => (c.role === 'young_person' ? {} : { youngPersonId: (await c.pair('youngPerson')).own });

export const OWNERSHIP: Record<string, OwnershipRule> = {
  // Young people: the partnership's counsellors share the caseload; a young person has only their own record.
  'GET /api/youth/:id': { params: yp, roles: { ...TEAM, ...owner('young_person') } },
  'PATCH /api/youth/:id': { params: yp, roles: team('counsellor') },
  'GET /api/youth/:id/screenings': { params: yp, roles: team('counsellor') },
  'POST /api/youth/:id/screenings': { params: yp, roles: team('counsellor') },
  'GET /api/youth/:id/plan': { params: yp, roles: team('counsellor') },
  'PUT /api/youth/:id/plan': { params: yp, roles: team('counsellor') },
  'GET /api/youth/:id/plan/print': { params: yp, roles: team('counsellor') },
  'GET /api/youth/:id/pathway': { params: yp, roles: team('counsellor') },
  'POST /api/youth/:id/pathway': { params: yp, roles: team('counsellor') },
  'GET /api/youth/:id/journal': { params: yp, roles: team('counsellor') },
  'POST /api/youth/:id/journal': { params: yp, roles: team('counsellor') },
  'POST /api/youth/:id/journal/:entryId/versions': { params: { id: 'youngPerson', entryId: 'journalEntry' }, roles: team('counsellor') },
  'POST /api/youth/:id/invite': { params: yp, roles: team('counsellor') },
  'GET /api/youth/:id/suggestions': { params: yp, roles: TEAM },
  'GET /api/youth/:id/match-decisions': { params: yp, roles: TEAM },
  'POST /api/youth/:id/suggestions/accept': { params: yp, roles: team('counsellor'), body: openingInPartnership },
  'POST /api/youth/:id/suggestions/reject': { params: yp, roles: team('counsellor'), body: openingInPartnership },
  'GET /api/youth/:id/catalog-suggestions': { params: yp, roles: TEAM },
  'POST /api/youth/:id/initiatives': { params: yp, roles: team('counsellor'), body: async (c) => ({ initiativeKey: (await c.pair('initiative')).own }) },
  'DELETE /api/youth/:id/initiatives/*': { params: { id: 'youngPerson', '*': 'initiative' }, roles: team('counsellor') },
  'GET /api/placements/ladder/:youngPersonId': { params: { youngPersonId: 'youngPerson' }, roles: { ...TEAM, ...owner('young_person') } },
  'GET /api/activities/attendance/young-people/:id': { params: yp, roles: team('counsellor') },
  'GET /api/reminders/guardian/:id': { params: yp, roles: team('counsellor') },
  'PUT /api/reminders/guardian/:id': { params: yp, roles: team('counsellor') },

  // Companies and placements: the team works on all of them; a company contact only on their own company's.
  'GET /api/companies/:id': { params: { id: 'company' }, roles: TEAM },
  'PATCH /api/companies/:id': { params: { id: 'company' }, roles: TEAM },
  'GET /api/companies/:id/events': { params: { id: 'company' }, roles: TEAM },
  'POST /api/companies/:id/contacts': { params: { id: 'company' }, roles: TEAM },
  'POST /api/companies/:id/openings': { params: { id: 'company' }, roles: TEAM, body: openingHours },
  'PATCH /api/companies/:id/contacts/:contactId': { params: { id: 'company', contactId: 'contact' }, roles: TEAM },
  'DELETE /api/companies/:id/contacts/:contactId': { params: { id: 'company', contactId: 'contact' }, roles: TEAM },
  'POST /api/companies/:id/contacts/:contactId/login': { params: { id: 'company', contactId: 'contact' }, roles: TEAM },
  'POST /api/companies/:id/contacts/:contactId/invite': { params: { id: 'company', contactId: 'contact' }, roles: TEAM },
  'PATCH /api/openings/:id': { params: { id: 'opening' }, roles: TEAM, body: openingHours },
  'GET /api/placements/:id': { params: { id: 'placement' }, roles: TEAM },
  'PATCH /api/placements/:id': { params: { id: 'placement' }, roles: team('counsellor') },
  'POST /api/placements/:id/schedule': { params: { id: 'placement' }, roles: team('counsellor'), body: sampledWith({ hoursPerDay: 4 }) },
  'POST /api/placements/:id/end': { params: { id: 'placement' }, roles: team('counsellor') },
  'POST /api/tasks/:id/done': { params: { id: 'task' }, roles: TEAM },
  'GET /api/employer/placements/:id': { params: { id: 'placement' }, roles: owner('company_contact') },
  'POST /api/employer/placements/:id/concern': { params: { id: 'placement' }, roles: owner('company_contact') },
  'PATCH /api/employer/openings/:id': { params: { id: 'opening' }, roles: owner('company_contact'), body: openingHours },
  'PATCH /api/employer/contacts/:contactId': { params: { contactId: 'contact' }, roles: owner('company_contact') },
  'DELETE /api/employer/contacts/:contactId': { params: { contactId: 'contact' }, roles: owner('company_contact') },

  // Network events: the team runs them; a company contact or mentor sees and answers only the ones they are invited to.
  'GET /api/network/events/:id': { params: { id: 'event' }, roles: { ...TEAM, ...owner('company_contact', 'volunteer_mentor') } },
  'PATCH /api/network/events/:id': { params: { id: 'event' }, roles: TEAM },
  'POST /api/network/events/:id/invitations': { params: { id: 'event' }, roles: TEAM },
  'POST /api/network/events/:id/attendance': { params: { id: 'event' }, roles: TEAM, body: async (c) => ({ entries: [{ invitationId: await invitationOf(c), attended: true }] }) },
  'POST /api/network/events/:id/rsvp': { params: { id: 'event' }, roles: { ...TEAM, ...owner('company_contact', 'volunteer_mentor') }, body: async (c) => ({ rsvp: 'yes', invitationId: await invitationOf(c) }) },
  'POST /api/network/stories/:id/consent': { params: { id: 'story' }, roles: TEAM },
  'POST /api/me/stories/:id/consent': { params: { id: 'story' }, roles: owner('young_person') },

  // Mentors: counsellors see every mentor and mentorship; a mentor only their own profile and mentees.
  'GET /api/mentors/:id': { params: { id: 'mentor' }, roles: { ...TEAM, ...owner('volunteer_mentor') } },
  'PATCH /api/mentors/:id': { params: { id: 'mentor' }, roles: TEAM },
  'POST /api/mentors/:id/login': { params: { id: 'mentor' }, roles: TEAM },
  'POST /api/mentors/:id/invite': { params: { id: 'mentor' }, roles: TEAM },
  'GET /api/mentorships/:id': { params: { id: 'mentorship' }, roles: { ...team('counsellor'), ...owner('volunteer_mentor') } },
  'POST /api/mentorships/:id/first-meeting': { params: { id: 'mentorship' }, roles: { ...team('counsellor'), ...owner('volunteer_mentor') } },
  'POST /api/mentorships/:id/notes': { params: { id: 'mentorship' }, roles: { ...team('counsellor'), ...owner('volunteer_mentor') } },
  'POST /api/mentorships/:id/reviews': { params: { id: 'mentorship' }, roles: team('counsellor') },

  // Activities are the whole partnership's community; changing one and taking attendance is for its leader (or the team).
  'GET /api/activities/:id': { params: { id: 'activity' }, roles: team('counsellor', 'admin', 'association_contact', 'young_person', 'volunteer_mentor', 'company_contact') },
  'GET /api/activities/:id/occurrences': { params: { id: 'activity' }, roles: team('counsellor', 'admin', 'association_contact', 'young_person', 'volunteer_mentor', 'company_contact') },
  'PATCH /api/activities/:id': { params: { id: 'activity' }, roles: { ...TEAM, ...owner('association_contact') } },
  'POST /api/activities/:id/schedules': { params: { id: 'activity' }, roles: { ...TEAM, ...owner('association_contact') } },
  'DELETE /api/activities/:id/schedules/:scheduleId': { params: { id: 'activity', scheduleId: 'schedule' }, roles: { ...TEAM, ...owner('association_contact') } },
  'POST /api/activities/:id/cancellations': { params: { id: 'activity' }, roles: { ...TEAM, ...owner('association_contact') } },
  'POST /api/activities/:id/signup': { params: { id: 'activity' }, roles: team('young_person', 'counsellor'), body: signupBody },
  'DELETE /api/activities/:id/signup': { params: { id: 'activity' }, roles: team('young_person', 'counsellor'), body: signupBody },
  'GET /api/activities/:id/roster': { params: { id: 'activity' }, roles: { ...team('counsellor'), ...owner('association_contact') }, query: occurrenceOf },
  'PUT /api/activities/:id/attendance': {
    params: { id: 'activity' }, roles: { ...team('counsellor'), ...owner('association_contact') },
    body: async (c) => ({ ...(await occurrenceOf(c)), marks: [{ youngPersonId: (await c.pair('youngPerson')).own, present: true }] }),
  },

  // Private calendar links: the team may revoke any in the partnership; others only their own.
  'DELETE /api/calendar-feeds/:id': { params: { id: 'feed' }, roles: { ...TEAM, ...owner('young_person', 'association_contact') } },
  // A new address for a link goes to its maker only (src/activities/manage-feeds.ts).
  'POST /api/calendar-feeds/:id/rotate': { params: { id: 'feed' }, roles: owner('young_person', 'association_contact', 'counsellor', 'admin') },
  'DELETE /api/lifeline/shifts/:id': { params: { id: 'shift' }, roles: TEAM },
};

/**
 * Routes whose record has no owner inside the partnership: the column does not
 * apply (the tenancy sweep in routes.test.ts still covers them). Say why.
 */
export const NOT_OWNED: Record<string, string> = {
  'PUT /api/reports/goals/:id': 'a programme goal is a partnership-wide setting, not anyone\'s record',
  'DELETE /api/reports/goals/:id': 'a programme goal is a partnership-wide setting, not anyone\'s record',
  'POST /api/users/:id/invite': 'a new invitation link for a staff login: admin only, like PATCH /api/users/:id',
  'PATCH /api/users/:id': 'a login is managed by the partnership\'s administrators together (admin only); no role owns another user (src/users/users.test.ts covers self, other partnership and young person)',
  'PUT /api/users/:id/oidc-link': 'linking a staff login to the municipality\'s login is user management (admin only), like PATCH /api/users/:id',
  'GET /api/imports/:set/columns': ':set names a kind of import (young-people, companies, mentors), not a record',
  'POST /api/imports/:set/dry-run': ':set names a kind of import, not a record; the rows go into the actor\'s own partnership',
  'POST /api/imports/:set': ':set names a kind of import, not a record; the rows go into the actor\'s own partnership',
  'GET /api/imports/:set/export': ':set names a kind of import, not a record; the export holds the actor\'s own partnership only',
};

let t: SecurityTestApp;
let world: Awaited<ReturnType<typeof seedOwners>>;
let routes: RouteEntry[];
const key = (r: RouteEntry) => `${r.method} ${r.url}`;
const paramNames = (url: string) => [...url.matchAll(/:(\w+)/g)].map((m) => m[1]).concat(url.endsWith('*') ? ['*'] : []);

beforeAll(async () => {
  t = await createSecurityTestApp({ config: { RATE_LIMIT_IP_PER_MINUTE: 0, RATE_LIMIT_USER_PER_MINUTE: 0 }, database: { demo: true } });
  world = await seedOwners(t);
  // Record routes, guarded by a role permission (public token routes like the calendar feed are keyed by an unguessable token).
  routes = apiRoutes(routeTable(t.app)).filter((r) => r.permission && r.permission !== 'public' && paramNames(r.url).length > 0);
}, 180_000);
afterAll(() => t?.close());

describe('authorization matrix: own record vs another owner\'s record in the same partnership', () => {
  it('every route with a record in its path has an ownership rule for exactly the roles its permission allows', () => {
    const problems: string[] = [];
    for (const r of routes) {
      const rule = OWNERSHIP[key(r)];
      if (!rule && NOT_OWNED[key(r)]) continue;
      if (!rule) { problems.push(`${key(r)}: no ownership rule (add it to OWNERSHIP in test/security/ownership.test.ts)`); continue; }
      const allowed = [...permissionRule(r.permission!)!.roles].sort();
      const covered = Object.keys(rule.roles).sort();
      if (allowed.join() !== covered.join()) problems.push(`${key(r)}: permission ${r.permission} allows [${allowed.join(', ')}], ownership rule covers [${covered.join(', ')}]`);
      const missingParams = paramNames(r.url).filter((p) => !rule.params[p]);
      if (missingParams.length) problems.push(`${key(r)}: no record kind for ${missingParams.join(', ')}`);
    }
    const stale = [...Object.keys(OWNERSHIP), ...Object.keys(NOT_OWNED)].filter((k) => !routes.some((r) => key(r) === k));
    expect(problems).toEqual([]);
    expect(stale, 'rules for routes that no longer exist').toEqual([]);
  });

  it('"owner" routes answer 404 for another owner\'s record and serve the own; "team" routes serve both', async () => {
    const doc = (await t.anonymous().get('/api/openapi.json')).json() as OpenApiDoc;
    const sampled = new Map<string, unknown>();
    for (const op of operations(doc)) if (op.body) sampled.set(`${op.method} ${op.path}`, fc.sample(valid(op.body, resolver(doc), fc.uuid()), { seed: 11, numRuns: 1 })[0]);
    // Reads first, deletions last: an earlier write must not take away a record a later check needs.
    const order = { GET: 0, POST: 1, PUT: 1, PATCH: 1, DELETE: 2 } as Record<string, number>;
    const ordered = routes.filter((r) => OWNERSHIP[key(r)]).sort((x, y) => order[x.method] - order[y.method]);
    const wrong: string[] = [];
    let cells = 0;
    let refused = 0;
    for (const r of ordered) {
      const rule = OWNERSHIP[key(r)];
      for (const [role, scope] of Object.entries(rule.roles) as [Role, Scope][]) {
        const status: Record<'own' | 'other', number> = { own: 0, other: 0 };
        const bodies: Record<'own' | 'other', string> = { own: '', other: '' };
        // The other owner's record first: a refused call changes nothing, a served one must not spend the own record.
        for (const which of ['other', 'own'] as const) {
          const ids: Record<string, string> = {};
          for (const [name, kind] of Object.entries(rule.params)) ids[name] = (await world.pair(kind, role))[which];
          const url = r.url.replace(/:(\w+)/g, (_m, n: string) => ids[n]).replace(/\*$/, () => encodeURIComponent(ids['*']));
          const fromSchema = sampled.get(`${r.method} ${r.url.replace(/:(\w+)/g, '{$1}').replace(/\*$/, '{*}')}`);
          const ctx: CallContext = { db: t.db, ids, role, pair: (kind) => world.pair(kind, role), sampled: (fromSchema ?? {}) as Record<string, unknown> };
          const body = rule.body ? await rule.body(ctx) : fromSchema;
          const res = await world.clients[role].request({
            method: r.method as 'GET', url, query: rule.query ? await rule.query(ctx) : undefined,
            ...(r.method === 'GET' || (r.method === 'DELETE' && !rule.body) ? {} : { payload: (body ?? {}) as object }),
          });
          status[which] = res.statusCode;
          bodies[which] = `${res.body.slice(0, 200)}${res.statusCode === 500 ? ` (sent ${JSON.stringify(body)})` : ''}`;
          cells++;
        }
        // 503 is a refusal after the record was found (e.g. no mail server for an invitation); 500 is a bug.
        const served = (s: number) => s !== 404 && s !== 403 && s !== 401 && s !== 500;
        if (!served(status.own)) wrong.push(`${role} ${key(r)}: own record answered ${status.own}, expected it to be served: ${bodies.own}`);
        if (scope === 'owner' && status.other !== 404) wrong.push(`${role} ${key(r)}: another owner's record answered ${status.other}, rule says 404: ${bodies.other}`);
        if (scope === 'team' && !served(status.other)) wrong.push(`${role} ${key(r)}: a colleague's record answered ${status.other}, rule says the partnership shares it: ${bodies.other}`);
        if (scope === 'owner' && status.other === 404) refused++;
      }
    }
    console.log(`ownership: ${ordered.length} routes, ${cells} requests, ${refused} × 404 for another owner's record`);
    expect(wrong).toEqual([]);
    expect(refused).toBeGreaterThan(10);
  }, 300_000);

  it('lists never carry another owner\'s records to a young person, a company contact or a mentor', async () => {
    const lists = apiRoutes(routeTable(t.app)).filter((r) => r.method === 'GET' && r.permission && r.permission !== 'public' && paramNames(r.url).length === 0);
    const leaks: string[] = [];
    let checked = 0;
    for (const role of ['young_person', 'company_contact', 'volunteer_mentor'] as const) {
      const secret = world.privateOf(role);
      expect(secret.length).toBeGreaterThan(0);
      for (const r of lists.filter((x) => permissionRule(x.permission!)!.roles.includes(role))) {
        const res = await world.clients[role].get(r.url);
        checked++;
        for (const id of secret) if (res.body.includes(id)) leaks.push(`${role} ${key(r)} shows ${id}`);
      }
    }
    expect(checked).toBeGreaterThan(5);
    expect(leaks).toEqual([]);
  }, 120_000);
});
