// Property: no import, in any column order or encoding, ever stores a CPR-like value.
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/helpers/db.ts';
import { makePartnership, makeUser } from '../../test/helpers/factories.ts';
import type { Database } from '../core/db.ts';
import { containsCpr } from '../core/cpr.ts';
import { importFile } from './import-file.ts';
import { csvOf, xlsxOf } from './testkit.ts';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.close());

const HEADERS = ['Fornavn', 'Efternavn', 'Fødselsdato', 'Sagsnummer', 'Adresse', 'Bedste kontakttid', 'Forælder/værge', 'Noter fra regnearket'];
const pad = (n: number) => String(n).padStart(2, '0');

const cprLike = fc.record({
  d: fc.integer({ min: 1, max: 28 }), m: fc.integer({ min: 1, max: 12 }), y: fc.integer({ min: 0, max: 99 }), seq: fc.integer({ min: 0, max: 9999 }),
  sep: fc.constantFrom('-', '', ' '), around: fc.constantFrom(['', ''], ['CPR ', ''], ['ring om ', ' i morgen'], ['(', ')']),
}).map(({ d, m, y, seq, sep, around }) => `${around[0]}${pad(d)}${pad(m)}${pad(y)}${sep}${String(seq).padStart(4, '0')}${around[1]}`);

const plainText = fc.stringMatching(/^[A-Za-zÆØÅæøå ]{1,20}$/).map((s) => s.trim() || 'Tekst');
const person = fc.record({
  first: plainText, last: plainText, year: fc.integer({ min: 1998, max: 2007 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }),
  caseRef: fc.stringMatching(/^[A-Z]{2,4}-[0-9]{1,5}$/), address: plainText, times: plainText, guardian: plainText, notes: plainText,
}).map((p) => [p.first, p.last, `${pad(p.day)}.${pad(p.month)}.${p.year}`, p.caseRef, p.address, p.times, p.guardian, p.notes]);

const scenario = fc.record({
  rows: fc.array(person, { minLength: 1, maxLength: 6 }),
  order: fc.shuffledSubarray([0, 1, 2, 3, 4, 5, 6, 7], { minLength: 8, maxLength: 8 }),
  encoding: fc.constantFrom('utf-8', 'utf-8-bom', 'windows-1252', 'xlsx'),
  // Where a CPR-like value goes in (row, column), or nowhere.
  plant: fc.option(fc.record({ row: fc.nat(), col: fc.integer({ min: 0, max: 7 }), value: cprLike, replace: fc.boolean() }), { freq: 3 }),
});

it('no import, in any column order or encoding, stores a CPR-like value; a file with one is refused naming its row', async () => {
  const p = await makePartnership(database.db);
  const counsellor = await makeUser(database.db, p.id, 'counsellor');
  const actor = { userId: counsellor.id, partnershipId: p.id, role: 'counsellor' as const };
  await fc.assert(fc.asyncProperty(scenario, async ({ rows, order, encoding, plant }) => {
    const data = rows.map((r) => [...r]);
    let plantedRow: number | null = null;
    if (plant) {
      const r = plant.row % data.length;
      data[r]![plant.col] = plant.replace ? plant.value : `${data[r]![plant.col]} ${plant.value}`;
      plantedRow = r + 2;
    }
    const headers = order.map((i) => HEADERS[i]!);
    const cells = data.map((r) => order.map((i) => r[i]!));
    const file = encoding === 'xlsx' ? await xlsxOf(headers, cells) : csvOf(headers, cells, encoding);
    const report = await importFile(database.db, { set: 'young-people', fileName: `f.${encoding === 'xlsx' ? 'xlsx' : 'csv'}`, data: file, actor, dryRun: false });
    if (plantedRow !== null) {
      expect(report.imported).toBe(false);
      expect(report.rows.find((x) => x.row === plantedRow)?.problems.some((x) => /CPR/.test(x.message))).toBe(true);
    }
    const stored = await database.db.selectFrom('young_people').selectAll().where('partnership_id', '=', p.id).execute();
    for (const row of stored) for (const v of Object.values(row)) if (typeof v === 'string') expect(containsCpr(v)).toBe(false);
  }), { numRuns: 40 });
}, 120_000);
