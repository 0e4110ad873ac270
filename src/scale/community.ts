import type pg from 'pg';
import { FIRST_NAMES, LAST_NAMES } from './names.ts';
import { pick } from './sql.ts';

/** Weeks of activity attendance generated back from today. */
const ACTIVITY_WEEKS = 26;

/**
 * Mentors with mentorships, and community activities with sign-ups and weekly
 * attendance, for one generated partnership. Each part is added only when the
 * partnership has none yet, so re-running `generate` over a database made
 * before this existed fills them in without touching anything else.
 * Returns whether anything was added.
 */
export async function addCommunityIfMissing(c: pg.PoolClient, pid: string): Promise<boolean> {
  const { rows: [has] } = await c.query<{ mentors: boolean; activities: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM mentors WHERE partnership_id = $1) AS mentors,
            EXISTS (SELECT 1 FROM activities WHERE partnership_id = $1) AS activities`, [pid]);
  if (!has.mentors) await addMentors(c, pid);
  if (!has.activities) await addActivities(c, pid);
  return !has.mentors || !has.activities;
}

/**
 * About one mentor per 16 young people (half volunteer business mentors, the
 * rest professional and company mentors); 30 % of the young people past
 * referral get a mentor 45 days after intake. Mentorships end with the
 * pathway, some after two 3-month periods; about one in eight active ones has
 * its review overdue.
 */
async function addMentors(c: pg.PoolClient, pid: string) {
  await c.query(
    `INSERT INTO mentors (partnership_id, kind, name, phone, job_title, industry, hours_per_month, intro_talk_on, course_on,
       agreement_signed_on, record_checked_on, status, created_at)
     SELECT $1, CASE WHEN g % 10 < 5 THEN 'volunteer' WHEN g % 10 < 8 THEN 'professional' ELSE 'company' END,
       ${pick(FIRST_NAMES)} || ' ' || ${pick(LAST_NAMES)}, '4' || lpad((floor(random() * 9999999))::text, 7, '0'),
       ${pick(['Driftsleder', 'Værkfører', 'Butikschef', 'HR-konsulent', 'Mester', 'Støttekontaktperson', 'Køkkenchef', 'Pensioneret lærer'])},
       ${pick(['Byggeri', 'Detailhandel', 'Industri', 'Socialområdet', 'Landbrug', 'Transport'])}, 3 + floor(random() * 6)::int,
       current_date - 900, current_date - 880, current_date - 879, current_date - 870,
       CASE WHEN g % 20 = 0 THEN 'left' WHEN g % 20 = 1 THEN 'paused' ELSE 'active' END, now() - interval '900 days'
     FROM generate_series(1, (SELECT greatest(5, count(*) / 16)::int FROM young_people WHERE partnership_id = $1)) g`, [pid]);
  await c.query(
    `WITH mt AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k, count(*) OVER () AS n FROM mentors WHERE partnership_id = $1 AND status = 'active'),
     yp AS (SELECT id, (created_at + interval '45 days')::date AS started_on, outcome_date, counsellor_id,
              row_number() OVER (ORDER BY id) AS k
            FROM young_people
            WHERE partnership_id = $1 AND stage <> 'referred' AND created_at + interval '45 days' <= now() AND random() < 0.3),
     ms AS (SELECT yp.*, mt.id AS mentor_id,
              CASE WHEN yp.outcome_date IS NOT NULL AND yp.outcome_date <= current_date THEN greatest(yp.started_on, yp.outcome_date)
                   WHEN yp.started_on + interval '9 months' < current_date AND random() < 0.4 THEN (yp.started_on + interval '6 months')::date END AS ended_on,
              (date_part('year', age(current_date, yp.started_on)) * 12 + date_part('month', age(current_date, yp.started_on)))::int / 3 AS periods
            FROM yp JOIN mt ON mt.k = yp.k % mt.n)
     INSERT INTO mentorships (partnership_id, mentor_id, young_person_id, started_on, first_meeting_on, chemistry, next_review_on,
       status, ended_on, end_reason, created_by, created_at)
     SELECT $1, mentor_id, id, started_on, started_on + 7, CASE WHEN random() < 0.85 THEN 'good' ELSE 'try_again' END,
       CASE WHEN ended_on IS NOT NULL THEN (started_on + interval '3 months')::date
            WHEN random() < 0.12 AND periods > 0 THEN (started_on + make_interval(months => 3 * periods))::date
            ELSE (started_on + make_interval(months => 3 * (periods + 1)))::date END,
       CASE WHEN ended_on IS NULL THEN 'active' ELSE 'ended' END, ended_on,
       CASE WHEN ended_on IS NOT NULL THEN 'Forløbet er afsluttet' END, counsellor_id, started_on
     FROM ms`, [pid]);
}

/**
 * Two associations running four weekly activities (the youth network meeting,
 * fitness twice a week, football, a shared meal). A third of the young people
 * whose pathway was open in the last 26 weeks sign up for one; each has their
 * own attendance rate, so some are slipping away.
 */
async function addActivities(c: pg.PoolClient, pid: string) {
  await c.query(
    `WITH assoc AS (INSERT INTO associations (partnership_id, name) VALUES ($1, 'Idrætsforeningen'), ($1, 'Ungdomsklubben') RETURNING id, name),
     act AS (INSERT INTO activities (partnership_id, association_id, name, kind, place)
       SELECT $1, assoc.id, a.name, a.kind, a.place
       FROM (VALUES ('UngeMilen', 'network_meeting', 'Ungdomsklubben', 'Fritidscenteret'), ('Fitness', 'fitness', 'Idrætsforeningen', 'Fitnesscenteret'),
                    ('Fodbold', 'sport', 'Idrætsforeningen', 'Stadion'), ('Fællesspisning', 'meal', 'Ungdomsklubben', 'Fritidscenteret')) a(name, kind, assoc, place)
       JOIN assoc ON assoc.name = a.assoc RETURNING id, name)
     INSERT INTO activity_schedules (activity_id, weekday, start_time, end_time, valid_from)
     SELECT act.id, s.weekday, s.start_time::time, s.end_time::time, current_date - ${ACTIVITY_WEEKS * 7 + 30}
     FROM (VALUES ('UngeMilen', 2, '17:00', '19:00'), ('Fitness', 1, '16:30', '17:30'), ('Fitness', 4, '16:30', '17:30'),
                  ('Fodbold', 3, '18:00', '19:30'), ('Fællesspisning', 5, '17:00', '19:00')) s(name, weekday, start_time, end_time)
     JOIN act ON act.name = s.name`, [pid]);
  await c.query(
    `WITH act AS (SELECT id, row_number() OVER (ORDER BY name) - 1 AS k FROM activities WHERE partnership_id = $1)
     INSERT INTO activity_signups (activity_id, young_person_id, signed_up_at)
     SELECT act.id, yp.id, greatest(yp.created_at, now() - interval '${ACTIVITY_WEEKS} weeks')
     FROM (SELECT id, created_at, floor(random() * 4)::int AS k FROM young_people
           WHERE partnership_id = $1 AND created_at < now() - interval '7 days'
             AND (outcome_date IS NULL OR outcome_date >= current_date - ${ACTIVITY_WEEKS * 7}) AND random() < 0.33) yp
     JOIN act ON act.k = yp.k`, [pid]);
  await c.query(
    `WITH su AS (SELECT s.activity_id, s.young_person_id, s.signed_up_at::date AS since, yp.outcome_date, 0.35 + 0.6 * random() AS rate
                 FROM activity_signups s JOIN activities a ON a.id = s.activity_id JOIN young_people yp ON yp.id = s.young_person_id
                 WHERE a.partnership_id = $1)
     INSERT INTO activity_attendance (activity_id, on_date, start_time, young_person_id, present, recorded_at)
     SELECT su.activity_id, d::date, sc.start_time, su.young_person_id, random() < su.rate, d + sc.end_time
     FROM su JOIN activity_schedules sc ON sc.activity_id = su.activity_id
     CROSS JOIN LATERAL generate_series(su.since, least(coalesce(su.outcome_date, current_date - 1), current_date - 1), interval '1 day') d
     WHERE extract(isodow FROM d) = sc.weekday`, [pid]);
}
