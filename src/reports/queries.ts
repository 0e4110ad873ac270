import { sql } from 'kysely';
import type { Db, Trx } from '../core/db.ts';
import type { KeyFigure } from './bundle.ts';
import type { CountEntity, GoalDefinition } from './goals.ts';
import { activitiesTable, attendanceTable, conversionLikeTable, networkSummaryTable } from './network.ts';
import type { EducationKind, Outcome, PathwayRecord, Readiness, ReportTable } from './types.ts';

type Q = Db | Trx;

export const AGE_BANDS = { '15-17': [15, 17], '18-24': [18, 24], '25-29': [25, 29] } as const;
export type AgeBand = keyof typeof AGE_BANDS;

export interface ReportQuery {
  from: string;
  to: string;
  asOf: string;
  counsellorId?: string;
  ageBand?: AgeBand;
  readiness?: Readiness | 'unknown';
}

/**
 * The young people whose pathway was open at some time in the period: started
 * (intake = young_people.created_at) on or before `to`, and not ended before
 * `from`. Filters narrow by counsellor, age at start and latest readiness.
 */
function caseload(partnershipId: string, q: ReportQuery) {
  const band = q.ageBand ? AGE_BANDS[q.ageBand] : null;
  return sql`
    SELECT yp.id, yp.created_at::date AS started_at, yp.outcome, yp.outcome_education, yp.outcome_date,
      yp.counsellor_id, date_part('year', age(yp.created_at::date, yp.birth_date))::int AS age,
      (SELECT s.readiness FROM screenings s WHERE s.young_person_id = yp.id ORDER BY s.version DESC LIMIT 1) AS readiness
    FROM young_people yp
    WHERE yp.partnership_id = ${partnershipId}
      AND yp.created_at < (${q.to}::date + 1)
      AND (yp.outcome_date IS NULL OR yp.outcome_date >= ${q.from}::date)
      ${q.counsellorId ? sql`AND yp.counsellor_id = ${q.counsellorId}` : sql``}
      ${band ? sql`AND date_part('year', age(yp.created_at::date, yp.birth_date)) BETWEEN ${band[0]} AND ${band[1]}` : sql``}`;
}

interface CaseRow {
  id: string;
  started_at: string;
  outcome: string | null;
  outcome_education: string | null;
  outcome_date: string | null;
  counsellor_id: string | null;
  age: number;
  readiness: string | null;
  first_screened: string | null;
  first_match: string | null;
  /** [kind, start_date, end_date, breakdown_cause, hired, company_id] per placement. */
  placements: [string, string, string | null, string | null, boolean, string][];
}

/**
 * Pathway records with their placements, for the pure report functions. One
 * query: the placements come along as a JSON array per young person, so the
 * caseload is selected once.
 */
export async function loadPathways(db: Q, partnershipId: string, q: ReportQuery): Promise<PathwayRecord[]> {
  const { rows } = await sql<CaseRow>`
    WITH c AS (${caseload(partnershipId, q)})
    SELECT c.*,
      (SELECT min(s.created_at)::date FROM screenings s WHERE s.young_person_id = c.id) AS first_screened,
      (SELECT min(m.started_on) FROM mentorships m WHERE m.young_person_id = c.id) AS first_match,
      (SELECT coalesce(json_agg(json_build_array(p.kind, p.start_date, p.end_date, p.breakdown_cause, p.end_reason = 'hired', p.company_id)), '[]')
        FROM placements p WHERE p.young_person_id = c.id AND p.partnership_id = ${partnershipId} AND p.start_date <= ${q.asOf}::date) AS placements
    FROM c
    ${q.readiness ? (q.readiness === 'unknown' ? sql`WHERE c.readiness IS NULL` : sql`WHERE c.readiness = ${q.readiness}`) : sql``}`.execute(db);
  return rows.map((r) => ({
    id: r.id,
    startedAt: r.started_at,
    outcome: (r.outcome as Outcome | null) ?? null,
    educationKind: (r.outcome_education as EducationKind | null) ?? null,
    outcomeDate: r.outcome_date,
    readiness: (r.readiness as Readiness | null) ?? null,
    age: r.age,
    counsellorId: r.counsellor_id,
    screenedAt: r.first_screened,
    mentorMatchedAt: r.first_match,
    placements: r.placements.map(([kind, startedAt, endedAt, breakdownCause, hired, companyId]) => ({ kind, startedAt, endedAt, breakdownCause, hired: !!hired, companyId })),
  }));
}

