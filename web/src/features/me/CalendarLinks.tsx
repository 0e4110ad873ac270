import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Static } from '@sinclair/typebox';
import type { FeedView, OwnFeedView } from '../../../../src/activities/schemas.ts';
import { api } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { formatDate, useLoad, useSubmit } from '../youth/hooks.ts';
import { FeedUrl } from '../activities/FeedUrl.tsx';

type OwnFeed = Static<typeof OwnFeedView>;

/**
 * Every link to the young person's calendar, also one their counsellor made:
 * who made it, whether it still works, and a button to stop it; a link they
 * made themselves can get a new address (the old one stops working).
 */
export function CalendarLinks() {
  const { t, i18n } = useTranslation('me');
  const feeds = useLoad<OwnFeed[]>('/api/me/calendar-feeds');
  const s = useSubmit();
  const [status, setStatus] = useState('');
  const [newUrl, setNewUrl] = useState<string | null>(null);
  const revoke = async (f: OwnFeed) => {
    // 204 has no body: the run answers true itself when the call went through.
    if (await s.run(async () => { await api.delete(`/api/calendar-feeds/${f.id}`); return true; })) {
      setNewUrl(null);
      setStatus(t('calendar.revoked'));
      feeds.reload();
    }
  };
  const rotate = async (f: OwnFeed) => {
    const res = await s.run(() => api.post<Static<typeof FeedView>>(`/api/calendar-feeds/${f.id}/rotate`, {}));
    if (res?.url) {
      setNewUrl(res.url);
      setStatus(t('calendar.rotated'));
    }
  };
  return (
    <section aria-labelledby="calendar-links-me" className="mt-7">
      <h2 id="calendar-links-me" className="h3">{t('calendar.title')}</h2>
      <p>{t('calendar.intro')}</p>
      <p className="sr-only" role="status" aria-live="polite">{status}</p>
      {s.error && <Alert variant="error">{s.error.message}</Alert>}
      {feeds.error && <Alert variant="error">{feeds.error.message}</Alert>}
      {newUrl && (
        <FeedUrl id="calendar-new-url" label={t('calendar.newUrl')} hint={t('calendar.newUrlHint')} url={newUrl} />
      )}
      {feeds.data && feeds.data.length === 0 && <p>{t('calendar.none')}</p>}
      {feeds.data && feeds.data.length > 0 && (
        <ul className="nobullet-list" data-testid="my-calendar-links">
          {feeds.data.map((f) => {
            const made = t('calendar.made', { who: t(`calendar.by.${f.madeBy}`), date: formatDate(f.createdAt, i18n.language) });
            return (
              <li key={f.id} className="mb-4">
                <p className="mb-2">
                  {made}. <strong>{t(f.live ? 'calendar.live' : 'calendar.ended')}</strong>
                </p>
                <button type="button" className="button button-secondary mr-4" disabled={s.busy} onClick={() => void revoke(f)}>
                  {t('calendar.revoke')}<span className="sr-only">: {made}</span>
                </button>
                {f.madeBy === 'self' && f.live && (
                  <button type="button" className="button button-tertiary" disabled={s.busy} onClick={() => void rotate(f)}>
                    {t('calendar.rotate')}<span className="sr-only">: {made}</span>
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
