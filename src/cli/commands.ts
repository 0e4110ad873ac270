import { parseArgs } from 'node:util';
import { writeFileSync } from 'node:fs';
import { loadConfig } from '../core/config.ts';
import { openMigratedDatabase } from '../core/runtime.ts';
import type { Database } from '../core/db.ts';
import { verifyAudit } from '../core/audit.ts';
import { generateDbTypes } from '../core/db-typegen.ts';
import { createUser } from './create-user.ts';
import { ROLES, type Role } from '../core/policy.ts';
import { progressLine } from './progress.ts';
import { opsCommands } from '../ops/commands.ts';
import { importCommands } from '../imports/cli.ts';
import { auditCheckpointCommand } from '../ops/audit-checkpoints.ts';
import { checkpointPaths, loadVerifyKey, verifyCheckpoints } from '../core/audit-checkpoint.ts';

/** Runs one command's work on the migrated database and closes it, also when the work fails. */
async function withDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
  const database = await openMigratedDatabase(loadConfig(), log);
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

const bar = (done: number, total: number, width = 30) => {
  const n = Math.round((done / total) * width);
  return `[${'#'.repeat(n)}${'-'.repeat(width - n)}] ${Math.round((done / total) * 100)}%`;
};

export interface Command {
  name: string;
  aliases?: string[];
  usage: string;
  summary: string;
  help?: string;
  run(args: string[]): Promise<void>;
}

const log = (line: string) => console.log(line);

