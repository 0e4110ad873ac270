import { parseArgs } from 'node:util';
import type { Command } from '../cli/commands.ts';
import { loadConfig } from '../core/config.ts';
import { openMigratedDatabase } from '../core/runtime.ts';
import { progressLine } from '../cli/progress.ts';
import { backup, restore } from './backup.ts';

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
];
