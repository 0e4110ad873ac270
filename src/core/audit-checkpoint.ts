import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from './config.ts';
import type { Db } from './db.ts';
import { LEGACY_CHAIN } from './audit-chain.ts';

/**
 * The audit chain's anchor outside the database. The chain (audit-chain.ts)
 * shows an edited or removed row to anyone who cannot rewrite the database; a
 * database owner can delete a row and recompute every later hash and the heads,
 * and plain `audit verify` then says OK. A checkpoint records every chain's head
 * (last row id and hash) at one moment, signed with an Ed25519 key that is not
 * in the database, in a file that is not in the database. A rewrite of any row
 * before a checkpoint changes the hash of the row the checkpoint names (or
 * removes it), which `audit verify --checkpoints DIR` reports.
 *
 * What it does not cover: rows written after the latest checkpoint (a rewrite
 * there shows at the next checkpoint only if the rewriter has not also replaced
 * the files, which needs the signing key), and someone who holds both the
 * database and the signing key.
 */
export interface ChainHead {
  chain: string;
  lastId: number;
  lastHash: string;
}
export interface Checkpoint {
  version: 1;
  at: string;
  chains: ChainHead[];
}
interface CheckpointFile {
  checkpoint: Checkpoint;
  /** Ed25519 signature (base64) of JSON.stringify(checkpoint). */
  signature: string;
}

const PREFIX = 'audit-checkpoint-';

/** Where checkpoints go and where the signing key is; null when neither is configured on an in-memory database. */
export function checkpointPaths(config: Pick<Config, 'DATA_DIR' | 'AUDIT_CHECKPOINT_DIR' | 'AUDIT_SIGNING_KEY'>): { dir: string; keyFile: string } | null {
  const memory = config.DATA_DIR.startsWith('memory://');
  if (memory && !config.AUDIT_CHECKPOINT_DIR) return null;
  // The data folder's sibling: a copy of the data folder (or the database) does not carry the key or the files.
  const parent = memory ? path.resolve(config.AUDIT_CHECKPOINT_DIR!, '..') : path.resolve(config.DATA_DIR, '..');
  return {
    dir: path.resolve(config.AUDIT_CHECKPOINT_DIR ?? path.join(parent, 'audit-checkpoints')),
    keyFile: path.resolve(config.AUDIT_SIGNING_KEY ?? path.join(parent, 'audit-signing-key.pem')),
  };
}

