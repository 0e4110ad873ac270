import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Static } from '@sinclair/typebox';
import type { SharingRecipient } from '../../../../src/youth/me-schemas.ts';
import { api } from '../../api/client.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Alert } from '../../components/Alert.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { useLoad, useSubmit } from '../youth/hooks.ts';
import { CalendarLinks } from './CalendarLinks.tsx';

type Recipient = Static<typeof SharingRecipient>;

/** "Hvem må se hvad": per party, one switch per piece of information. One tap saves. */
export function SharingPage() {
  const { t, i18n } = useTranslation('me');
  const loaded = useLoad<Recipient[]>('/api/me/sharing');
  const [list, setList] = useState<Recipient[] | null>(null);
  const [status, setStatus] = useState('');
  const s = useSubmit();
  const data = list ?? loaded.data;
  const toggle = async (r: Recipient, key: string, label: string, granted: boolean) => {
    const next = await s.run(() => api.put<Recipient[]>('/api/me/sharing', { recipientKind: r.kind, recipientId: r.id, item: key, granted }));
    if (next) {
      setList(next);
      setStatus(t(granted ? 'sharing.saved' : 'sharing.removed', { who: r.label, what: label }));
    }
  };
  return (
    <>
      <PageTitle>{t('sharing.title')}</PageTitle>
      <p>{t('sharing.intro')}</p>
      <p className="sr-only" role="status" aria-live="polite">{status}</p>
      {s.error && <Alert variant="error">{s.error.message}</Alert>}
      {loaded.error && <Alert variant="error">{loaded.error.message}</Alert>}
      {!data && !loaded.error && <Spinner />}
      {data && data.length === 0 && <p>{t('sharing.none')}</p>}
      {data?.map((r) => (
        <section key={`${r.kind}-${r.id}`} className="sharing-recipient" aria-labelledby={`r-${r.id}`}>
          <h2 id={`r-${r.id}`} className="h3">{r.label}</h2>
          <p>{t(`sharing.purpose.${r.purpose}`, { defaultValue: '' })}</p>
          {!r.active && <p>{t(r.items.some((i) => i.granted) ? 'sharing.ended' : 'sharing.endedNothing')}</p>}
          <ul className="nobullet-list sharing-items">
            {/* After an ended placement only what is still on can change (be turned off): the rest would be a long list of dead switches. */}
            {r.items.filter((item) => r.active || item.granted).map((item) => {
              const label = i18n.language === 'en' ? item.labelEn : item.label;
              return (
                <li key={item.key} className="sharing-item">
                  <button
                    type="button"
                    role="switch"
                    aria-checked={item.granted}
                    className={`sharing-switch${item.granted ? ' is-on' : ''}`}
                    disabled={s.busy || (!r.active && !item.granted)}
                    onClick={() => void toggle(r, item.key, label, !item.granted)}
                  >
                    <span className="sharing-label">{label}</span>
                    <span className="sharing-state" aria-hidden="true">{item.granted ? t('sharing.on') : t('sharing.off')}</span>
                  </button>
                  {item.classification === 'special' && <span className="sharing-special">{t('sharing.special')}</span>}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
      <CalendarLinks />
    </>
  );
}
