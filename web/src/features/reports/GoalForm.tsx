import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field.tsx';
import { Checkboxes, Select } from '../../components/FormControls.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { useSubmit } from '../../components/useApi.ts';
import { COUNT_ENTITIES, OUTCOMES, READINESS } from '../../../../src/reports/types.ts';
import { ANCHORS, TIMINGS, describePredicate, fromForm, type GoalFormState } from './goalDefinition.ts';

/** Field names the API reports errors for → the input that shows them. */
const FIELD_IDS: Record<string, string> = {
  title: 'title', target: 'target', kind: 'kind', entity: 'entity', from: 'from', to: 'to', population: 'anchor', success: 'success',
};

/**
 * Creates or edits one programme goal. A share goal is built from who is
 * counted (the denominator: an anchor date and optional narrowing by
 * readiness and age) and what counts as success (the numerator: status on
 * the status date); a count goal from what is counted and a period.
 */
export function GoalForm({ initial, goalId, onSave, onCancel }: {
  initial: GoalFormState;
  goalId?: string;
  onSave: (body: ReturnType<typeof fromForm>) => Promise<unknown>;
  onCancel: () => void;
}) {
  const { t } = useTranslation('reports');
  const [f, setF] = useState<GoalFormState>(initial);
  const submit = useSubmit();
  const set = <K extends keyof GoalFormState>(k: K) => (v: GoalFormState[K]) => setF({ ...f, [k]: v });
  const onText = (k: 'title' | 'targetPercent' | 'targetCount' | 'months' | 'ageMin' | 'ageMax' | 'from' | 'to') => (e: { target: { value: string } }) => set(k)(e.target.value);
  const err = submit.fieldError;
  const save = async (e: FormEvent) => {
    e.preventDefault();
    await submit.run(() => onSave(fromForm(f, goalId)));
  };
  const prefix = goalId ? `goal-${goalId}` : 'goal-new';
  const id = (name: string) => `${prefix}-${name}`;
  const errors = submit.error ? (submit.error.fields.length ? submit.error.fields : [{ field: 'title', message: submit.error.message }]) : [];

  return (
    <form className="report-goal-form" onSubmit={save} noValidate aria-label={goalId ? t('goalForm.editLabel', { title: initial.title }) : t('goalForm.newLabel')}>
      <ErrorSummary errors={errors} idFor={(field) => id(FIELD_IDS[field] ?? 'title')} />
      <Field id={id('title')} label={t('goalForm.title')} hint={t('goalForm.titleHint')} value={f.title} onChange={onText('title')} error={err('title')} maxLength={200} required />
      {!goalId && (
        <fieldset className="form-group" id={id('kind')}>
          <legend className="form-label">{t('goalForm.kind')}</legend>
          <ul className="nobullet-list">
            {(['share', 'count'] as const).map((k) => (
              <li key={k}>
                <input className="form-radio" type="radio" id={id(`kind-${k}`)} name={id('kind')} checked={f.kind === k} onChange={() => set('kind')(k)} />
                <label htmlFor={id(`kind-${k}`)}>{t(`goalForm.kind_${k}`)}</label>
              </li>
            ))}
          </ul>
        </fieldset>
      )}

      {f.kind === 'share' && f.advanced && (
        <div className="report-goal-advanced">
          <p>{t('goalForm.advanced')}</p>
          <p><strong>{t('goalForm.population')}:</strong> {describePredicate(f.advanced.population, t)}</p>
          <p><strong>{t('goalForm.success')}:</strong> {describePredicate(f.advanced.success, t)}</p>
        </div>
      )}
      {f.kind === 'share' && !f.advanced && (
        <>
          <fieldset className="report-goal-fieldset">
            <legend className="h4">{t('goalForm.population')}</legend>
            <p className="form-hint">{t('goalForm.populationHint')}</p>
            <Select id={id('anchor')} label={t('goalForm.anchor')} value={f.anchor} error={err('population')}
              onChange={(e) => set('anchor')(e.target.value as GoalFormState['anchor'])}
              options={ANCHORS.map((a) => ({ value: a, label: t(`goalForm.anchor_${a}`) }))} />
            {f.anchor !== 'all' && (
              <Select id={id('timing')} label={t('goalForm.timing')} value={f.timing}
                onChange={(e) => set('timing')(e.target.value as GoalFormState['timing'])}
                options={TIMINGS.map((x) => ({ value: x, label: t(`goalForm.timing_${x}`) }))} />
            )}
            {f.anchor !== 'all' && f.timing === 'monthsAgoAtLeast' && (
              <Field id={id('months')} label={t('goalForm.months')} type="number" min={0} max={120} inputMode="numeric" value={f.months} onChange={onText('months')} />
            )}
            <Checkboxes id={id('readiness')} legend={t('goalForm.readiness')} value={f.readiness} onChange={set('readiness')}
              options={[...READINESS, 'unknown'].map((r) => ({ value: r, label: t(`readiness.${r}`) }))} />
            <div className="report-goal-ages">
              <Field id={id('age-min')} label={t('goalForm.ageMin')} type="number" min={0} max={120} inputMode="numeric" value={f.ageMin} onChange={onText('ageMin')} />
              <Field id={id('age-max')} label={t('goalForm.ageMax')} type="number" min={0} max={120} inputMode="numeric" value={f.ageMax} onChange={onText('ageMax')} />
            </div>
          </fieldset>
          <Checkboxes id={id('success')} legend={t('goalForm.successStatus')} value={f.success} onChange={set('success')} error={err('success')}
            options={OUTCOMES.map((o) => ({ value: o, label: t(`outcome.${o}`) }))} />
        </>
      )}
      {f.kind === 'share' && (
        <Field id={id('target')} label={t('goalForm.targetPercent')} hint={t('goalForm.targetPercentHint')} type="number" min={0} max={100} step="any" inputMode="decimal"
          value={f.targetPercent} onChange={onText('targetPercent')} error={err('target')} required />
      )}

      {f.kind === 'count' && (
        <>
          <Select id={id('entity')} label={t('goalForm.entity')} value={f.entity} error={err('entity')}
            onChange={(e) => set('entity')(e.target.value as GoalFormState['entity'])}
            options={COUNT_ENTITIES.map((x) => ({ value: x, label: t(`entity.${x}`) }))} />
          <div className="report-goal-ages">
            <Field id={id('from')} label={t('goalForm.from')} type="date" value={f.from} onChange={onText('from')} error={err('from')} required />
            <Field id={id('to')} label={t('goalForm.to')} type="date" value={f.to} onChange={onText('to')} error={err('to')} required />
          </div>
          <Field id={id('target')} label={t('goalForm.targetCount')} type="number" min={1} step={1} inputMode="numeric"
            value={f.targetCount} onChange={onText('targetCount')} error={err('target')} required />
        </>
      )}
      <div className="report-goal-actions">
        <button type="submit" className="button button-primary" disabled={submit.busy}>{goalId ? t('goalForm.save') : t('goalForm.create')}</button>
        <button type="button" className="button button-secondary" onClick={onCancel}>{t('goalForm.cancel')}</button>
      </div>
    </form>
  );
}
