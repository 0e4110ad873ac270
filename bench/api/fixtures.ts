import pg from 'pg';
import { todayInDenmark } from '../../src/placements/dates.ts';

interface Login {
  cookie: string;
  csrf: string;
  userId: string;
  partnershipId: string;
}
interface CounsellorFx extends Login { youth: string[] }
interface CompanyFx extends Login { placements: string[] }

export interface Fixtures {
  counsellors: CounsellorFx[];
  companies: CompanyFx[];
  youth: Login[];
  youngPeopleTotal: number;
  /** A request of the given kind for a random user: autocannon's setupRequest result. */
  request(kind: string): { method: string; path: string; headers: Record<string, string>; body?: string };
}

/**
 * Placements the company can register attendance for today: started and not ended
 * (an "active" placement that starts later is refused with 400, as it should be).
 */
const RUNNING_TODAY = `p.status = 'active' AND p.start_date <= $1::date AND (p.end_date IS NULL OR p.end_date >= $1::date)`;

const SEARCHES = ['møl', 'sør', 'han', 'peder', 'lar', 'aag', 'ost', 'chris', 'hol', 'lund'];

/** Logs in generated users over HTTP and reads the ids they may work on straight from the database. */
export async function loadFixtures(base: string, url: string, password: string): Promise<Fixtures> {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  // The server's "today" (Danish time), not UTC: attendance is refused for a day the placement does not cover.
  const today = todayInDenmark();
  try {
    const total = Number((await db.query('SELECT count(*) AS n FROM young_people')).rows[0].n);
    if (total < 1000) throw new Error(`Only ${total} young people in the database: run \`npm run cli -- generate --scale region\` first.`);
    const counsellorEmails = (await db.query(`SELECT email FROM users WHERE email LIKE 'vejleder%-0@gen.fodfaeste.dk' OR email LIKE 'vejleder%-1@gen.fodfaeste.dk' ORDER BY email LIMIT 40`)).rows.map((r) => r.email as string);
    const companyEmails = (await db.query(`
      SELECT DISTINCT ON (c.company_id) u.email FROM company_contacts c JOIN users u ON u.id = c.user_id
      JOIN placements p ON p.company_id = c.company_id AND ${RUNNING_TODAY} WHERE u.email LIKE '%@gen.fodfaeste.dk' LIMIT 40`, [today])).rows.map((r) => r.email as string);
    // Two young people per partnership, like the counsellors: the load spreads over the region as in real use.
    const youthEmails = (await db.query(`SELECT email FROM users WHERE email LIKE 'ung%-0@gen.fodfaeste.dk' OR email LIKE 'ung%-1@gen.fodfaeste.dk' ORDER BY email LIMIT 40`)).rows.map((r) => r.email as string);

    const counsellors: CounsellorFx[] = [];
    for (const email of counsellorEmails) {
      const l = await login(base, email, password);
      const ids = (await db.query('SELECT id FROM young_people WHERE counsellor_id = $1 LIMIT 500', [l.userId])).rows.map((r) => r.id as string);
      counsellors.push({ ...l, youth: ids });
    }
    const companies: CompanyFx[] = [];
    for (const email of companyEmails) {
      const l = await login(base, email, password);
      const ids = (await db.query(`SELECT p.id FROM placements p JOIN company_contacts c ON c.company_id = p.company_id WHERE c.user_id = $2 AND ${RUNNING_TODAY}`, [today, l.userId])).rows.map((r) => r.id as string);
      companies.push({ ...l, placements: ids });
    }
    const youth: Login[] = [];
    for (const email of youthEmails) youth.push(await login(base, email, password));
    if (!counsellors.length || !companies.length || !youth.length) throw new Error('The generated users are missing: run the generator first.');

    const any = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)];
    const headers = (l: Login, json = false): Record<string, string> => ({ cookie: l.cookie, 'x-csrf-token': l.csrf, ...(json ? { 'content-type': 'application/json' } : {}) });
    return {
      counsellors, companies, youth, youngPeopleTotal: total,
      request(kind) {
        switch (kind) {
          case 'list': { const c = any(counsellors); return { method: 'GET', path: '/api/youth?mine=true&limit=50', headers: headers(c) }; }
          case 'search': { const c = any(counsellors); return { method: 'GET', path: `/api/youth?q=${encodeURIComponent(any(SEARCHES))}&limit=50`, headers: headers(c) }; }
          case 'open': { const c = any(counsellors); return { method: 'GET', path: `/api/youth/${any(c.youth)}`, headers: headers(c) }; }
          case 'journal': {
            const c = any(counsellors);
            return { method: 'POST', path: `/api/youth/${any(c.youth)}/journal`, headers: headers(c, true), body: JSON.stringify({ kind: 'phone', occurredOn: today, sensitivity: 'ordinary', body: 'Opfølgning pr. telefon (benchmark).' }) };
          }
          case 'attendance': {
            const c = any(companies);
            return { method: 'POST', path: '/api/employer/attendance', headers: headers(c, true), body: JSON.stringify({ day: today, entries: [{ placementId: any(c.placements), status: 'present' }] }) };
          }
          default: { const y = any(youth); return { method: 'GET', path: '/api/me', headers: headers(y) }; }
        }
      },
    };
  } finally {
    await db.end();
  }
}

async function login(base: string, email: string, password: string): Promise<Login> {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { csrfToken: string; user: { id: string }; partnership: { id: string } };
  return { cookie: res.headers.get('set-cookie')!.split(';')[0], csrf: body.csrfToken, userId: body.user.id, partnershipId: body.partnership.id };
}
