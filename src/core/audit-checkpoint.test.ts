import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { makePartnership, makeUser, makeYoungPerson } from '../../test/helpers/factories.ts';
import { rowHash, verifyAudit } from './audit.ts';
import { checkpointPaths, loadSigningKey, loadVerifyKey, verifyCheckpoints, writeCheckpoint } from './audit-checkpoint.ts';
import { runAuditCheckpoint } from '../ops/audit-checkpoints.ts';

let t: TestApp;
let partnershipId: string;
let youngPersonId: string;
let dir: string;
let keyFile: string;

beforeAll(async () => {
  t = await createTestApp();
  const p = await makePartnership(t.db);
  partnershipId = p.id;
  const counsellor = await makeUser(t.db, p.id, 'counsellor');
  youngPersonId = (await makeYoungPerson(t.db, p.id, { counsellorId: counsellor.id })).id;
  const client = await t.login(counsellor.email);
  for (let i = 0; i < 6; i++) expect((await client.get(`/api/youth/${youngPersonId}`)).statusCode).toBe(200);
  const root = mkdtempSync(path.resolve('.tmp', 'audit-anchor-'));
  dir = path.join(root, 'audit-checkpoints');
  keyFile = path.join(root, 'audit-signing-key.pem');
});
afterAll(() => t.close());

/** The attack of a database owner: remove one row of a chain and recompute every later hash and the head. */
async function deleteRowAndRecomputeChain(chain: string, victimId: number) {
  await sql`ALTER TABLE audit_log DISABLE TRIGGER USER`.execute(t.db);
  try {
    await sql`DELETE FROM audit_log WHERE id = ${victimId}`.execute(t.db);
    const rows = await t.db.selectFrom('audit_log').selectAll().where('partnership_id', '=', chain).orderBy('id').execute();
    let prev = rows[0].prev_hash;
    for (const r of rows) {
      const hash = rowHash(prev, r);
      await sql`UPDATE audit_log SET prev_hash = ${prev}, hash = ${hash} WHERE id = ${r.id}`.execute(t.db);
      prev = hash;
    }
    await t.db.updateTable('audit_chain_heads').set({ last_hash: prev }).where('chain', '=', chain).execute();
  } finally {
    await sql`ALTER TABLE audit_log ENABLE TRIGGER USER`.execute(t.db);
  }
}

describe('audit chain anchored outside the database', () => {
  it('signs every chain head into a file with a key the database does not hold', async () => {
    const file = await writeCheckpoint(t.db, dir, loadSigningKey(keyFile));
    const { checkpoint, signature } = JSON.parse(readFileSync(file, 'utf8'));
    const head = await t.db.selectFrom('audit_chain_heads').selectAll().where('chain', '=', partnershipId).executeTakeFirstOrThrow();
    expect(checkpoint.chains).toContainEqual({ chain: partnershipId, lastId: Number(head.last_id), lastHash: head.last_hash });
    expect(signature).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(statSync(keyFile).mode & 0o077).toBe(0); // the private key is readable by its owner only
    expect(await verifyCheckpoints(t.db, dir, loadVerifyKey(keyFile))).toMatchObject({ ok: true, problems: [] });
  });

  it('finds a row removed before the checkpoint with the chain recomputed, which plain verify accepts', async () => {
    // More reads after the checkpoint: the head moves on, and the rewrite reaches past the checkpointed row.
    const client = await t.login((await t.db.selectFrom('users').select('email').where('name', 'like', 'Bruger%').executeTakeFirstOrThrow()).email);
    await client.get(`/api/youth/${youngPersonId}`);
    const chainRows = await t.db.selectFrom('audit_log').select('id').where('partnership_id', '=', partnershipId).orderBy('id').execute();
    await deleteRowAndRecomputeChain(partnershipId, chainRows[2].id);

    expect(await verifyAudit(t.db)).toMatchObject({ ok: true, problems: [] });
    const result = await verifyCheckpoints(t.db, dir, loadVerifyKey(keyFile));
    const [checkpointFile] = readdirSync(dir);
    expect(result.ok).toBe(false);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toContain(`chain ${partnershipId}`);
    expect(result.problems[0]).toContain(checkpointFile);
  });

  it('does not trust a checkpoint file that was edited to match the rewrite', async () => {
    const [name] = readdirSync(dir);
    const file = path.join(dir, name);
    const content = JSON.parse(readFileSync(file, 'utf8'));
    const head = await t.db.selectFrom('audit_chain_heads').selectAll().where('chain', '=', partnershipId).executeTakeFirstOrThrow();
    const row = await t.db.selectFrom('audit_log').select('hash').where('id', '=', content.checkpoint.chains.find((c: { chain: string }) => c.chain === partnershipId).lastId).executeTakeFirst();
    for (const c of content.checkpoint.chains) if (c.chain === partnershipId) c.lastHash = row?.hash ?? head.last_hash;
    writeFileSync(file, JSON.stringify(content));
    const result = await verifyCheckpoints(t.db, dir, loadVerifyKey(keyFile));
    expect(result.ok).toBe(false);
    expect(result.problems.join('\n')).toMatch(/signature does not hold/);
  });

  it('is written where the configuration says, beside the data folder by default', async () => {
    expect(checkpointPaths({ DATA_DIR: '/srv/fodfaeste/data' })).toEqual({ dir: '/srv/fodfaeste/audit-checkpoints', keyFile: '/srv/fodfaeste/audit-signing-key.pem' });
    expect(checkpointPaths({ DATA_DIR: 'memory://' })).toBeNull();
    const other = path.join(path.dirname(dir), 'elsewhere');
    const file = await runAuditCheckpoint(t.db, { ...t.config, AUDIT_CHECKPOINT_DIR: other, AUDIT_SIGNING_KEY: keyFile });
    expect(file?.startsWith(other)).toBe(true);
  });
});
