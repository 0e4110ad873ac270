/**
 * Restart of PostgreSQL under load: the app stays up, answers 503 (never 500,
 * never a stack trace) while the database is down, and serves normally again
 * within 10 s after it is back. Needs root (pg_ctlcluster) — run by .ci/run
 * after the test suites, never alongside them.
 *
 *   npx tsx scripts/faults/pg-restart.ts
 */
import { execSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { startServerProcess } from '../../test/helpers/server-process.ts';
import { check, freshTarget, loginCounsellor } from './common.ts';

const version = readdirSync('/etc/postgresql')[0];
const pgctl = (action: string) => execSync(`pg_ctlcluster --skip-systemctl-redirect ${version} main ${action}`, { stdio: 'inherit' });
const target = await freshTarget('postgres');
try {
  const server = await startServerProcess({ ...target.env, RATE_LIMIT_IP_PER_MINUTE: '0', RATE_LIMIT_USER_PER_MINUTE: '0', LOG_LEVEL: 'fatal', DB_CONNECT_TIMEOUT_MS: '1000' });
  const session = await loginCounsellor(server.url);
  const statuses = new Map<number, number>();
  const bodies: string[] = [];
  let stop = false;
  let backAt = 0;
  let recoveredAt = 0;
  const loop = async () => {
    while (!stop) {
      try {
        const res = await fetch(`${server.url}/api/youth?limit=5`, { headers: { cookie: session.cookie } });
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        const text = await res.text();
        if (res.status >= 500) bodies.push(text);
        if (res.status === 200 && backAt && !recoveredAt) recoveredAt = Date.now();
      } catch {
        statuses.set(0, (statuses.get(0) ?? 0) + 1);
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const loops = Array.from({ length: 4 }, loop);
  await new Promise((r) => setTimeout(r, 1000));
  console.log('stopping PostgreSQL …');
  pgctl('stop -m fast');
  await new Promise((r) => setTimeout(r, 4000));
  console.log('starting PostgreSQL …');
  pgctl('start');
  backAt = Date.now();
  for (let i = 0; i < 150 && !recoveredAt; i++) await new Promise((r) => setTimeout(r, 100));
  stop = true;
  await Promise.all(loops);
  const alive = server.child.exitCode === null;
  await server.stop();
  console.log(`  statuses seen: ${JSON.stringify(Object.fromEntries(statuses))}`);
  check(alive, 'the app process stayed up');
  check(!statuses.has(500) && !statuses.has(0), 'no 500 and no dropped connection while the database was down');
  check((statuses.get(503) ?? 0) > 0, 'the app answered 503 while the database was down');
  check(bodies.every((b) => !/at .*\.ts:\d+|stack/i.test(b)), 'no stack traces in error responses');
  check(recoveredAt > 0 && recoveredAt - backAt <= 10_000, `served normally again ${recoveredAt ? ((recoveredAt - backAt) / 1000).toFixed(1) : '—'} s after the database was back`);
} finally {
  execSync(`pg_isready -h 127.0.0.1 -q || pg_ctlcluster --skip-systemctl-redirect ${version} main start`);
  await target.drop();
}
