import { useTranslation } from 'react-i18next';
import type { Story } from '../../../../src/companies/schemas.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Alert } from '../../components/Alert.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { formatDate, useLoad } from './ui.tsx';
import './network.css';

/**
 * The success stories the network may read: the server returns only those the
 * young person has said yes to (read on every request), so a withdrawal hides
 * a story here at once. For company contacts, mentors, association contacts and
 * the steering group.
 */
export function SharedStories({ headingLevel = 2, limit }: { headingLevel?: 2 | 3; limit?: number }) {
  const { t, i18n } = useTranslation('companies');
  const { data, error } = useLoad<Story[]>('/api/network/stories');
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const I = headingLevel === 2 ? 'h3' : 'h4';
  const stories = (data ?? []).filter((s) => s.shared !== false).slice(0, limit);
  return (
    <section aria-labelledby="network-stories-heading" className="shared-stories">
      <H id="network-stories-heading">{t('stories.title')}</H>
      {error && <Alert variant="error">{error.message}</Alert>}
      {!data && !error && <Spinner />}
      {data && stories.length === 0 && <p>{t('stories.none')}</p>}
      <div data-testid="network-stories">
        {stories.map((s) => (
          <article key={s.id} className="story">
            <I className="h4">{s.title}</I>
            <p>{s.body}</p>
            <p className="form-hint">{s.companyName} · {formatDate(s.createdAt, i18n.language)}</p>
          </article>
        ))}
      </div>
    </section>
  );
}

/** /stories: the stories page for the network's readers outside the team. */
export function StoriesPage() {
  const { t } = useTranslation('companies');
  return (
    <>
      <PageTitle>{t('stories.title')}</PageTitle>
      <p>{t('stories.intro')}</p>
      <SharedStories />
    </>
  );
}
