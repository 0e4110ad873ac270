import { parseArgs } from 'node:util';
import type { Command } from '../cli/commands.ts';
import { loadConfig } from '../core/config.ts';
import { openMigratedDatabase } from '../core/runtime.ts';
import { progressLine } from '../cli/progress.ts';
import { backup, restore } from './backup.ts';
import { runRetention } from './retention.ts';
import { eraseYoungPerson, eraseUser } from './erasure.ts';
import { audit } from '../core/audit.ts';

const log = (line: string) => console.log(line);

/** Operations commands (backup/restore, retention), registered in src/cli/commands.ts. */
export const opsCommands: Command[] = [
  {
    name: 'backup',
    usage: 'backup FILE',
    summary: 'Write a consistent backup of all data to FILE (gzip\'ed JSON lines; PGlite and PostgreSQL alike).',
    help: 'On PGlite stop the server first (one process at a time uses the data folder). On PostgreSQL the backup is one snapshot and the app may keep running.',
    run: async (args) => {
      const file = args[0];
      if (!file) throw new Error('usage: backup FILE');
      const database = await openMigratedDatabase(loadConfig(), log);
      try {
        const r = await backup(database, file, progressLine);
        log(`Backup done: ${r.tables} tables, ${r.rows} rows.`);
      } finally {
        await database.close();
      }
    },
  },
  {
    name: 'restore',
    usage: 'restore FILE [--force]',
    summary: 'Load a backup into this database (migrated first). Refuses a non-empty database unless --force, which replaces all data.',
    run: async (args) => {
      const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { force: { type: 'boolean', default: false } } });
      if (!positionals[0]) throw new Error('usage: restore FILE [--force]');
      const database = await openMigratedDatabase(loadConfig(), log);
      try {
        const r = await restore(database, positionals[0], { force: values.force, progress: progressLine });
        log(`Restore done: ${r.tables} tables, ${r.rows} rows. Run \`npm run cli -- audit verify\` to check the audit log.`);
      } finally {
        await database.close();
      }
    },
  },

  {
    name: 'retention',
    usage: 'retention run',
    summary: 'Anonymise young people RETENTION_YOUTH_MONTHS after their pathway ended and purge audit rows older than AUDIT_RETENTION_MONTHS (the server also does this daily).',
    run: async (args) => {
      if (args[0] !== 'run') throw new Error('usage: retention run');
      const config = loadConfig();
      const database = await openMigratedDatabase(config, log);
      try {
        const r = await runRetention(database.db, config);
        log(`Retention: ${r.anonymised} young people anonymised, ${r.auditRowsPurged} audit rows purged, ${r.idempotencyKeysPurged} expired idempotency keys dropped.`);
      } finally {
        await database.close();
      }
    },
  },
  {
    name: 'erase',
    usage: 'erase young-person|user ID',
    summary: 'Erase a person on request (GDPR art. 17): removes their data everywhere; the audit log keeps an id-only record.',
    run: async (args) => {
      const [kind, id] = args;
      if (!['young-person', 'user'].includes(kind ?? '') || !/^[0-9a-f-]{36}$/i.test(id ?? '')) throw new Error('usage: erase young-person|user ID');
      const database = await openMigratedDatabase(loadConfig(), log);
      try {
        await database.db.transaction().execute(async (trx) => {
          if (kind === 'young-person') {
            const found = await trx.selectFrom('young_people').select('id').where('id', '=', id).executeTakeFirst();
            if (!found) throw new Error(`No young person with id ${id}`);
            await eraseYoungPerson(trx, id, 'erase');
            await audit(trx, null, { action: 'delete', subjectKind: 'young_person', subjectId: id, purpose: 'erasure_request' });
          } else {
            const found = await trx.selectFrom('users').select('id').where('id', '=', id).executeTakeFirst();
            if (!found) throw new Error(`No user with id ${id}`);
            await eraseUser(trx, id);
          }
        });
        log(`Erased ${kind} ${id}.`);
      } finally {
        await database.close();
      }
    },
  },
];
