import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Alert } from '../../components/Alert.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { useLoad } from './hooks.ts';
import type { Decision, SuggestKind, Suggestions } from './types.ts';
import { ExcludedItem, SuggestionCard } from './SuggestionCard.tsx';

/** Ranked suggestions for one young person (openings or volunteer mentors), with reasons and accept/reject. */
export function SuggestionsPage() {
  const { id } = useParams();
  const { t } = useTranslation('matching');
  const session = useSession();
  const [kind, setKind] = useState<SuggestKind>('openings');
  const [done, setDone] = useState<Decision | null>(null);
  const { data, error, reload } = useLoad<Suggestions>(`/api/youth/${id}/suggestions`, { kind });
  if (error) return <><PageTitle>{t('suggestions.title')}</PageTitle><Alert variant="error">{error.message}</Alert></>;
  const wanted = kind === 'openings' ? 'opening' : kind === 'mentors' ? 'mentor' : 'initiative';
  if (!data || data.kind !== wanted) return <><PageTitle>{t('suggestions.title')}</PageTitle><Spinner /></>;
  const possible = data.suggestions.filter((s) => s.excluded.length === 0);
  const excluded = data.suggestions.filter((s) => s.excluded.length > 0);
    const decided = (d: Decision) => { setDone(d); reload(); };
  return (
    <>
      <PageTitle subtitle={t('suggestions.subtitle')}>{t('suggestions.titleFor', { name: data.youngPersonName })}</PageTitle>
      <p><Link to={`/youth/${id}`}>{t('suggestions.back', { name: data.youngPersonName })}</Link></p>
      <div className="match-kind" role="group" aria-label={t('suggestions.kindLabel')}>
        {(['openings', 'mentors', 'initiatives'] as const).map((k) => (
          <button key={k} type="button" className={`button ${k === kind ? 'button-primary' : 'button-secondary'}`} aria-pressed={k === kind}
            onClick={() => { setKind(k); setDone(null); }}>{t(`kind.${k}`)}</button>
        ))}
      </div>
      {done && (
        <Alert variant="success" heading={t(done.decision === 'accepted' ? (done.placementId ? 'done.placement' : 'done.mentorship') : 'done.rejected')}>
          {done.placementId && <Link to={`/placements/${done.placementId}`}>{t('done.openPlacement')}</Link>}
        </Alert>
      )}
      {data.notes.length > 0 && <Alert variant="info" heading={t('suggestions.notJudged')}>{data.notes.map((n) => <p key={n}>{n}</p>)}</Alert>}
      <h2>{t('suggestions.possible', { count: possible.length })}</h2>
      {possible.length === 0 ? <p>{t('suggestions.none')}</p> : (
        <ol className="match-list">
          {possible.map((s, i) => (
            <SuggestionCard key={s.candidateId} s={s} position={i + 1} youngPersonId={data.youngPersonId} kind={data.kind}
              canDecide={session.role === 'counsellor' && data.kind !== 'initiative'} onDecided={decided} />
          ))}
        </ol>
      )}
      {excluded.length > 0 && (
        <>
          <h2>{t('suggestions.excluded', { count: excluded.length })}</h2>
          <p>{t('suggestions.excludedIntro')}</p>
          <ul>{excluded.map((s) => <ExcludedItem key={s.candidateId} s={s} />)}</ul>
        </>
      )}
    </>
  );
}
