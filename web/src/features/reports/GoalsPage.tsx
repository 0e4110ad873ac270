import { useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Static } from '@sinclair/typebox';
import type { GoalSettingsResponse } from '../../../../src/reports/schemas.ts';
import { api } from '../../api/client.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Alert } from '../../components/Alert.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { useLoad, useSubmit } from '../../components/useApi.ts';
import { GoalProgress } from './KeyFigures.tsx';
import { GoalForm } from './GoalForm.tsx';
import { SuppressionSetting } from './SuppressionSetting.tsx';
import { describeCount, describePredicate, emptyForm, toForm, type GoalDefinition } from './goalDefinition.ts';
import { formatNumber, formatShare } from './format.ts';
import type { GoalResult, KeyFiguresView } from './types.ts';

type GoalSettings = Static<typeof GoalSettingsResponse>;

/**
 * The partnership's programme goals: each with its precise definition (who is
 * in the denominator, who in the numerator) and actual against target for
 * this year so far; coordinators add, edit and delete them here.
 */
export function GoalsPage() {
  const { t } = useTranslation('reports');
  const settings = useLoad<GoalSettings>('/api/reports/goals');
  const results = useLoad<KeyFiguresView>('/api/reports/key-figures');
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const del = useSubmit();
  const status = useRef<HTMLDivElement>(null);
  const year = new Date().getFullYear();
  const [removed, setRemoved] = useState<string | null>(null);
  // A deleted goal leaves the list at once, not when the list has been reloaded.
  const goals = ((settings.data?.goals ?? []) as GoalDefinition[]).filter((g) => g.id !== removed);
  const resultOf = (id: string) => results.data?.goals.find((g) => g.id === id);

  const done = (message: string) => {
    setEditing(null);
    setDeleting(null);
    setSaved(message);
    settings.reload();
    results.reload();
    requestAnimationFrame(() => status.current?.focus());
  };
  const create = async (body: object) => {
    await api.post('/api/reports/goals', body);
    setRemoved(null);
    done(t('goalsPage.created'));
  };
  const update = (id: string) => async (body: object) => {
    await api.put(`/api/reports/goals/${encodeURIComponent(id)}`, body);
    done(t('goalsPage.saved'));
  };
  const remove = (g: GoalDefinition) => del.run(async () => {
    await api.delete(`/api/reports/goals/${encodeURIComponent(g.id)}`);
    setRemoved(g.id);
    done(t('goalsPage.deleted', { title: g.title }));
  });

  return (
    <>
      <PageTitle subtitle={t('goalsPage.intro')}>{t('goalsPage.title')}</PageTitle>
      <p><Link to="/reports">{t('goalsPage.back')}</Link></p>
      <div ref={status} tabIndex={-1} aria-live="polite">
        {saved && <Alert variant="success">{saved}</Alert>}
      </div>
      {settings.error && <Alert variant="error">{settings.error.message}</Alert>}
      {del.error && <Alert variant="error">{del.error.message}</Alert>}
      {!settings.data && !settings.error && <Spinner />}
      {/* The line is there before the results are, so the page does not jump under a finger or a click when they arrive. */}
      <p className="form-hint">{results.data ? t('goalsPage.period', { from: results.data.period.from, to: results.data.period.to, asOf: results.data.period.asOf }) : '\u00a0'}</p>
      {settings.data && goals.length === 0 && <p>{t('goals.none')}</p>}
      <ul className="nobullet-list report-goal-items">
        {goals.map((g) => (
          <li key={g.id} className="report-goal-item">
            <h2 className="h3">{g.title}</h2>
            {editing === g.id ? (
              <GoalForm initial={toForm(g, year)} goalId={g.id} onSave={update(g.id)} onCancel={() => setEditing(null)} />
            ) : (
              <>
                <GoalFacts g={g} r={resultOf(g.id)} />
                {deleting === g.id ? (
                  <div className="report-goal-confirm" role="group" aria-label={t('goalsPage.confirmLabel')}>
                    <p>{t('goalsPage.confirm', { title: g.title })}</p>
                    <button type="button" className="button button-primary" disabled={del.busy} onClick={() => remove(g)}>{t('goalsPage.confirmYes')}</button>
                    <button type="button" className="button button-secondary" onClick={() => setDeleting(null)}>{t('goalForm.cancel')}</button>
                  </div>
                ) : (
                  <div className="report-goal-actions">
                    <button type="button" className="button button-secondary" onClick={() => { setSaved(null); setEditing(g.id); }}>
                      {t('goalsPage.edit')}<span className="sr-only">: {g.title}</span>
                    </button>
                    <button type="button" className="button button-tertiary" onClick={() => { setSaved(null); setDeleting(g.id); }}>
                      {t('goalsPage.delete')}<span className="sr-only">: {g.title}</span>
                    </button>
                  </div>
                )}
              </>
            )}
          </li>
        ))}
      </ul>
      <section aria-labelledby="goal-new-heading" className="report-goal-new">
        <h2 id="goal-new-heading">{t('goalsPage.newHeading')}</h2>
        {editing === 'new'
          ? <GoalForm initial={emptyForm(year)} onSave={create} onCancel={() => setEditing(null)} />
          : <button type="button" className="button button-primary" onClick={() => { setSaved(null); setEditing('new'); }}>{t('goalsPage.new')}</button>}
      </section>
      {settings.data && <SuppressionSetting settings={settings.data} onSaved={settings.reload} />}
    </>
  );
}

/** Actual against target, the numerator and denominator, and the definition behind each. */
function GoalFacts({ g, r }: { g: GoalDefinition; r?: GoalResult }) {
  const { t } = useTranslation('reports');
  const n = (v: number | null | undefined) => (v === null || v === undefined ? '–' : formatNumber(v, 0));
  return (
    <>
      {r && <GoalProgress g={r} />}
      <dl className="report-goal-def">
        {g.kind === 'share' ? (
          <>
            <dt>{t('goalsPage.denominator')}</dt>
            <dd>{describePredicate(g.population, t)} <span className="report-goal-n">({n(r?.denominator)})</span></dd>
            <dt>{t('goalsPage.numerator')}</dt>
            <dd>{describePredicate(g.success, t)} <span className="report-goal-n">({n(r?.numerator)})</span></dd>
            <dt>{t('goalsPage.target')}</dt>
            <dd>{formatShare(g.target)}</dd>
          </>
        ) : (
          <>
            <dt>{t('goalsPage.counted')}</dt>
            <dd>{describeCount(g, t)} <span className="report-goal-n">({n(r?.numerator)})</span></dd>
            <dt>{t('goalsPage.target')}</dt>
            <dd>{formatNumber(g.target, 0)}</dd>
          </>
        )}
      </dl>
    </>
  );
}
