import type { InviteChannel } from './channels.ts';
import type { Config } from '../core/config.ts';
import { AppError, badRequest } from '../core/errors.ts';
import { sendMail } from '../core/mail.ts';
import { sendSms } from '../reminders/transports.ts';

/**
 * How a one-time link (an invitation) reaches its person: by e-mail (the default
 * when SMTP_URL is set), by SMS (when SMS_URL is set and a phone number is on
 * file), or handed over by the inviter, who copies it or shows it as a QR code
 * (the default without SMTP_URL). A handed-over link is in the answer to the
 * inviter only, once; the database keeps only its hash.
 */
export { INVITE_CHANNELS, InviteChannelSchema, InviteChannelQuery, HandoverFields, type InviteChannel } from './channels.ts';

export function chooseChannel(config: Pick<Config, 'SMTP_URL' | 'SMS_URL'>, asked: InviteChannel | undefined, phone: string | null | undefined): InviteChannel {
  const channel = asked ?? (config.SMTP_URL ? 'email' : 'link');
  if (channel === 'email' && !config.SMTP_URL) {
    throw badRequest('Systemet kan ikke sende e-mail, fordi der ikke er sat en mailserver op. Vælg "Kopiér link" eller SMS i stedet.', [{ field: 'channel', message: 'E-mail er ikke sat op.' }]);
  }
  if (channel === 'sms') {
    if (!config.SMS_URL) throw badRequest('Systemet kan ikke sende SMS, fordi der ikke er sat en SMS-udbyder op. Vælg "Kopiér link" i stedet.', [{ field: 'channel', message: 'SMS er ikke sat op.' }]);
    if (!phone?.trim()) throw badRequest('Personen har intet telefonnummer. Skriv telefonnummeret først, eller vælg "Kopiér link".', [{ field: 'phone', message: 'Skriv telefonnummeret først.' }]);
  }
  return channel;
}

export interface Delivery {
  channel: InviteChannel;
  email: string;
  phone?: string | null;
  subject: string;
  /** The e-mail text around the link. */
  mailText: (link: string) => string;
  /** The SMS text around the link (short). */
  smsText: (link: string) => string;
  /** Sent to the SMS provider as reference and Idempotency-Key. */
  reference: string;
}

/** Sends the link, or gives it back for the inviter to hand over. A refusal becomes a 503 and rolls the caller's change back. */
export async function deliverLink(config: Config, link: string, d: Delivery): Promise<{ sentTo: string; channel: InviteChannel; link?: string }> {
  if (d.channel === 'link') return { sentTo: '', channel: 'link', link };
  if (d.channel === 'sms') {
    await sendSms(config, { to: d.phone!.trim(), text: d.smsText(link), reference: d.reference }).catch(() => {
      throw new AppError(503, 'sms_failed', 'SMS\'en kunne ikke sendes lige nu. Prøv igen om lidt, eller vælg "Kopiér link".');
    });
    return { sentTo: d.phone!.trim(), channel: 'sms' };
  }
  await sendMail(config, { to: d.email, subject: d.subject, text: d.mailText(link) }).catch(() => {
    throw new AppError(503, 'mail_failed', 'E-mailen kunne ikke sendes lige nu. Prøv igen om lidt, eller vælg "Kopiér link".');
  });
  return { sentTo: d.email, channel: 'email' };
}

/** The invitation by SMS, in plain Danish and short. */
export const inviteSmsText = (name: string, link: string) =>
  `Hej ${name.split(' ')[0]}. Du er inviteret til Fodfæste. Vælg din kode her (virker i 3 dage og kun én gang): ${link}`;
