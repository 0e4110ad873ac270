import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import QRCode from 'qrcode';
import type { InviteChannel } from '../../../../src/access/handover.ts';
import type { InviteChannels } from '../../../../src/access/schemas.ts';
import { Alert } from '../../components/Alert.tsx';
import { useLoad } from '../../components/useApi.ts';
import './access.css';

export interface Handover {
  channel?: InviteChannel;
  link?: string;
  sentTo: string;
}

/**
 * What the inviter sees after an invitation: where it was sent, or — for a link to
 * hand over — the link itself to copy, and a QR code to show on the screen. The
 * link is shown this once; the server keeps only its hash.
 */
export function InviteHandover({ result, name }: { result: Handover; name: string }) {
  const { t } = useTranslation('access');
  const [copied, setCopied] = useState(false);
  const [qr, setQr] = useState<string | null>(null);
  const [showQr, setShowQr] = useState(false);
  useEffect(() => {
    if (!result.link || !showQr) return;
    let alive = true;
    void QRCode.toString(result.link, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })
      .then((svg) => alive && setQr(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`));
    return () => { alive = false; };
  }, [result.link, showQr]);

  if (result.channel === 'sms') return <Alert variant="success">{t('handover.sms', { name, to: result.sentTo })}</Alert>;
  if (result.channel !== 'link' || !result.link) {
    return result.sentTo ? <Alert variant="success">{t('handover.email', { name, to: result.sentTo })}</Alert> : <Alert variant="info">{t('handover.hasPassword', { name })}</Alert>;
  }
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(result.link!);
      setCopied(true);
    } catch {
      (document.getElementById('handover-link') as HTMLInputElement | null)?.select();
    }
  };
  return (
    <div className="invite-handover">
      <Alert variant="warning" heading={t('handover.heading', { name })} headingLevel={3}>
        <p>{t('handover.intro')}</p>
      </Alert>
      <div className="form-group">
        <label className="form-label" htmlFor="handover-link">{t('handover.linkLabel')}</label>
        <input id="handover-link" className="form-input input-width-xl" readOnly value={result.link} onFocus={(e) => e.target.select()} />
      </div>
      <p>
        <button type="button" className="button button-primary" onClick={() => void copy()}>{copied ? t('handover.copied') : t('handover.copy')}</button>{' '}
        <button type="button" className="button button-secondary" aria-expanded={showQr} onClick={() => setShowQr(!showQr)}>{showQr ? t('handover.hideQr') : t('handover.showQr')}</button>
      </p>
      <p className="sr-only" aria-live="polite">{copied ? t('handover.copied') : ''}</p>
      {showQr && qr && <img className="invite-qr" src={qr} alt={t('handover.qrAlt', { name })} width={240} height={240} />}
    </div>
  );
}

/** The inviter picks how the invitation goes; only ways that are set up are offered. */
export function ChannelChoice({ id, value, onChange, hasPhone }: { id: string; value: InviteChannel | undefined; onChange: (c: InviteChannel) => void; hasPhone: boolean }) {
  const { t } = useTranslation('access');
  const { data } = useLoad<InviteChannels>('/api/invitations/channels');
  const options: InviteChannel[] = [...(data?.email ? ['email' as const] : []), ...(data?.sms ? ['sms' as const] : []), 'link'];
  const current = value ?? (data?.email ? 'email' : 'link');
  return (
    <fieldset className="form-group" id={id}>
      <legend className="form-label">{t('channel.legend')}</legend>
      {options.map((c) => (
        <div className="form-group-radio" key={c}>
          <input className="form-radio" type="radio" id={`${id}-${c}`} name={id} checked={current === c} onChange={() => onChange(c)} />
          <label htmlFor={`${id}-${c}`}>{t(`channel.${c}`)}{c === 'sms' && !hasPhone ? ` ${t('channel.smsNeedsPhone')}` : ''}</label>
        </div>
      ))}
    </fieldset>
  );
}
