import { it } from 'vitest';
import { sql } from 'kysely';
import { DEMO_ACCOUNTS } from '../../src/demo/accounts.ts';
import { startBrowserEnv } from '../helpers/browser.ts';

it('debug stall', async () => {
  const env = await startBrowserEnv();
  const t0 = Date.now();
  const pool = (env.database as unknown as { pool: { totalCount: number; idleCount: number; waitingCount: number } }).pool;
  for (let round = 0; round < 6; round++) {
    for (const a of DEMO_ACCOUNTS) {
      const page = await env.newPage(1280);
      const pending = new Map<string, number>();
      page.on('request', (r) => pending.set(r.method() + ' ' + r.url(), Date.now()));
      page.on('requestfinished', (r) => pending.delete(r.method() + ' ' + r.url()));
      page.on('requestfailed', (r) => pending.delete(r.method() + ' ' + r.url()));
      const s = Date.now();
      try {
        await page.goto('/login');
        await page.getByLabel('E-mail').fill(a.email);
        await page.getByLabel('Adgangskode').fill('Fodfaeste-demo-2026');
        await page.getByRole('button', { name: 'Log ind' }).click();
        await page.locator('#login-email').waitFor({ state: 'detached', timeout: 15000 });
        await page.waitForLoadState('networkidle', { timeout: 15000 });
        console.log(`t=${((Date.now() - t0) / 1000).toFixed(0)}s ${a.role} ok in ${Date.now() - s} ms; pool ${pool.totalCount}/${pool.idleCount}/${pool.waitingCount}`);
      } catch (e) {
        console.log(`t=${((Date.now() - t0) / 1000).toFixed(0)}s ${a.role} STALL ${String(e).slice(0, 200)}; pool ${pool.totalCount}/${pool.idleCount}/${pool.waitingCount}; pending ${JSON.stringify([...pending.keys()])}`);
        const r = await sql<{ state: string; wait: string; query: string }>`SELECT state, wait_event_type || ':' || wait_event AS wait, left(query, 150) AS query FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`.execute(env.database.db);
        console.log(JSON.stringify(r.rows, null, 1));
        await env.close();
        return;
      }
      await page.context().close();
    }
  }
  await env.close();
}, 600_000);
