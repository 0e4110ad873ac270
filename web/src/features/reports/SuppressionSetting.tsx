import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Static } from '@sinclair/typebox';
import type { GoalSettingsResponse } from '../../../../src/reports/schemas.ts';
import { api } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { useSubmit } from '../../components/useApi.ts';

type GoalSettings = Static<typeof GoalSettingsResponse>;

/**
 * The smallest count shown to people outside the team (steering group, region).
 * Saved through the whole-settings PUT, so the goals are sent back unchanged.
 */
export function SuppressionSetting({ settings, onSaved }: { settings: GoalSettings; onSaved: () => void }) {
  const { t } = useTranslation('reports');
  const [value, setValue] = useState(String(settings.suppressionThreshold));
  const [saved, setSaved] = useState(false);
  const submit = useSubmit();
  const save = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    void submit.run(async () => {
      await api.put('/api/reports/goals', { goals: settings.goals, suppressionThreshold: Number(value) });
      setSaved(true);
      onSaved();
    });
  };
  const error = submit.fieldError('suppressionThreshold') ?? (submit.error && !submit.error.fields.length ? submit.error.message : undefined);
  return (
    <section aria-labelledby="suppression-heading" className="report-goal-new">
      <h2 id="suppression-heading">{t('suppression.heading')}</h2>
      <form onSubmit={save} noValidate>
        <div className={`form-group${error ? ' form-error' : ''}`}>
          <label className="form-label" htmlFor="suppression-threshold">{t('suppression.label')}</label>
          <span className="form-hint" id="suppression-threshold-hint">{t('suppression.hint')}</span>
          {error && <span className="form-error-message" id="suppression-threshold-error">{error}</span>}
          <input
            id="suppression-threshold" className="form-input input-width-xs" type="number" inputMode="numeric" min={3} max={20} step={1}
            value={value} onChange={(e) => { setValue(e.target.value); setSaved(false); }}
            aria-invalid={error ? true : undefined}
            aria-describedby={`suppression-threshold-hint${error ? ' suppression-threshold-error' : ''}`}
          />
        </div>
        <button type="submit" className="button button-secondary" disabled={submit.busy}>{t('suppression.save')}</button>
      </form>
      <div aria-live="polite">{saved && <Alert variant="success">{t('suppression.saved', { n: value })}</Alert>}</div>
    </section>
  );
}
