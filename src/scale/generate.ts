import type pg from 'pg';
import { hashPassword } from '../auth/passwords.ts';
import { COMPANY_SUFFIX, COMPANY_WORDS, FIRST_NAMES, JOURNAL_TEXTS, LAST_NAMES, MUNICIPALITIES, TASKS } from './names.ts';
import { addCommunityIfMissing } from './community.ts';
import { pick } from './sql.ts';

export interface Scale {
  partnerships: number;
  youngPeople: number;
  companies: number;
  openings: number;
  /** Journal entries, pathway events and attendance days together. */
  journalAndEvents: number;
}

export const SCALES: Record<'small' | 'region' | 'national', Scale> = {
  small: { partnerships: 2, youngPeople: 1_000, companies: 150, openings: 450, journalAndEvents: 30_000 },
  region: { partnerships: 19, youngPeople: 35_000, companies: 5_000, openings: 15_000, journalAndEvents: 1_000_000 },
  national: { partnerships: 98, youngPeople: 100_000, companies: 15_000, openings: 45_000, journalAndEvents: 3_000_000 },
};

export const GENERATED_PASSWORD = 'Genereret-data-2026';
export const generatedCounsellorEmail = (p: number, k: number) => `vejleder${p}-${k}@gen.fodfaeste.dk`;
export const generatedCompanyEmail = (p: number, k: number) => `virksomhed${p}-${k}@gen.fodfaeste.dk`;
export const generatedYouthEmail = (p: number, k: number) => `ung${p}-${k}@gen.fodfaeste.dk`;

const COUNSELLORS_PER_PARTNERSHIP = 10;
const LOGINS_PER_PARTNERSHIP = 20;

type Step = (label: string, done: number, total: number) => void;


/**
 * Fills the database with fictional partnerships at the given scale, set-based in
 * SQL (generate_series), one partnership per transaction, so a region takes
 * minutes. Every generated user has the password GENERATED_PASSWORD.
 */
