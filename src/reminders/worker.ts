import PgBoss from 'pg-boss';
import type { Config } from '../core/config.ts';
import type { Database } from '../core/db.ts';
import { underMigrationLock } from '../core/migrate.ts';
import { scheduleAuditCheckpoints } from '../ops/audit-checkpoints.ts';
import { dispatchDue } from './dispatch.ts';
import { scanReminders } from './scan.ts';
import { configuredChannels, transportsFor, type Transport } from './transports.ts';

export const DISPATCH_QUEUE = 'outbox-dispatch';
export const SCAN_QUEUE = 'reminders-scan';

export interface Worker {
  /** Ask for a send round now (e.g. right after a change wrote to the outbox). */
  nudge(): Promise<void>;
  stop(): Promise<void>;
  /** True from a completed start until stop (or pg-boss stopping by itself): /readyz reports it. */
  running(): boolean;
}

/**
 * The reminder worker: pg-boss holds the schedule (a scan every 15 minutes, a
 * send round every minute) and hands each job to one process. pg-boss talks to
 * the database through our pool (the same code path on PGlite and PostgreSQL).
 * The outbox rows themselves are claimed with SKIP LOCKED, so even two send
 * rounds at once send each message once.
 */
export async function startWorker(database: Database, config: Config, opts: {
  transports?: Record<'email' | 'sms', Transport>;
  channels?: ('email' | 'sms')[];
  pollSeconds?: number;
  log?: (line: string) => void;
} = {}): Promise<Worker> {
  const log = opts.log ?? (() => {});
  const transports = opts.transports ?? transportsFor(config);
  const channels = opts.channels ?? configuredChannels(config);
  if (channels.length === 0) log('Reminders: neither SMTP_URL nor SMS_URL is set; messages wait in the outbox until one is.');
  else if (channels.length === 1) log(`Reminders: only ${channels[0]} is set up; other messages wait in the outbox.`);
  const boss = new PgBoss({
    db: { executeSql: async (text, values) => database.pool.query(text, values) },
    schema: 'pgboss',
    // A lost job is harmless (the next round picks the rows up), so keep pg-boss's own retries short.
    retryLimit: 1,
    retryDelay: 5,
  });
  boss.on('error', (err) => log(`reminder worker: ${(err as Error).message}`));
  let running = false;
  boss.on('stopped', () => { running = false; });
  const pollingIntervalSeconds = opts.pollSeconds ?? 2;
  // pg-boss's schema and queues are created under the migration lock: processes starting
  // together on a fresh database deadlocked in create_queue (src/core/migrate.ts).
  try {
    await underMigrationLock(database.pool, async () => {
      await boss.start();
      await boss.createQueue(DISPATCH_QUEUE, { name: DISPATCH_QUEUE, policy: 'singleton' });
      await boss.createQueue(SCAN_QUEUE, { name: SCAN_QUEUE, policy: 'singleton' });
      await boss.schedule(DISPATCH_QUEUE, '* * * * *', {}, { tz: 'Europe/Copenhagen' });
      await boss.schedule(SCAN_QUEUE, '*/15 * * * *', {}, { tz: 'Europe/Copenhagen' });
      await boss.work(DISPATCH_QUEUE, { pollingIntervalSeconds }, async () => {
        const r = await dispatchDue(database.db, transports, { channels });
        if (r.sent + r.failed + r.retrying > 0) log(`reminders: ${r.sent} sent, ${r.retrying} to retry, ${r.failed} given up`);
      });
      await boss.work(SCAN_QUEUE, { pollingIntervalSeconds }, async () => {
        const n = await scanReminders(database.db);
        if (n > 0) await boss.send(DISPATCH_QUEUE, {});
      });
      await scheduleAuditCheckpoints(boss, database.db, config, log, pollingIntervalSeconds);
    });
  } catch (err) {
    // A half-started worker is stopped, so the caller can exit instead of serving without one.
    await boss.stop({ graceful: false, close: false, timeout: 1000 }).catch(() => {});
    throw err;
  }
  let stopped = false;
  running = true;
  return {
    running: () => running && !stopped,
    async nudge() {
      if (!stopped) await boss.send(DISPATCH_QUEUE, {});
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await boss.stop({ graceful: true, wait: true, close: false, timeout: 5000 });
    },
  };
}
