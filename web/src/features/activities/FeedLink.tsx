import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { formatDate, useSubmit } from '../lifeline/hooks.ts';
import { FeedUrl } from './FeedUrl.tsx';

/** A private calendar link as GET /api/calendar-feeds lists it (src/activities/feeds.ts). */
export type Feed = { id: string; kind: string; subjectId: string; createdAt: string };

/**
 * "Abonnér i kalender" for one subject (an activity, or a young person on the counsellor's
 * page): makes a private link, shows it once (only its hash is stored), and stops links made earlier.
 */
export function FeedLink({ kind, subjectId, name, feeds, onChange, makeLabel }: {
  kind: 'activity' | 'young_person'; subjectId: string; name: string; feeds: Feed[] | undefined; onChange: () => void; makeLabel?: string;
}) {
  const { t, i18n } = useTranslation('activities');
  const [url, setUrl] = useState<string | null>(null);
  const [revoked, setRevoked] = useState(false);
  const submit = useSubmit();
  const mine = (feeds ?? []).filter((f) => f.kind === kind && f.subjectId === subjectId);
  const id = `feed-${subjectId}`;
  const make = async () => {
    setRevoked(false);
    const res = await submit.run(() => api.post<{ url: string }>('/api/calendar-feeds', { kind, subjectId }));
    if (res) { setUrl(res.url); onChange(); }
  };
  const revoke = async (feedId: string) => {
    if (await submit.run(async () => { await api.delete(`/api/calendar-feeds/${feedId}`); return true; })) { setUrl(null); setRevoked(true); onChange(); }
  };
  return (
    <div className="feed-link" data-testid="feed-link">
      {!url && (
        <button type="button" className="button button-secondary" onClick={() => void make()} disabled={submit.busy}>
          {makeLabel ?? <>{t('feed.make')}<span className="sr-only">: {name}</span></>}
        </button>
      )}
      {submit.error && <Alert variant="error" headingLevel={3}>{submit.error.message}</Alert>}
      {revoked && <Alert variant="success" headingLevel={3}>{t('calendar.revoked')}</Alert>}
      {url && (
        <FeedUrl id={`${id}-url`} label={t('feed.label', { name })} hint={t('feed.hint')} url={url} />
      )}
      {mine.length > 0 && (
        <ul className="nobullet-list" data-testid="feed-links">
          {mine.map((f) => (
            <li key={f.id}>
              {t('calendar.linkMade', { date: formatDate(f.createdAt, i18n.language, { day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' }) })}{' '}
              <button type="button" className="button button-tertiary" disabled={submit.busy} onClick={() => void revoke(f.id)}>
                {t('calendar.revoke')}<span className="sr-only">: {name}, {t('calendar.linkMade', { date: formatDate(f.createdAt, i18n.language) })}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
