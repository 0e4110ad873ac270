import { mkdirSync, writeFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { openDatabase, pgliteExtensions } from '../src/core/db.ts';
import { migrate } from '../src/core/migrate.ts';

/** Where a test file copies its database from: a migrated one, and a migrated one with the demo partnership. */
export type DbTemplates =
  | { kind: 'pglite'; migrated: string; demo: string }
  | { kind: 'postgres'; url: string; migrated: string; demo: string };

declare module 'vitest' {
  export interface ProvidedContext {
    dbTemplates: DbTemplates;
  }
}

/**
 * Migrates one database once per run; every test file then starts from a copy of
 * it, or of the demo template (the same with the demo partnership), which the
 * first file that needs it seeds once (test/helpers/db.ts). The browser tier
 * always runs on the embedded database (`FODFAESTE_TEST_ENGINE=pglite`).
 */
export default async function setup(project: TestProject) {
  const url = project.config.env?.FODFAESTE_TEST_ENGINE === 'pglite' ? undefined : process.env.DATABASE_URL;
  const made = url ? await postgresTemplates(url) : await pgliteTemplates();
  project.provide('dbTemplates', made.templates);
  return made.teardown;
}

async function pgliteTemplates() {
  const lite = await PGlite.create('memory://', { extensions: pgliteExtensions });
  const database = await openDatabase({ pglite: lite });
  await migrate(database.pool);
  const dir = path.resolve('.tmp');
  mkdirSync(dir, { recursive: true });
  const tag = `${process.pid}-${randomBytes(3).toString('hex')}`;
  const migrated = path.join(dir, `test-template-${tag}.tar`);
  // The demo template is made by the first test file that asks for it (test/helpers/db.ts).
  const demo = path.join(dir, `test-template-demo-${tag}.tar`);
  writeFileSync(migrated, Buffer.from(await (await lite.dumpDataDir('none')).arrayBuffer()));
  await database.close();
  await lite.close();
  return {
    templates: { kind: 'pglite', migrated, demo } as const,
    teardown: () => {
      for (const f of [migrated, demo, `${demo}.lock`]) rmSync(f, { force: true, recursive: true });
    },
  };
}

async function postgresTemplates(url: string) {
  const migrated = `fodfaeste_tpl_${randomBytes(4).toString('hex')}`;
  await adminQuery(url, `CREATE DATABASE ${migrated}`);
  const database = await openDatabase({ databaseUrl: withDb(url, migrated), poolSize: 1 });
  await migrate(database.pool);
  await database.close();
  return {
    templates: { kind: 'postgres', url, migrated, demo: `${migrated}_demo` } as const,
    teardown: async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      const { rows } = await c.query<{ datname: string }>(
        `SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${migrated}%`]);
      // Copies first, the templates they were made from last.
      for (const r of rows.sort((a, b) => b.datname.length - a.datname.length)) {
        await c.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`);
      }
      await c.end();
    },
  };
}

async function adminQuery(url: string, text: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

export function withDb(url: string, name: string) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