export const commands: Command[] = [
  {
    name: 'start',
    usage: 'start',
    summary: 'Serve the app (builds the web client if needed, migrates, loads demo data into an empty database).',
    run: async () => (await import('./start.ts')).startServer(loadConfig()),
  },
  {
    name: 'migrate',
    usage: 'migrate',
    summary: 'Apply pending database migrations.',
    run: async () => {
      const database = await openMigratedDatabase(loadConfig(), log);
      await database.close();
      log('Database is up to date.');
    },
  },
  {
    name: 'seed',
    usage: 'seed [--force]',
    summary: 'Load the demo partnership. Refuses a non-empty database unless --force (which erases all data).',
    run: async (args) => {
      const { values } = parseArgs({ args, options: { force: { type: 'boolean', default: false } } });
      const { seedDemo } = await import('../demo/seed.ts');
      await withDatabase((database) => seedDemo(database, { force: values.force, log }));
    },
  },
  {
    name: 'create-user',
    usage: 'create-user --email E --name N (--role R --partnership SLUG | --installation-admin)',
    summary: 'Create a user (asks for the password, or reads FODFAESTE_PASSWORD); --installation-admin works on an empty database.',
    help: `Roles: ${ROLES.join(', ')}. An installation administrator creates partnerships (web: /installation) and needs no partnership.`,
    run: async (args) => {
      const { values } = parseArgs({
        args,
        options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, partnership: { type: 'string' }, 'installation-admin': { type: 'boolean', default: false } },
      });
      const { email, name } = values;
      if (!email || !name) throw new Error('--email and --name are required');
      if (values.role && !ROLES.includes(values.role as Role)) throw new Error(`--role must be one of: ${ROLES.join(', ')}`);
      await withDatabase((database) => createUser(database, { email, name, role: values.role as Role | undefined, partnershipSlug: values.partnership, installationAdmin: values['installation-admin'] }));
    },
  },
  {
    name: 'partnership',
    usage: 'partnership create --name N --slug S --municipality M [--municipality M …] [--age-from 15 --age-to 29 …] | partnership list',
    summary: 'Create a partnership (municipalities by name or official code; age band 15–29 unless given) or list them.',
    help: 'Options of create: --weekday-evening 16:00-22:00, --weekend 10:00-22:00 (the lifeline\'s hours), --suppression-threshold 5, --goals FILE.json. See docs/setup.md.',
    run: async (args) => {
      const { partnershipCommand } = await import('../partnerships/cli.ts');
      await withDatabase((database) => partnershipCommand(database, args, log));
    },
  },
  {
    name: 'audit',
    usage: 'audit verify [--checkpoints DIR] | audit checkpoint',
    summary: 'Check the audit log hash chain (exits 1 when a row was edited or removed); with --checkpoints also against the signed checkpoints in DIR. `audit checkpoint` signs every chain head into AUDIT_CHECKPOINT_DIR.',
    help: 'The checkpoints anchor the chain outside the database (docs/security.md): a row removed before the latest checkpoint and the chain recomputed passes plain verify but not verify --checkpoints. The key is AUDIT_SIGNING_KEY (an Ed25519 PEM file; its public key is enough to verify).',
    run: async (args) => {
      const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { checkpoints: { type: 'string' } } });
      if (positionals[0] === 'checkpoint') return auditCheckpointCommand();
      if (positionals[0] !== 'verify') throw new Error('usage: audit verify [--checkpoints DIR] | audit checkpoint');
      const config = loadConfig();
      const database = await openMigratedDatabase(config);
      try {
        const result = await verifyAudit(database.db, (n) => progressLine(`checked ${n} rows`));
        progressLine('', true);
        if (result.ok) log(`Audit log OK: ${result.rows} rows, chain intact.`);
        else {
          log(`Audit log BROKEN (${result.rows} rows):`);
          for (const p of result.problems) log(`  - ${p}`);
          process.exitCode = 1;
        }
        if (values.checkpoints) {
          const keyFile = config.AUDIT_SIGNING_KEY ?? checkpointPaths(config)?.keyFile;
          if (!keyFile) throw new Error('Set AUDIT_SIGNING_KEY to the signing key (or its public key) to verify checkpoints.');
          const cp = await verifyCheckpoints(database.db, values.checkpoints, loadVerifyKey(keyFile));
          if (cp.ok) log(`Checkpoints OK: the log matches the signed checkpoint ${cp.latest}.`);
          else {
            log('Checkpoints BROKEN: the log was rewritten before the latest checkpoint:');
            for (const p of cp.problems) log(`  - ${p}`);
            process.exitCode = 1;
          }
        }
      } finally {
        await database.close();
      }
    },
  },
  {
    name: 'generate',
    usage: 'generate --scale small|region|national',
    summary: 'Fill the database with fictional partnerships at scale (region: 35,000 young people, 1,000,000 journal entries and events).',
    help: 'Generated users share the password printed at the end. Use a separate database (DATABASE_URL) for benchmarks.',
    run: async (args) => {
      const { values } = parseArgs({ args, options: { scale: { type: 'string', default: 'small' } } });
      const { generate, SCALES, GENERATED_PASSWORD } = await import('../scale/generate.ts');
      const scale = SCALES[values.scale as keyof typeof SCALES];
      if (!scale) throw new Error(`--scale must be one of: ${Object.keys(SCALES).join(', ')}`);
      const database = await openMigratedDatabase(loadConfig(), log);
      const t0 = Date.now();
      try {
        log(`Generating ${values.scale}: ${scale.partnerships} partnerships, ${scale.youngPeople} young people, ${scale.companies} companies, ${scale.openings} openings, ~${scale.journalAndEvents} journal entries and events`);
        await generate(database.pool, scale, (label, done, total) => progressLine(`${bar(done, total)} ${label}`, done === total));
        log(`Done in ${((Date.now() - t0) / 1000).toFixed(0)} s. Generated users log in with the password ${GENERATED_PASSWORD} (e.g. vejleder0-0@gen.fodfaeste.dk).`);
      } finally {
        await database.close();
      }
    },
  },
  {
    name: 'db-types',
    usage: 'db-types',
    summary: 'Regenerate src/core/db-types.ts from the migrated schema (on a throwaway in-memory database).',
    run: async () => {
      const database = await openMigratedDatabase({ ...loadConfig(), DATABASE_URL: undefined, DATA_DIR: 'memory://' });
      try {
        writeFileSync(new URL('../core/db-types.ts', import.meta.url), await generateDbTypes(database.pool));
        log('Wrote src/core/db-types.ts');
      } finally {
        await database.close();
      }
    },
  },
  {
    name: 'catalog',
    usage: 'catalog import FILE | catalog export FILE.csv|FILE.xlsx',
    summary: 'Import the regional initiative catalog (.md/.txt/.csv/.xlsx, all-or-nothing) or export it.',
    help: 'Re-importing updates initiatives by their stable key and reports added/changed/unchanged. See docs/catalog.md.',
    run: async (args) => {
      const [sub, file] = args;
      if ((sub !== 'import' && sub !== 'export') || !file) throw new Error('usage: catalog import FILE | catalog export FILE.csv|FILE.xlsx');
      const cli = await import('../catalog/cli.ts');
      const code = await withDatabase((database) => sub === 'import' ? cli.catalogImportCommand(database, file, log) : cli.catalogExportCommand(database, file, log));
      if (code !== 0) process.exitCode = code;
    },
  },
  ...opsCommands,
  ...importCommands,
];