export async function generate(pool: pg.Pool, scale: Scale, progress: Step) {
  const passwordHash = await hashPassword(GENERATED_PASSWORD);
  const per = (n: number) => Math.ceil(n / scale.partnerships);
  const attendancePerPlacement = 20;
  const client = await pool.connect();
  try {
    await client.query('SELECT setseed(0.2026)');
    for (let p = 0; p < scale.partnerships; p++) {
      const muni = MUNICIPALITIES[p % MUNICIPALITIES.length];
      const slug = `gen-${p}`;
      await client.query('BEGIN');
      const existing = await client.query<{ id: string }>('SELECT id FROM partnerships WHERE slug = $1', [slug]);
      if (existing.rowCount) {
        // Databases generated before mentors and activities were generated get them added (cheap: seconds per partnership).
        const added = await addCommunityIfMissing(client, existing.rows[0].id);
        await client.query('COMMIT');
        progress(`partnership ${p + 1} exists${added ? ', mentors and activities added' : ', skipped'}`, p + 1, scale.partnerships);
        continue;
      }
      const { rows: [{ id: pid }] } = await client.query(
        `INSERT INTO partnerships (name, slug, municipality) VALUES ($1, $2, $3) RETURNING id`,
        [`${muni} ungenetværk ${p + 1} (genereret)`, slug, muni],
      );
      await addUsers(client, pid, p, passwordHash);
      const youth = per(scale.youngPeople);
      await addYoungPeople(client, pid, p, youth, passwordHash);
      await addCompanies(client, pid, p, per(scale.companies), per(scale.openings), passwordHash);
      await addPlacements(client, pid, attendancePerPlacement);
      await addCommunityIfMissing(client, pid);
      const used = await client.query<{ n: number }>(
        `SELECT (SELECT count(*) FROM pathway_events e JOIN young_people y ON y.id = e.young_person_id WHERE y.partnership_id = $1)
              + (SELECT count(*) FROM attendance a JOIN placements pl ON pl.id = a.placement_id WHERE pl.partnership_id = $1)
              + (SELECT count(*) FROM activity_attendance aa JOIN activities ac ON ac.id = aa.activity_id WHERE ac.partnership_id = $1) AS n`, [pid]);
      const journalsPerYouth = Math.max(1, Math.round((per(scale.journalAndEvents) - Number(used.rows[0].n)) / youth));
      await addJournal(client, pid, journalsPerYouth);
      await client.query('COMMIT');
      progress(`partnership ${p + 1}/${scale.partnerships} (${muni})`, p + 1, scale.partnerships);
    }
    await client.query('ANALYZE');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

async function addUsers(c: pg.PoolClient, pid: string, p: number, hash: string) {
  await c.query(
    `WITH u AS (
       INSERT INTO users (email, name, password_hash)
       SELECT 'vejleder' || $2 || '-' || g || '@gen.fodfaeste.dk', ${pick(FIRST_NAMES)} || ' ' || ${pick(LAST_NAMES)}, $3
       FROM generate_series(0, ${COUNSELLORS_PER_PARTNERSHIP - 1}) g RETURNING id)
     INSERT INTO memberships (user_id, partnership_id, role) SELECT id, $1, 'counsellor' FROM u`,
    [pid, p, hash],
  );
}

async function addYoungPeople(c: pg.PoolClient, pid: string, p: number, n: number, hash: string) {
  await c.query(
    `WITH counsellors AS (
       SELECT array_agg(m.user_id ORDER BY u.email) AS ids FROM memberships m JOIN users u ON u.id = m.user_id
       WHERE m.partnership_id = $1 AND m.role = 'counsellor'),
     g AS (SELECT g, random() AS r, now() - (random() * interval '1000 days') AS started FROM generate_series(1, $2) g)
     INSERT INTO young_people (partnership_id, counsellor_id, first_name, last_name, birth_date, phone, email, postal_code,
       referral_source, stage, outcome, outcome_education, outcome_date, next_follow_up, last_contact_at, created_at)
     SELECT $1, counsellors.ids[1 + g.g % ${COUNSELLORS_PER_PARTNERSHIP}], ${pick(FIRST_NAMES)}, ${pick(LAST_NAMES)},
       (current_date - (15 * 365 + floor(random() * 14 * 365))::int),
       '2' || lpad((floor(random() * 9999999))::text, 7, '0'), NULL, (7000 + floor(random() * 1000))::int::text,
       ${pick(['municipality', 'municipality', 'school', 'parent', 'self', 'other'])},
       CASE WHEN g.r < 0.35 THEN 'ended' WHEN g.r < 0.5 THEN 'in_placement' WHEN g.r < 0.6 THEN 'screening'
            WHEN g.r < 0.7 THEN 'clarification' WHEN g.r < 0.8 THEN 'referred' WHEN g.r < 0.9 THEN 'employed' ELSE 'in_education' END,
       CASE WHEN g.r < 0.35 THEN ${pick(['ordinary_employment', 'education', 'education', 'public_benefits', 'public_benefits', 'flex_job', 'disability_pension', 'moved', 'dropped_out', 'resource_course'])} END,
       NULL, CASE WHEN g.r < 0.35 THEN (g.started + interval '200 days')::date END,
       current_date + (floor(random() * 40) - 10)::int, g.started + random() * (now() - g.started), g.started
     FROM g, counsellors`,
    [pid, n],
  );
  // Education outcomes get their kind; emails for the young people who can log in.
  await c.query(
    `UPDATE young_people SET outcome_education = ${pick(['FGU', 'EGU', 'STU', 'EUD', 'HF', 'gymnasium', 'other'])}
     WHERE partnership_id = $1 AND outcome = 'education'`, [pid]);
  await c.query(
    `INSERT INTO screenings (young_person_id, version, barriers, strengths, interests, days_per_week, hours_per_day, transport, max_travel_minutes, readiness, created_by)
     SELECT id, 1, ARRAY[${pick(['schooling', 'self_esteem', 'isolation', 'diagnosis', 'upbringing', 'not_assessed'])}],
       ARRAY[${pick(['praktisk', 'mødestabil', 'god til dyr', 'hjælpsom'])}], ARRAY[${pick(TASKS)}, ${pick(TASKS)}],
       1 + floor(random() * 5)::int, 3 + floor(random() * 5)::int, ARRAY[${pick(['bus', 'bike', 'driving_licence'])}],
       15 + floor(random() * 60)::int,
       CASE WHEN birth_date > current_date - 18 * 365 THEN ${pick(['ready', 'not_ready'])} ELSE ${pick(['obviously_ready', 'ready', 'activity_ready', 'activity_ready'])} END,
       counsellor_id
     FROM young_people WHERE partnership_id = $1`, [pid]);
  await c.query(
    `INSERT INTO pathway_events (young_person_id, kind, from_stage, to_stage, changed_by, changed_at)
     SELECT id, 'intake', NULL, 'referred', counsellor_id, created_at FROM young_people WHERE partnership_id = $1
     UNION ALL
     SELECT id, CASE WHEN stage = 'ended' THEN 'end' ELSE 'stage' END, 'referred', stage, counsellor_id, created_at + interval '20 days'
     FROM young_people WHERE partnership_id = $1 AND stage <> 'referred'`, [pid]);
  await c.query(
    `WITH picked AS (SELECT id, row_number() OVER (ORDER BY id) AS k FROM young_people WHERE partnership_id = $1 AND stage <> 'ended' LIMIT ${LOGINS_PER_PARTNERSHIP}),
     u AS (INSERT INTO users (email, name, password_hash)
           SELECT 'ung' || $2 || '-' || (k - 1) || '@gen.fodfaeste.dk', 'Genereret ung', $3 FROM picked RETURNING id, email),
     m AS (INSERT INTO memberships (user_id, partnership_id, role) SELECT id, $1, 'young_person' FROM u)
     UPDATE young_people y SET user_id = u.id FROM picked, u
     WHERE y.id = picked.id AND u.email = 'ung' || $2 || '-' || (picked.k - 1) || '@gen.fodfaeste.dk'`,
    [pid, p, hash],
  );
}

async function addCompanies(c: pg.PoolClient, pid: string, p: number, companies: number, openings: number, hash: string) {
  await c.query(
    `INSERT INTO companies (partnership_id, name, postal_code, industry, size, membership, kind, experience_tags)
     SELECT $1, ${pick(COMPANY_WORDS)} || ' ' || ${pick(LAST_NAMES)} || ' ' || ${pick(COMPANY_SUFFIX)} || ' ' || g,
       (7000 + floor(random() * 1000))::int::text, ${pick(['byggeri', 'detail', 'industri', 'service', 'landbrug', 'transport'])},
       ${pick(['1-9', '10-49', '50-249', '250+'])}, ${pick(['fixed_partner', 'network_member', 'network_member', 'network_member', 'occasional'])},
       ${pick(['training', 'hiring', 'both'])}, ARRAY[${pick(['anxiety', 'autism', 'adhd', 'substance', 'no_danish'])}]
     FROM generate_series(1, $2) g`, [pid, companies]);
  await c.query(
    `WITH co AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k FROM companies WHERE partnership_id = $1),
     u AS (INSERT INTO users (email, name, password_hash)
           SELECT 'virksomhed' || $2 || '-' || k || '@gen.fodfaeste.dk', 'Kontakt ' || k, $3 FROM co RETURNING id, email),
     m AS (INSERT INTO memberships (user_id, partnership_id, role) SELECT id, $1, 'company_contact' FROM u)
     INSERT INTO company_contacts (partnership_id, company_id, user_id, name, phone)
     SELECT $1, co.id, u.id, 'Kontakt ' || co.k, '7' || lpad(co.k::text, 7, '0')
     FROM co JOIN u ON u.email = 'virksomhed' || $2 || '-' || co.k || '@gen.fodfaeste.dk'`, [pid, p, hash]);
  await c.query(
    `WITH co AS (SELECT id, postal_code, row_number() OVER (ORDER BY id) AS k, count(*) OVER () AS n FROM companies WHERE partnership_id = $1)
     INSERT INTO openings (partnership_id, company_id, title, tasks, placement_kinds, start_days_per_week, start_hours_per_day, capacity, requirements, mentor_after_hours, postal_code)
     SELECT $1, co.id, initcap(t.task), t.task, ARRAY[${pick(['trial', 'work_placement', 'wage_subsidy', 'paid_hours', 'leisure_job'])}],
       1 + floor(random() * 3)::int, 3 + floor(random() * 5)::int, 1 + floor(random() * 3)::int,
       CASE WHEN random() < 0.2 THEN ARRAY['driving_licence'] WHEN random() < 0.2 THEN ARRAY['early_mornings'] ELSE '{}'::text[] END,
       random() < 0.3, co.postal_code
     FROM generate_series(1, $2) g
     JOIN co ON co.k = 1 + (g - 1) % co.n
     CROSS JOIN LATERAL (SELECT ${pick(TASKS)} AS task) t`, [pid, openings]);
}

async function addPlacements(c: pg.PoolClient, pid: string, attendanceDays: number) {
  await c.query(
    `WITH yp AS (SELECT id, created_at, stage, row_number() OVER (ORDER BY random()) AS k FROM young_people
                 WHERE partnership_id = $1 AND stage IN ('in_placement', 'employed', 'ended', 'in_education')),
     op AS (SELECT id, company_id, placement_kinds[1] AS kind, row_number() OVER (ORDER BY random()) AS k, count(*) OVER () AS n
            FROM openings WHERE partnership_id = $1)
     INSERT INTO placements (partnership_id, young_person_id, company_id, opening_id, kind, start_date, end_date, status, end_reason, breakdown_cause)
     -- Dates never lie ahead of today: an active placement has started and an ended one has ended
     -- (an "active" placement starting next month made the bench's attendance registrations fail with 400).
     SELECT $1, yp.id, op.company_id, op.id, op.kind, least((yp.created_at + interval '30 days')::date, current_date),
       CASE WHEN yp.stage = 'in_placement' THEN NULL ELSE least((yp.created_at + interval '120 days')::date, current_date) END,
       CASE WHEN yp.stage = 'in_placement' THEN 'active' ELSE 'ended' END,
       CASE WHEN yp.stage = 'in_placement' THEN NULL WHEN yp.stage = 'employed' THEN 'hired' WHEN yp.stage = 'in_education' THEN 'education'
            WHEN yp.k % 3 = 0 THEN 'breakdown' ELSE 'ended_as_planned' END,
       CASE WHEN yp.stage NOT IN ('in_placement', 'employed', 'in_education') AND yp.k % 3 = 0 THEN ${pick(['match', 'expectations', 'follow_up', 'health', 'other'])} END
     FROM yp JOIN op ON op.k = 1 + (yp.k - 1) % op.n`, [pid]);
  await c.query(
    `INSERT INTO placement_schedules (placement_id, valid_from, weekdays, hours_per_day)
     SELECT id, start_date, ARRAY[1, 3], 5 FROM placements WHERE partnership_id = $1`, [pid]);
  await c.query(
    `INSERT INTO attendance (placement_id, day, status, recorded_at)
     SELECT pl.id, d::date, ${pick(['present', 'present', 'present', 'present', 'present', 'late', 'absent', 'sick'])}, d
     FROM placements pl
     CROSS JOIN LATERAL generate_series(greatest(pl.start_date, current_date - ${attendanceDays * 2}), least(coalesce(pl.end_date, current_date), current_date - 1), interval '1 day') d
     WHERE pl.partnership_id = $1 AND extract(isodow FROM d) IN (1, 3)`, [pid]);
}

async function addJournal(c: pg.PoolClient, pid: string, perYouth: number) {
  await c.query(
    `INSERT INTO journal_entries (entry_id, version, young_person_id, kind, occurred_on, sensitivity, body, author_id, created_at)
     SELECT gen_random_uuid(), 1, y.id, ${pick(['meeting', 'phone', 'note', 'concern'])},
       (y.created_at + random() * (now() - y.created_at))::date,
       CASE WHEN random() < 0.1 THEN 'special' ELSE 'ordinary' END, ${pick(JOURNAL_TEXTS)}, y.counsellor_id, y.created_at
     FROM young_people y CROSS JOIN generate_series(1, $2) g WHERE y.partnership_id = $1`, [pid, perYouth]);
}