const COUNT_SQL: Record<CountEntity, (pid: string, from: string, to: string) => ReturnType<typeof sql<{ n: number }>>> = {
  young_people_started: (pid, f, t) => sql`SELECT count(*)::int AS n FROM young_people WHERE partnership_id = ${pid} AND created_at >= ${f}::date AND created_at < (${t}::date + 1)`,
  job_openings: (pid, f, t) => sql`SELECT count(*)::int AS n FROM openings WHERE partnership_id = ${pid} AND created_at >= ${f}::date AND created_at < (${t}::date + 1)`,
  placements: (pid, f, t) => sql`SELECT count(*)::int AS n FROM placements WHERE partnership_id = ${pid} AND start_date BETWEEN ${f}::date AND ${t}::date`,
  hires: (pid, f, t) => sql`SELECT count(*)::int AS n FROM placements WHERE partnership_id = ${pid} AND end_reason = 'hired' AND end_date BETWEEN ${f}::date AND ${t}::date`,
  events: (pid, f, t) => sql`SELECT count(*)::int AS n FROM network_events WHERE partnership_id = ${pid} AND starts_at >= ${f}::date AND starts_at < (${t}::date + 1)`,
  mentor_matches: (pid, f, t) => sql`SELECT count(*)::int AS n FROM mentorships WHERE partnership_id = ${pid} AND started_on BETWEEN ${f}::date AND ${t}::date`,
  member_companies_joined: (pid, f, t) => sql`SELECT count(*)::int AS n FROM companies WHERE partnership_id = ${pid} AND membership <> 'occasional' AND created_at >= ${f}::date AND created_at < (${t}::date + 1)`,
};

/** Count goals are counted in the database (events and openings can be many), up to asOf. */
export async function countGoalFacts(db: Q, partnershipId: string, goals: GoalDefinition[], asOf: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const g of goals) {
    if (g.kind !== 'count') continue;
    const to = g.to < asOf ? g.to : asOf;
    const { rows } = await COUNT_SQL[g.entity as CountEntity](partnershipId, g.from, to).execute(db);
    out[g.id] = rows[0]?.n ?? 0;
  }
  return out;
}

/** Everyone with the counsellor role in the partnership (also former ones: old periods are reported too), by name. */
export async function counsellorsOf(db: Q, partnershipId: string): Promise<{ id: string; name: string }[]> {
  const rows = await db.selectFrom('memberships as m').innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.name']).where('m.partnership_id', '=', partnershipId).where('m.role', '=', 'counsellor').execute();
  return rows.sort((a, b) => a.name.localeCompare(b.name, 'da'));
}

export async function loadSettings(db: Q, partnershipId: string): Promise<{ goals: unknown; threshold: number }> {
  const row = await db.selectFrom('report_settings').select(['goals', 'suppression_threshold']).where('partnership_id', '=', partnershipId).executeTakeFirst();
  return { goals: row?.goals ?? [], threshold: row?.suppression_threshold ?? 5 };
}

export interface NetworkResult {
  figures: KeyFigure[];
  tables: ReportTable[];
}

/** The ids of the tables loadNetwork builds. */
export const NETWORK_TABLE_IDS: readonly string[] = ['network_summary', 'company_conversion', 'network_list_attendance', 'network_list_activities'];

/**
 * Companies, openings, events, mentors, attendance and activity participation
 * in the period. With `tables: false` only the key figures (one query): the
 * steering-group PDF and exports of other tables need no more.
 */
