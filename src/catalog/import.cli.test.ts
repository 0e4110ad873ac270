// The catalog import as an administrator runs it: `npm run cli -- catalog import FILE`.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliDatabaseEnv, runCli } from '../../test/helpers/cli.ts';
import { loadCatalogFixture, CATALOG_FIXTURE_URL } from './fixtures/alter.ts';
import { readCatalogCsv } from './parse/csv.ts';

const fixture = CATALOG_FIXTURE_URL.pathname;
const dir = mkdtempSync(path.resolve('.tmp', 'catalog-cli-'));
const file = (name: string, text: string) => {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
};

describe('catalog import on the command line', () => {
  let env: Record<string, string | undefined>;
  let close: () => Promise<void>;
  beforeAll(async () => ({ env, close } = await cliDatabaseEnv()));
  afterAll(async () => close?.());

  it('refuses a broken file, names the line, and imports nothing', async () => {
    // Café 16+ loses its heading and its project name: the entry cannot be read.
    const broken = loadCatalogFixture()
      .replace('Indsats: Café 16+\n', '\n')
      .replace('<p>Projekt navn (overskrift)</p>\t<p><b>Café 16+</b></p>', '<p>Projekt navn (overskrift)</p>\t<p></p>');
    const brokenLine = broken.split('\n').findIndex((l) => l.startsWith('<p>Projekt navn (overskrift)</p>\t<p></p>')) + 1;
    const r = await runCli(['catalog', 'import', file('broken.md', broken)], env);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`Linje ${brokenLine} (fejl)`);
    expect(r.stdout).toMatch(/Intet er indlæst: \d+ fejl i filen skal rettes først\./);
    const out = path.join(dir, 'after-broken.csv');
    const e = await runCli(['catalog', 'export', out], env);
    expect(e.stdout).toContain('Skrev 0 indsatser');
  }, 180_000);

  it('imports the shipped catalog: exactly 54 initiatives, and a re-import changes nothing', async () => {
    const first = await runCli(['catalog', 'import', fixture], env);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Fundet 54 indsatser.');
    expect(first.stdout).toContain('Tilføjet: 54, ændret: 0, uændret: 0.');
    expect(first.stdout).toMatch(/Linje 211 \(bemærkning\): ejernavnet "Norrdjurs Kommune"/);
    const again = await runCli(['catalog', 'import', fixture], env);
    expect(again.stdout).toContain('Tilføjet: 0, ændret: 0, uændret: 54.');
  }, 180_000);

  it('an updated copy reports exactly the changed initiatives; export round-trips through CSV', async () => {
    const updated = loadCatalogFixture()
      .replace('Visitation til SKUB sker gennem en myndighedsrådgiver i Ungeenheden.', 'Visitation til SKUB sker gennem Ungeenheden (opdateret).')
      .replace('Coronanedlukning og ferier har ikke nedbragt antallet af deltagere.', 'Ferier har ikke nedbragt antallet af deltagere.');
    const r = await runCli(['catalog', 'import', file('updated.md', updated)], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Tilføjet: 0, ændret: 2, uændret: 52.');
    expect(r.stdout).toContain('ændret: hedensted-kommune/skub');
    expect(r.stdout).toContain('ændret: syddjurs-kommune/cafe-16');

    const csv = path.join(dir, 'export.csv');
    expect((await runCli(['catalog', 'export', csv], env)).stdout).toContain('Skrev 54 indsatser');
    const rows = readCatalogCsv(readFileSync(csv, 'utf8'));
    expect(rows.entries).toHaveLength(54);
    expect(rows.entries.find((x) => x.key === 'hedensted-kommune/skub')?.description.general).toContain('(opdateret)');
    const back = await runCli(['catalog', 'import', csv], env);
    expect(back.stdout).toContain('Tilføjet: 0, ændret: 0, uændret: 54.');
  }, 240_000);

  it('a CSV row with an error refuses the whole file and names the row', async () => {
    const bad = file('bad.csv', 'title;owner;status;age_min\r\nGod indsats;Herning Kommune;project;18\r\nDårlig indsats;Herning Kommune;projekt;femten\r\n');
    const r = await runCli(['catalog', 'import', bad], env);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Række 3 (fejl): age_min "femten"');
    expect(r.stdout).toContain('Intet er indlæst');
    // Nothing of the bad file arrived: the original brings back exactly the two edited texts.
    const again = await runCli(['catalog', 'import', fixture], env);
    expect(again.stdout).toContain('Tilføjet: 0, ændret: 2, uændret: 52.');
  }, 180_000);
});
