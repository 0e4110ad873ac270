import type { Db } from './db.ts';
import { appendToChain, type PendingAuditRow } from './audit-chain.ts';

/** Rows per statement: bounds the statement's size and the time a chain's head stays locked. */
const MAX_BATCH = 500;

interface Waiting {
  row: PendingAuditRow;
  settle: (err?: unknown) => void;
}

/**
 * Group commit for audit rows written outside a transaction (reads and searches).
 * Per chain, one statement is in flight at a time; rows that arrive meanwhile
 * wait and go together in the next statement. At low load a row is written at
 * once (no timer, no added wait); under load many reads share one statement,
 * one head lock and one commit flush instead of each paying for their own.
 * Every caller learns its own row's fate: a failed statement fails every read
 * in it.
 */
class AuditBatchWriter {
  private readonly waiting = new Map<string, Waiting[]>();
  private readonly writing = new Set<string>();

  constructor(private readonly db: Db) {}

  add(row: PendingAuditRow): Promise<void> {
    return new Promise((resolve, reject) => {
      const queue = this.waiting.get(row.chain) ?? [];
      queue.push({ row, settle: (err) => (err === undefined ? resolve() : reject(err)) });
      this.waiting.set(row.chain, queue);
      if (!this.writing.has(row.chain)) void this.drain(row.chain);
    });
  }

  private async drain(chain: string) {
    this.writing.add(chain);
    try {
      for (let queue = this.waiting.get(chain); queue?.length; queue = this.waiting.get(chain)) {
        const batch = queue.splice(0, MAX_BATCH);
        try {
          await appendToChain(this.db, batch.map((w) => w.row));
          for (const w of batch) w.settle();
        } catch (err) {
          for (const w of batch) w.settle(err);
        }
      }
      this.waiting.delete(chain);
    } finally {
      this.writing.delete(chain);
    }
  }
}

const writers = new WeakMap<Db, AuditBatchWriter>();

/** Reads' audit rows for `db` are written through `through` (openDatabase: connections of their own). */
export function writeReadAuditsThrough(db: Db, through: Db) {
  writers.set(db, new AuditBatchWriter(through));
}

/** One writer per database handle, so each test app (and each process) batches its own rows. */
export function batchWriterFor(db: Db): AuditBatchWriter {
  let writer = writers.get(db);
  if (!writer) writers.set(db, (writer = new AuditBatchWriter(db)));
  return writer;
}