export async function loadNetwork(db: Q, partnershipId: string, q: ReportQuery, opts: { tables?: boolean } = {}): Promise<NetworkResult> {
  const [companies] = (await sql<{ members: number; active: number; openings: number; events: number; jobs_created: number }>`
    SELECT
      (SELECT count(*)::int FROM companies WHERE partnership_id = ${partnershipId} AND membership <> 'occasional') AS members,
      (SELECT count(DISTINCT p.company_id)::int FROM placements p JOIN companies c ON c.id = p.company_id
        WHERE p.partnership_id = ${partnershipId} AND c.membership <> 'occasional'
          AND p.start_date <= ${q.to}::date AND (p.end_date IS NULL OR p.end_date >= ${q.from}::date)) AS active,
      (SELECT count(*)::int FROM openings WHERE partnership_id = ${partnershipId} AND created_at >= ${q.from}::date AND created_at < (${q.to}::date + 1)) AS openings,
      (SELECT count(*)::int FROM network_events WHERE partnership_id = ${partnershipId} AND starts_at >= ${q.from}::date AND starts_at < (${q.to}::date + 1)) AS events,
      (SELECT coalesce(sum(jobs_created), 0)::int FROM network_events WHERE partnership_id = ${partnershipId} AND starts_at >= ${q.from}::date AND starts_at < (${q.to}::date + 1)) AS jobs_created
  `.execute(db)).rows;
  const figures: KeyFigure[] = [
    { key: 'member_companies', label: 'Virksomheder i netværket', value: companies.members, kind: 'count', insensitive: true },
    { key: 'active_ratio', label: 'Andel aktive virksomheder', value: companies.members ? companies.active / companies.members : null, kind: 'share', of: [companies.active, companies.members] },
    { key: 'openings', label: 'Jobåbninger oprettet', value: companies.openings, kind: 'count', insensitive: true },
    { key: 'events', label: 'Netværksarrangementer', value: companies.events, kind: 'count', insensitive: true },
  ];
  if (opts.tables === false) return { figures, tables: [] };

  const perCompany = (await sql<{ name: string; placements: number; hires: number }>`
    SELECT c.name, count(*)::int AS placements, count(*) FILTER (WHERE p.end_reason = 'hired')::int AS hires
    FROM placements p JOIN companies c ON c.id = p.company_id
    WHERE p.partnership_id = ${partnershipId} AND p.start_date BETWEEN ${q.from}::date AND ${q.to}::date
    GROUP BY c.id, c.name ORDER BY placements DESC, c.name LIMIT 500`.execute(db)).rows;

  const mentors = (await sql<{ kind: string; active: number; matched: number; reviews_due: number }>`
    SELECT m.kind,
      count(*) FILTER (WHERE m.status = 'active')::int AS active,
      count(*) FILTER (WHERE m.status = 'active' AND EXISTS (SELECT 1 FROM mentorships ms WHERE ms.mentor_id = m.id AND ms.status = 'active'))::int AS matched,
      (SELECT count(*)::int FROM mentorships ms JOIN mentors m2 ON m2.id = ms.mentor_id
        WHERE ms.partnership_id = ${partnershipId} AND m2.kind = m.kind AND ms.status = 'active' AND ms.next_review_on <= ${q.asOf}::date) AS reviews_due
    FROM mentors m WHERE m.partnership_id = ${partnershipId} GROUP BY m.kind ORDER BY m.kind`.execute(db)).rows;

  const attendance = (await sql<{ kind: string; placements: number; days: number; present: number }>`
    SELECT p.kind, count(DISTINCT p.id)::int AS placements, count(*)::int AS days,
      count(*) FILTER (WHERE a.status IN ('present', 'late'))::int AS present
    FROM attendance a JOIN placements p ON p.id = a.placement_id
    WHERE p.partnership_id = ${partnershipId} AND a.day BETWEEN ${q.from}::date AND ${q.to}::date
    GROUP BY p.kind ORDER BY p.kind`.execute(db)).rows;

  const activities = (await sql<{ kind: string; people: number; attendances: number }>`
    SELECT coalesce(a.kind, 'total') AS kind, count(DISTINCT aa.young_person_id)::int AS people, count(*)::int AS attendances
    FROM activity_attendance aa JOIN activities a ON a.id = aa.activity_id
    WHERE a.partnership_id = ${partnershipId} AND aa.present AND aa.on_date BETWEEN ${q.from}::date AND ${q.to}::date
      -- Spelled out so the planner reads the partnership's few activities by primary key instead of the region's whole table.
      AND aa.activity_id = ANY (ARRAY(SELECT id FROM activities WHERE partnership_id = ${partnershipId}))
    GROUP BY ROLLUP (a.kind) ORDER BY a.kind NULLS LAST`.execute(db)).rows;

  return {
    figures,
    tables: [
      networkSummaryTable(companies, mentors),
      conversionLikeTable('company_conversion', 'Praktikker og ansættelser pr. virksomhed', 'Virksomhed', perCompany.map((c) => ({ key: c.name, label: c.name, placements: c.placements, hired: c.hires }))),
      attendanceTable(attendance),
      activitiesTable(activities),
    ],
  };
}
