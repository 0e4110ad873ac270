import type { Db } from './db.ts';
import { appendToChain, type PendingAuditRow } from './audit-chain.ts';

/** Rows per statement: bounds the statement's size and the time the chains' heads stay locked. */
const MAX_BATCH = 500;

interface Waiting {
  row: PendingAuditRow;
  settle: (err?: unknown) => void;
}

/**
 * Group commit for audit rows written outside a transaction (reads and searches).
 * One statement is in flight at a time, for every chain at once; rows that arrive
 * meanwhile wait and go together in the next statement. At low load a row is
 * written at once (no timer, no added wait); under load many reads share one
 * statement and one commit flush instead of each paying for their own. (One
 * statement per partnership's chain, as before, meant up to one commit per
 * partnership per round on two connections: 200–340 ms of waiting per read in
 * the region benchmark.) Every caller learns its own row's fate: a failed
 * statement fails every read in it.
 */
class AuditBatchWriter {
  private waiting: Waiting[] = [];
  private writing = false;

  constructor(private readonly db: Db) {}

  add(row: PendingAuditRow): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ row, settle: (err) => (err === undefined ? resolve() : reject(err)) });
      if (!this.writing) void this.drain();
    });
  }

  private async drain() {
    this.writing = true;
    try {
      while (this.waiting.length) {
        const batch = this.waiting.splice(0, MAX_BATCH);
        try {
          await appendWithRetry(this.db, batch.map((w) => w.row));
          for (const w of batch) w.settle();
        } catch (err) {
          for (const w of batch) w.settle(err);
        }
      }
    } finally {
      this.writing = false;
    }
  }
}

/**
 * The statement locks several chains' heads in chain order; a transaction that
 * audits into two chains the other way round could meet it in a deadlock, which
 * PostgreSQL ends by aborting one side. If that is the group, nothing of it was
 * written, and it is tried once more.
 */
async function appendWithRetry(db: Db, rows: PendingAuditRow[]) {
  try {
    await appendToChain(db, rows);
  } catch (err) {
    if ((err as { code?: string }).code !== '40P01') throw err;
    await appendToChain(db, rows);
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
