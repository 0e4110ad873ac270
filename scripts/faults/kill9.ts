/**
 * kill -9 of the app under write load: every intake the client saw acknowledged
 * must be present after restart, and no intake may be half-written (a young
 * person without its intake event or its audit row).
 *
 *   npx tsx scripts/faults/kill9.ts pglite|postgres
 */
import { randomUUID } from 'node:crypto';
import { startServerProcess } from '../../test/helpers/server-process.ts';
import { check, freshTarget, loginCounsellor } from './common.ts';

const kind = (process.argv[2] ?? 'pglite') as 'pglite' | 'postgres';
const run = randomUUID().slice(0, 8);
const target = await freshTarget(kind);
const env = { ...target.env, RATE_LIMIT_IP_PER_MINUTE: '0', RATE_LIMIT_USER_PER_MINUTE: '0', LOG_LEVEL: 'error' };
try {
  console.log(`kill -9 under write load on ${kind} …`);
  const server = await startServerProcess(env);
  const session = await loginCounsellor(server.url);
  const acknowledged: string[] = [];
  let stop = false;
  let n = 0;
  const writer = async () => {
    while (!stop) {
      const lastName = `Fejltest-${run}-${n++}`;
      try {
        const res = await fetch(`${server.url}/api/youth`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf },
          body: JSON.stringify({ referralSource: 'municipality', firstName: 'Kaj', lastName, birthDate: '2004-04-04' }),
        });
        if (res.status === 201 || res.status === 200) acknowledged.push(((await res.json()) as { id: string }).id);
      } catch {
        // connection reset by the kill: not acknowledged
      }
    }
  };
  const writers = Array.from({ length: 8 }, writer);
  await new Promise((r) => setTimeout(r, 3000));
  server.child.kill('SIGKILL');
  stop = true;
  await Promise.all(writers);
  console.log(`  ${acknowledged.length} intakes acknowledged before the kill`);

  const again = await startServerProcess(env);
  await again.stop();
  const rows = await target.query<{ id: string; intake: number; audit: number }>(
    `SELECT y.id,
       (SELECT count(*) FROM pathway_events e WHERE e.young_person_id = y.id AND e.kind = 'intake')::int AS intake,
       (SELECT count(*) FROM audit_log a WHERE a.subject_id = y.id AND a.action = 'create')::int AS audit
     FROM young_people y WHERE y.last_name LIKE $1`, [`Fejltest-${run}-%`]);
  const present = new Set(rows.map((r) => r.id));
  check(acknowledged.length > 0, 'the load produced acknowledged writes');
  check(acknowledged.every((id) => present.has(id)), `every acknowledged intake is present after restart (${acknowledged.filter((id) => present.has(id)).length}/${acknowledged.length})`);
  check(rows.every((r) => r.intake === 1), `no young person without its intake event (${rows.length} rows checked)`);
  check(rows.every((r) => r.audit >= 1), 'every stored intake has its audit row');
} finally {
  await target.drop();
}
