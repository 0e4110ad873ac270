import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Story } from '../../../../src/companies/schemas.ts';
import { api } from '../../api/client.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Alert } from '../../components/Alert.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { useLoad, useSubmit } from '../../components/useApi.ts';

/** The stories written about me: I read each one and say yes or no to showing it to the network. One tap. */
export function StoriesPage() {
  const { t } = useTranslation('me');
  const loaded = useLoad<Story[]>('/api/me/stories');
  const [changed, setChanged] = useState<Record<string, Story>>({});
  const [status, setStatus] = useState('');
  const s = useSubmit();
  const toggle = async (story: Story, granted: boolean) => {
    setStatus('');
    const next = await s.run(() => api.post<Story>(`/api/me/stories/${story.id}/consent`, { granted }));
    if (next) {
      setChanged((prev) => ({ ...prev, [story.id]: next }));
      setStatus(t(granted ? 'stories.savedOn' : 'stories.savedOff', { title: story.title }));
    }
  };
  const stories = loaded.data?.map((x) => changed[x.id] ?? x);
  return (
    <>
      <PageTitle>{t('stories.title')}</PageTitle>
      <p>{t('stories.intro')}</p>
      <p className="sr-only" role="status" aria-live="polite">{status}</p>
      {s.error && <Alert variant="error">{s.error.message}</Alert>}
      {loaded.error && <Alert variant="error">{loaded.error.message}</Alert>}
      {!stories && !loaded.error && <Spinner />}
      {stories && stories.length === 0 && <p>{t('stories.none')}</p>}
      {stories?.map((story) => (
        <article key={story.id} className="my-story" aria-labelledby={`story-${story.id}`}>
          <h2 id={`story-${story.id}`} className="h3">{story.title}</h2>
          <p className="my-story-body">{story.body}</p>
          <p className="form-hint">{t('stories.about', { company: story.companyName })}</p>
          <button type="button" role="switch" aria-checked={story.shared === true} disabled={s.busy}
            className={`sharing-switch${story.shared ? ' is-on' : ''}`} onClick={() => void toggle(story, !story.shared)}>
            <span className="sharing-label">{t('stories.show')}</span>
            <span className="sharing-state" aria-hidden="true">{story.shared ? t('sharing.on') : t('sharing.off')}</span>
          </button>
        </article>
      ))}
    </>
  );
}
