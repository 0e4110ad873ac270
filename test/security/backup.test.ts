import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { audit, verifyAudit } from '../../src/core/audit.ts';
import type { Database } from '../../src/core/db.ts';
import { backup, restore, RestoreRefused } from '../../src/ops/backup.ts';
import { createTestDatabase } from '../helpers/db.ts';

const dir = path.resolve('.tmp');
const file = path.join(dir, `backup-test-${randomBytes(4).toString('hex')}.jsonl.gz`);
const made: string[] = [file];
let source: Database;
let target: Database;

async function counts(db: Database['db']) {
  const { rows } = await sql<{ table_name: string }>`
    SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`.execute(db);
  const out: Record<string, number> = {};
  for (const r of rows) {
    const { rows: c } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(r.table_name)}`.execute(db);
    out[r.table_name] = c[0].n;
  }
  return out;
}

beforeAll(async () => {
  mkdirSync(dir, { recursive: true });
  source = await createTestDatabase({ demo: true });
  target = await createTestDatabase();
  // A few audit rows, so the chain has something to prove.
  await source.db.transaction().execute(async (trx) => {
    const yp = await trx.selectFrom('young_people').select('id').limit(1).executeTakeFirstOrThrow();
    for (let i = 0; i < 3; i++) await audit(trx, null, { action: 'read', subjectKind: 'young_person', subjectId: yp.id, purpose: 'backup_test' });
  });
}, 180_000);
afterAll(async () => {
  await source?.close();
  await target?.close();
  for (const f of made) rmSync(f, { force: true });
});

describe('backup and restore', () => {
  it('restores a backup into a fresh database: the same rows, the audit chain verifies, and sequences continue', async () => {
    const lines: string[] = [];
    const made = await backup(source, file, (l) => lines.push(l));
    expect(made.rows).toBeGreaterThan(10);
    expect(lines.at(-1)).toMatch(/backup: \d+ tables, \d+ rows written/);

    const restored = await restore(target, file, { progress: (l) => lines.push(l) });
    expect(restored.rows).toBe(made.rows);
    expect(await counts(target.db)).toEqual(await counts(source.db));

    const yp = await source.db.selectFrom('young_people').selectAll().orderBy('id').executeTakeFirstOrThrow();
    expect(await target.db.selectFrom('young_people').selectAll().where('id', '=', yp.id).executeTakeFirst()).toEqual(yp);
    const user = await source.db.selectFrom('users').selectAll().orderBy('email').executeTakeFirstOrThrow();
    expect(await target.db.selectFrom('users').selectAll().where('id', '=', user.id).executeTakeFirst()).toEqual(user);

    const verified = await verifyAudit(target.db);
    expect(verified.problems).toEqual([]);
    expect(verified.rows).toBeGreaterThanOrEqual(3);
    // New audit rows continue the restored chain (the id sequence was moved past the restored rows).
    await target.db.transaction().execute((trx) => audit(trx, null, { action: 'search', subjectKind: 'young_person', criterion: 'x', purpose: 'after_restore' }));
    expect((await verifyAudit(target.db)).ok).toBe(true);
  });

  it('refuses a non-empty database unless forced, and a forced restore replaces the data', async () => {
    await expect(restore(target, file)).rejects.toThrow(RestoreRefused);
    await target.db.insertInto('partnerships').values({ name: 'Ekstra', slug: 'ekstra-efter-backup' }).execute();
    await restore(target, file, { force: true });
    expect(await target.db.selectFrom('partnerships').select('id').where('slug', '=', 'ekstra-efter-backup').executeTakeFirst()).toBeUndefined();
    expect((await verifyAudit(target.db)).ok).toBe(true);
  });

  it('refuses a cut-off or foreign file and leaves the database as it was', async () => {
    const text = gunzipSync(readFileSync(file)).toString('utf8').trimEnd().split('\n');
    const cut = path.join(dir, `cut-${randomBytes(4).toString('hex')}.jsonl.gz`);
    made.push(cut);
    writeFileSync(cut, gzipSync(text.slice(0, -3).join('\n')));
    const before = await counts(target.db);
    await expect(restore(target, cut, { force: true })).rejects.toThrow(/incomplete/);
    expect(await counts(target.db)).toEqual(before);
    const foreign = path.join(dir, `foreign-${randomBytes(4).toString('hex')}.jsonl.gz`);
    made.push(foreign);
    writeFileSync(foreign, gzipSync('{"hello":"world"}\n'));
    await expect(restore(target, foreign, { force: true })).rejects.toThrow(/not a Fodfæste backup/);
  });
});
