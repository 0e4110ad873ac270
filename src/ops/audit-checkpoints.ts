import type PgBoss from 'pg-boss';
import type { Config } from '../core/config.ts';
import type { Db } from '../core/db.ts';
import { loadConfig } from '../core/config.ts';
import { openMigratedDatabase } from '../core/runtime.ts';
import { checkpointPaths, loadSigningKey, writeCheckpoint } from '../core/audit-checkpoint.ts';

export const CHECKPOINT_QUEUE = 'audit-checkpoint';

/** Signs every chain head into a file in the checkpoint folder; null when no folder is configured (in-memory database). */
export async function runAuditCheckpoint(db: Db, config: Config, now = new Date()): Promise<string | null> {
  const paths = checkpointPaths(config);
  if (!paths) return null;
  return writeCheckpoint(db, paths.dir, loadSigningKey(paths.keyFile), now);
}

/**
 * An hourly pg-boss job (one process writes it, whichever picks it up), added
 * by the worker (src/reminders/worker.ts) beside its own queues.
 */
export async function scheduleAuditCheckpoints(boss: PgBoss, db: Db, config: Config, log: (line: string) => void, pollingIntervalSeconds: number) {
  if (!checkpointPaths(config)) return;
  await boss.createQueue(CHECKPOINT_QUEUE, { name: CHECKPOINT_QUEUE, policy: 'singleton' });
  await boss.schedule(CHECKPOINT_QUEUE, '7 * * * *', {}, { tz: 'Europe/Copenhagen' });
  await boss.work(CHECKPOINT_QUEUE, { pollingIntervalSeconds }, async () => {
    const file = await runAuditCheckpoint(db, config);
    if (file) log(`audit checkpoint written: ${file}`);
  });
}

/** `npm run cli -- audit checkpoint` */
export async function auditCheckpointCommand() {
  const config = loadConfig();
  const database = await openMigratedDatabase(config);
  try {
    const file = await runAuditCheckpoint(database.db, config);
    if (!file) throw new Error('No checkpoint folder: set AUDIT_CHECKPOINT_DIR (DATA_DIR is in memory).');
    console.log(`Audit checkpoint written: ${file}`);
  } finally {
    await database.close();
  }
}
