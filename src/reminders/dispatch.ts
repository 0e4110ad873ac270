import { sql } from 'kysely';
import type { Db } from '../core/db.ts';
import type { OutgoingMessage, Transport } from './transports.ts';

export const MAX_ATTEMPTS = 8;
const LEASE_SECONDS = 120;

/** Backoff after the n-th failed attempt: 30 s, 1 min, 2 min … capped at 1 hour. */
export const backoffSeconds = (attempts: number) => Math.min(3600, 30 * 2 ** Math.max(0, attempts - 1));

interface Claimed extends OutgoingMessage {
  attempts: number;
}

/**
 * Claims due rows for this worker. SKIP LOCKED lets two processes claim at the
 * same time without taking the same row; the lease marks a row as being sent,
 * and a row whose lease ran out (its worker died mid-send) is claimed again.
 */
async function claim(db: Db, limit: number, channels: readonly string[]): Promise<Claimed[]> {
  const { rows } = await sql<Claimed>`
    UPDATE outbox SET status = 'sending', attempts = attempts + 1, lease_until = now() + make_interval(secs => ${LEASE_SECONDS})
    WHERE id IN (
      SELECT id FROM outbox
      WHERE ((status = 'pending' AND next_attempt_at <= now()) OR (status = 'sending' AND lease_until < now()))
        AND channel IN (${sql.join([...channels])})
      ORDER BY id LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING id, channel, recipient, subject, body, attempts`.execute(db);
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

export interface DispatchResult {
  sent: number;
  failed: number;
  retrying: number;
}

/** Sends what is due, batch by batch, until nothing is left; returns what happened. */
export async function dispatchDue(db: Db, transports: Record<'email' | 'sms', Transport>, opts: {
  batch?: number;
  maxBatches?: number;
  /** Channels that are set up; messages for the others wait in the outbox until they are. */
  channels?: readonly ('email' | 'sms')[];
} = {}): Promise<DispatchResult> {
  const result: DispatchResult = { sent: 0, failed: 0, retrying: 0 };
  const channels = opts.channels ?? ['email', 'sms'];
  if (channels.length === 0) return result;
  for (let i = 0; i < (opts.maxBatches ?? 50); i++) {
    const rows = await claim(db, opts.batch ?? 20, channels);
    if (rows.length === 0) break;
    for (const row of rows) {
      try {
        await transports[row.channel].send(row);
        await db.updateTable('outbox').set({ status: 'sent', sent_at: new Date(), lease_until: null, last_error: null })
          .where('id', '=', row.id).where('status', '=', 'sending').execute();
        result.sent++;
      } catch (err) {
        const message = (err as Error).message.slice(0, 500);
        const giveUp = row.attempts >= MAX_ATTEMPTS;
        await db.updateTable('outbox')
          .set({
            status: giveUp ? 'failed' : 'pending',
            lease_until: null,
            last_error: message,
            next_attempt_at: new Date(Date.now() + backoffSeconds(row.attempts) * 1000),
          })
          .where('id', '=', row.id).where('status', '=', 'sending').execute();
        if (giveUp) result.failed++;
        else result.retrying++;
      }
    }
  }
  return result;
}
