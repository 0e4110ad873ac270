import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client.ts';
import { useSession } from '../../app/session.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Alert } from '../../components/Alert.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import type { Batch, Decision, Kind } from './types.ts';
import { DecisionButtons } from './DecisionButtons.tsx';
import { ReportSection } from './ReportSection.tsx';
import { WeightsSection } from './WeightsSection.tsx';

/** "Foreslå for alle": the best assignment for everyone waiting, confirmed one proposal at a time. */
export function BatchPage() {
  const { t, i18n } = useTranslation('matching');
  const session = useSession();
  const [kind, setKind] = useState<Kind>('openings');
  const [batch, setBatch] = useState<Batch | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [decided, setDecided] = useState<Record<string, Decision>>({});

  async function run() {
    setBusy(true);
    setError(null);
    setDecided({});
    try {
      setBatch(await api.post<Batch>('/api/matching/batch', { kind }));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  const candidateKind = kind === 'openings' ? 'opening' : 'mentor';
  return (
    <>
      <PageTitle subtitle={t('batch.subtitle')}>{t('batch.title')}</PageTitle>
      <fieldset className="match-kind">
        <legend className="form-label">{t('batch.kindLabel')}</legend>
        {(['openings', 'mentors'] as const).map((k) => (
          <div className="form-group-radio" key={k}>
            <input type="radio" className="form-radio" id={`batch-kind-${k}`} name="batch-kind" checked={kind === k}
              onChange={() => { setKind(k); setBatch(null); }} />
            <label htmlFor={`batch-kind-${k}`}>{t(`kind.${k}`)}</label>
          </div>
        ))}
      </fieldset>
      <button type="button" className="button button-primary" onClick={() => void run()} disabled={busy}>{t('batch.run')}</button>
      {busy && <Spinner label={t('batch.running')} />}
      {error && <Alert variant="error">{error}</Alert>}
      {batch && batch.kind === candidateKind && (
        <section aria-labelledby="batch-result">
          <h2 id="batch-result">{t('batch.result', { count: batch.proposals.length })}</h2>
          <p>{t('batch.summary', { waiting: batch.waiting, candidates: batch.candidates, places: batch.places,
            total: batch.totalScore.toLocaleString(i18n.language), ms: batch.ms.toLocaleString(i18n.language) })}</p>
          {!batch.travelJudged && <Alert variant="info">{t('batch.travelNotJudged')}</Alert>}
          <ol className="match-list">
            {batch.proposals.map((p) => {
              const d = decided[p.youngPersonId];
              return (
                <li key={p.youngPersonId} className="match-card">
                  <h3>{p.youngPersonName} → {p.title}{p.subtitle && <span className="font-lead"> – {p.subtitle}</span>}</h3>
                  <p className="match-score">{t('card.score', { score: p.score.toLocaleString(i18n.language) })}</p>
                  <ul className="match-reasons">{p.contributions.map((c) => <li key={c.criterion}>{c.text}</li>)}</ul>
                  <p><Link to={`/youth/${p.youngPersonId}/forslag`}>{t('batch.allFor', { name: p.youngPersonName })}</Link></p>
                  {d ? (
                    <p role="status"><strong>{t(d.decision === 'accepted' ? 'batch.confirmed' : 'batch.rejected')}</strong>
                      {d.placementId && <> <Link to={`/placements/${d.placementId}`}>{t('done.openPlacement')}</Link></>}</p>
                  ) : session.role === 'counsellor' && (
                    <DecisionButtons youngPersonId={p.youngPersonId} kind={candidateKind} candidateId={p.candidateId} source="batch"
                      label={`${p.youngPersonName}: ${p.title}`} onDecided={(dec) => setDecided((m) => ({ ...m, [p.youngPersonId]: dec }))} />
                  )}
                </li>
              );
            })}
          </ol>
          {batch.unassigned.length > 0 && (
            <>
              <h2>{t('batch.unassigned', { count: batch.unassigned.length })}</h2>
              <ul>{batch.unassigned.map((u) => <li key={u.youngPersonId}><Link to={`/youth/${u.youngPersonId}/forslag`}>{u.youngPersonName}</Link></li>)}</ul>
            </>
          )}
        </section>
      )}
      <ReportSection />
      <WeightsSection />
    </>
  );
}