/** The private signing key; created (mode 0600) on first use. Two processes at once end up with the same key ('wx'). */
export function loadSigningKey(keyFile: string): KeyObject {
  try {
    return createPrivateKey(readFileSync(keyFile, 'utf8'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  mkdirSync(path.dirname(keyFile), { recursive: true });
  const { privateKey } = generateKeyPairSync('ed25519');
  try {
    writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { flag: 'wx', mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  return createPrivateKey(readFileSync(keyFile, 'utf8'));
}

/** A private key gives its public key; a public key file (SPKI PEM) is accepted as is, for an auditor who holds only that. */
export function loadVerifyKey(keyFile: string): KeyObject {
  const pem = readFileSync(keyFile, 'utf8');
  return pem.includes('PRIVATE KEY') ? createPublicKey(createPrivateKey(pem)) : createPublicKey(pem);
}

/** Every chain's head now, the legacy chain (before the split per partnership) included. */
export async function chainHeads(db: Db): Promise<ChainHead[]> {
  const heads = await db.selectFrom('audit_chain_heads').select(['chain', 'last_id', 'last_hash']).orderBy('chain').execute();
  const legacy = await db.selectFrom('audit_head').select(['last_id', 'last_hash']).where('id', '=', 1).executeTakeFirst();
  const all = heads.map((h) => ({ chain: h.chain, lastId: Number(h.last_id), lastHash: h.last_hash }));
  if (legacy && Number(legacy.last_id) > 0) all.push({ chain: LEGACY_CHAIN, lastId: Number(legacy.last_id), lastHash: legacy.last_hash });
  return all.filter((h) => h.lastId > 0);
}

/** Signs the current heads and writes them to a new file in `dir`. Returns the file's path. */
export async function writeCheckpoint(db: Db, dir: string, key: KeyObject, now = new Date()): Promise<string> {
  const checkpoint: Checkpoint = { version: 1, at: now.toISOString(), chains: await chainHeads(db) };
  const signature = sign(null, Buffer.from(JSON.stringify(checkpoint)), key).toString('base64');
  mkdirSync(dir, { recursive: true });
  // The time sorts the files; a random-free name keeps two writes in one millisecond apart by 'wx' failing loudly.
  const file = path.join(dir, `${PREFIX}${checkpoint.at.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify({ checkpoint, signature } satisfies CheckpointFile, null, 2) + '\n', { flag: 'wx', mode: 0o644 });
  return file;
}

export interface CheckpointVerification {
  ok: boolean;
  /** The file the database was compared with (the newest correctly signed one). */
  latest: string | null;
  problems: string[];
}

/**
 * Compares the database with the newest correctly signed checkpoint in `dir`:
 * each chain's checkpointed head row must still be there, in that chain, with
 * that hash. Rows a retention purge removed are not a rewrite: the purge record
 * (audit_purge_chains) then holds the hash of the chain at the cut. A file whose
 * signature does not hold is reported and not trusted.
 */
export async function verifyCheckpoints(db: Db, dir: string, key: KeyObject): Promise<CheckpointVerification> {
  const problems: string[] = [];
  const files = readdirSync(dir).filter((f) => f.startsWith(PREFIX) && f.endsWith('.json')).sort();
  let latest: { name: string; checkpoint: Checkpoint } | null = null;
  for (const name of files) {
    let parsed: CheckpointFile;
    try {
      parsed = JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as CheckpointFile;
    } catch {
      problems.push(`checkpoint ${name}: not readable JSON`);
      continue;
    }
    const good = parsed.checkpoint && typeof parsed.signature === 'string'
      && verify(null, Buffer.from(JSON.stringify(parsed.checkpoint)), key, Buffer.from(parsed.signature, 'base64'));
    if (!good) problems.push(`checkpoint ${name}: the signature does not hold (the file was changed or signed with another key)`);
    else if (!latest || parsed.checkpoint.at >= latest.checkpoint.at) latest = { name, checkpoint: parsed.checkpoint };
  }
  if (!latest) {
    problems.push(`no correctly signed checkpoint in ${dir}`);
    return { ok: false, latest: null, problems };
  }
  for (const head of latest.checkpoint.chains) {
    const problem = await checkHead(db, head);
    if (problem) problems.push(`chain ${head.chain}: ${problem} (checkpoint ${latest.name}, ${latest.checkpoint.at})`);
  }
  return { ok: problems.length === 0, latest: latest.name, problems };
}

async function checkHead(db: Db, head: ChainHead): Promise<string | null> {
  const row = await db.selectFrom('audit_log').select(['id', 'partnership_id', 'hash']).where('id', '=', head.lastId).executeTakeFirst();
  if (!row) {
    // Purged by retention? The purge recorded the chain's hash at its cut.
    const cut = await db.selectFrom('audit_purge_chains').select(['through_id', 'through_hash']).where('chain', '=', head.chain)
      .orderBy('purge_id', 'desc').limit(1).executeTakeFirst();
    if (cut && Number(cut.through_id) > head.lastId) return null;
    if (cut && Number(cut.through_id) === head.lastId) return cut.through_hash === head.lastHash ? null : `row ${head.lastId} was rewritten before it was purged`;
    return `row ${head.lastId}, the chain's head at the checkpoint, is gone: rows were removed and the chain rewritten`;
  }
  if (row.hash !== head.lastHash) return `row ${head.lastId} no longer has the hash the checkpoint signed: rows before it were removed or changed and the chain recomputed`;
  const chain = head.chain === LEGACY_CHAIN ? LEGACY_CHAIN : row.partnership_id ?? 'system';
  if (head.chain !== LEGACY_CHAIN && chain !== head.chain) return `row ${head.lastId} now belongs to chain ${chain}`;
  return null;
}
