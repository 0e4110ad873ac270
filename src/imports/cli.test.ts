// The import as the municipality's IT runs it: `npm run cli -- import|export …`.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliDatabaseEnv, runCli } from '../../test/helpers/cli.ts';
import { openDatabase } from '../core/db.ts';
import { csvOf } from './testkit.ts';

const dir = mkdtempSync(path.resolve('.tmp', 'imports-cli-'));
const file = (name: string, data: Buffer) => {
  const p = path.join(dir, name);
  writeFileSync(p, data);
  return p;
};

describe('import and export on the command line', () => {
  let env: Record<string, string | undefined>;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ env, close } = await cliDatabaseEnv());
    expect((await runCli(['migrate'], env)).code).toBe(0);
    const database = await openDatabase(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { dataDir: env.DATA_DIR! });
    await database.db.insertInto('partnerships').values({ name: 'PÅ VEJ', slug: 'paa-vej', age_min: 15, age_max: 30 }).execute();
    await database.close();
  }, 180_000);
  afterAll(async () => close?.());

  it('a dry run reports row by row and exits 1 on an error; the fixed file imports with exit 0; the export reads back', async () => {
    const bad = file('bad.csv', csvOf(['Fornavn', 'Efternavn', 'Fødselsdato', 'Startdato', 'Resultat', 'Resultatdato'], [
      ['Mads', 'Kjær', '03.04.2000', '01.03.2018', 'Fleksjob', '01.06.2021'],
      ['Lea', 'Bak', '2001-13-01', '', '', ''],
    ], 'windows-1252'));
    const dry = await runCli(['import', 'young-people', bad, '--partnership', 'paa-vej', '--dry-run'], env);
    expect(dry.code).toBe(1);
    expect(dry.stdout).toContain('Række 2 (oprettes): Mads Kjær');
    expect(dry.stdout).toContain('Række 3, kolonne «Fødselsdato»: Datoen findes ikke (2001-13-01). Skriv den som dag.måned.år.');
    expect((await runCli(['import', 'young-people', bad, '--partnership', 'paa-vej'], env)).code).toBe(1);

    const good = file('good.csv', csvOf(['Fornavn', 'Efternavn', 'Fødselsdato', 'Startdato', 'Resultat', 'Resultatdato'], [
      ['Mads', 'Kjær', '03.04.2000', '01.03.2018', 'Fleksjob', '01.06.2021'],
    ]));
    expect((await runCli(['import', 'young-people', good, '--partnership', 'paa-vej', '--dry-run'], env)).code).toBe(0);
    const done = await runCli(['import', 'young-people', good, '--partnership', 'paa-vej'], env);
    expect(done.code).toBe(0);
    expect(done.stdout.trim().split('\n').at(-1)).toBe('Importeret: 1 oprettet, 0 fandtes allerede.');

    const out = path.join(dir, 'unge.csv');
    const exported = await runCli(['export', 'young-people', out, '--partnership', 'paa-vej'], env);
    expect(exported.code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text.startsWith('\uFEFFFornavn;Efternavn;Fødselsdato')).toBe(true);
    expect(text).toContain('Mads;Kjær;03.04.2000;');
    expect(text).toContain(';01.03.2018;Fleksjob;;01.06.2021;');
    expect((await runCli(['import', 'young-people', out, '--partnership', 'nope'], env)).stderr).toMatch(/Netværket "nope" findes ikke/);
  }, 180_000);
});
