import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { Static } from '@sinclair/typebox';
import type { CatalogSuggestions } from '../../../../src/catalog/schemas.ts';
import { api, ApiError } from '../../api/client.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { Alert } from '../../components/Alert.tsx';
import type { Loaded } from '../../components/useApi.ts';
import { useSession } from '../../app/session.tsx';
import { ageText } from './format.ts';
import './catalog.css';

type Suggestions = Static<typeof CatalogSuggestions>;

/** "Forslag fra kataloget" for one young person: ranked initiatives with reasons; counsellors link the pathway. */
export function SuggestionsPage() {
  const { t } = useTranslation('catalog');
  const { id } = useParams();
  const session = useSession();
  const [reload, setReload] = useState(0);
  const [message, setMessage] = useState<{ variant: 'success' | 'error'; text: string } | null>(null);
  const [result, setResult] = useState<Loaded<Suggestions>>({ state: 'loading' });
  useEffect(() => {
    // Reloaded after each link change; the old list stays visible meanwhile.
    const controller = new AbortController();
    api.get<Suggestions>(`/api/youth/${id}/catalog-suggestions`, { signal: controller.signal })
      .then((data) => setResult({ state: 'done', data }))
      .catch((err: unknown) => {
        if (!controller.signal.aborted) setResult({ state: 'error', error: err instanceof ApiError ? err : new ApiError(0, 'unknown', String(err)) });
      });
    return () => controller.abort();
  }, [id, reload]);
  const canLink = session.role === 'counsellor';

  async function toggle(key: string, title: string, linked: boolean) {
    try {
      if (linked) await api.delete(`/api/youth/${id}/initiatives/${key}`);
      else await api.post(`/api/youth/${id}/initiatives`, { initiativeKey: key });
      setMessage({ variant: 'success', text: t(linked ? 'suggest.unlinkedDone' : 'suggest.linkedDone', { title }) });
      setReload((n) => n + 1);
    } catch (err) {
      setMessage({ variant: 'error', text: err instanceof ApiError ? err.message : String(err) });
    }
  }

  return (
    <div className="catalog">
      <p><Link to={`/youth/${id}`}>←</Link></p>
      <PageTitle subtitle={t('suggest.intro')}>{t('suggest.title')}</PageTitle>
      <div aria-live="polite">{message && <Alert variant={message.variant}>{message.text}</Alert>}</div>
      {result.state === 'loading' && <Spinner />}
      {result.state === 'error' && <Alert variant="error">{result.error.message}</Alert>}
      {result.state === 'done' && (
        <>
          <p>{result.data.needsNote}</p>
          <section aria-labelledby="linked-heading">
            <h2 id="linked-heading" className="h3">{t('suggest.linkedTitle')}</h2>
            {result.data.linked.length === 0 ? <p>{t('suggest.linkedNone')}</p> : (
              <ul>
                {result.data.linked.map((i) => (
                  <li key={i.key}>
                    <Link to={`/katalog/${i.key}`}>{i.title}</Link>{' '}
                    {canLink && <button type="button" className="button button-tertiary" onClick={() => toggle(i.key, i.title, true)}>{t('suggest.unlink')}</button>}
                  </li>
                ))}
              </ul>
            )}
          </section>
          {result.data.items.length === 0 && <p>{t('suggest.none')}</p>}
          <ol className="catalog-results">
            {result.data.items.map((s) => (
              <li key={s.initiative.key} className="catalog-result">
                <h2 className="h4"><Link to={`/katalog/${s.initiative.key}`}>{s.initiative.title}</Link></h2>
                <p className="catalog-meta">
                  {s.initiative.owner} · {ageText(t, s.initiative.ageMin, s.initiative.ageMax)} · {t('suggest.score', { score: Math.round(s.score) })}
                </p>
                <h3 className="h5">{t('suggest.reasons')}</h3>
                <ul>{s.reasons.map((r) => <li key={r}>{r}</li>)}</ul>
                {canLink && !s.linked && (
                  <button type="button" className="button button-secondary" onClick={() => toggle(s.initiative.key, s.initiative.title, false)}>{t('suggest.link')}</button>
                )}
                {s.linked && <p><strong>{t('suggest.linkedBadge')}</strong></p>}
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
