import type { Config } from '../core/config.ts';
import { sendMail } from '../core/mail.ts';

export interface OutgoingMessage {
  id: number;
  channel: 'email' | 'sms';
  recipient: string;
  subject: string | null;
  body: string;
}

/** One way out (e-mail, SMS). Sending again with the same outbox id must be harmless for the receiver. */
export interface Transport {
  send(msg: OutgoingMessage): Promise<void>;
}

export const idempotencyKey = (id: number) => `fodfaeste-outbox-${id}`;

export function emailTransport(config: Pick<Config, 'SMTP_URL' | 'MAIL_FROM'>): Transport {
  return {
    async send(msg) {
      await sendMail(config, {
        to: msg.recipient,
        subject: msg.subject ?? 'Påmindelse fra Fodfæste',
        text: msg.body,
        messageId: `<${idempotencyKey(msg.id)}@fodfaeste>`,
        headers: { 'X-Fodfaeste-Outbox-Id': String(msg.id) },
      });
    },
  };
}

/**
 * The SMS provider interface has one HTTP implementation: a JSON POST to SMS_URL
 * with a bearer token. The reference (and Idempotency-Key header) is the outbox
 * id, so a provider that deduplicates drops a resend after a crash.
 */
export function httpSmsTransport(config: Pick<Config, 'SMS_URL' | 'SMS_TOKEN'>, timeoutMs = 10_000): Transport {
  return {
    send: (msg) => sendSms(config, { to: msg.recipient, text: msg.body, reference: idempotencyKey(msg.id) }, timeoutMs),
  };
}

/** One SMS through SMS_URL; also used for invitations and password resets (src/access/), which never go through the outbox. */
export async function sendSms(config: Pick<Config, 'SMS_URL' | 'SMS_TOKEN'>, sms: { to: string; text: string; reference: string }, timeoutMs = 10_000) {
  if (!config.SMS_URL) throw new Error('SMS er ikke sat op (SMS_URL mangler).');
  const res = await fetch(config.SMS_URL, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'idempotency-key': sms.reference,
      ...(config.SMS_TOKEN ? { authorization: `Bearer ${config.SMS_TOKEN}` } : {}),
    },
    body: JSON.stringify(sms),
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (!res.ok) throw new Error(`SMS-udbyderen svarede ${res.status}`);
}

export function transportsFor(config: Config): Record<'email' | 'sms', Transport> {
  return { email: emailTransport(config), sms: httpSmsTransport(config) };
}

/** The channels whose transport is configured. */
export function configuredChannels(config: Pick<Config, 'SMTP_URL' | 'SMS_URL'>): ('email' | 'sms')[] {
  return [...(config.SMTP_URL ? ['email' as const] : []), ...(config.SMS_URL ? ['sms' as const] : [])];
}
