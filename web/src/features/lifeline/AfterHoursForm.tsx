import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Static } from '@sinclair/typebox';
import type { LifelineSettings } from '../../../../src/lifeline/schemas.ts';
import { api } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { Field } from '../../components/Field.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { useLoad, useSubmit } from './hooks.ts';

type Settings = Static<typeof LifelineSettings>;
type NumberRow = Settings['afterHoursNumbers'][number];

/**
 * The after-hours numbers young people see under "Brug for at snakke nu?" when nobody is on
 * call. The rest of the settings (rota hours, holidays) are sent back unchanged.
 */
export function AfterHoursForm() {
  const { t } = useTranslation('lifeline');
  const settings = useLoad<Settings>('/api/lifeline/settings');
  const [rows, setRows] = useState<NumberRow[]>([]);
  const [saved, setSaved] = useState(false);
  const submit = useSubmit();
  useEffect(() => { if (settings.data) setRows(settings.data.afterHoursNumbers); }, [settings.data]);
  const edit = (i: number, patch: Partial<NumberRow>) => { setRows((r) => r.map((x, j) => (j === i ? { ...x, ...patch } : x))); setSaved(false); };

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!settings.data) return;
    setSaved(false);
    const afterHoursNumbers = rows.map((r) => ({ label: r.label.trim(), phone: r.phone.trim() })).filter((r) => r.label || r.phone);
    const res = await submit.run(() => api.put<Settings>('/api/lifeline/settings', { ...settings.data, afterHoursNumbers }));
    if (res) { setSaved(true); settings.reload(); }
  }

  // The API names a bad row's field as "afterHoursNumbers.1.phone"; say at that field what to write.
  const rowError = (i: number, key: 'label' | 'phone') =>
    submit.error?.fields.some((f) => f.field === `afterHoursNumbers.${i}.${key}`) ? t(key === 'phone' ? 'afterHours.badPhone' : 'afterHours.badLabel') : undefined;
  const rowErrors = Boolean(submit.error?.fields.some((f) => f.field.startsWith('afterHoursNumbers.')));
  return (
    <section aria-labelledby="after-hours-heading">
      <h2 id="after-hours-heading">{t('afterHours.title')}</h2>
      <p>{t('afterHours.intro')}</p>
      {settings.error && <Alert variant="error">{settings.error.message}</Alert>}
      {!settings.data && !settings.error && <Spinner />}
      {settings.data && (
        <form onSubmit={(e) => void onSubmit(e)} noValidate data-testid="after-hours">
          {saved && <Alert variant="success">{t('afterHours.saved')}</Alert>}
          {submit.error && <Alert variant="error">{rowErrors ? t('afterHours.fix') : submit.error.message}</Alert>}
          {rows.length === 0 && <p>{t('afterHours.none')}</p>}
          {rows.map((r, i) => (
            <fieldset key={i} className="after-hours-row">
              <legend className="h5">{t('afterHours.number', { n: i + 1 })}</legend>
              <Field id={`ah-label-${i}`} label={t('afterHours.label')} hint={i === 0 ? t('afterHours.labelHint') : undefined} value={r.label} maxLength={80} onChange={(e) => edit(i, { label: e.target.value })} error={rowError(i, 'label')} />
              <Field id={`ah-phone-${i}`} type="tel" label={t('afterHours.phone')} value={r.phone} onChange={(e) => edit(i, { phone: e.target.value })} error={rowError(i, 'phone')} />
              <button type="button" className="button button-tertiary" onClick={() => { setRows((x) => x.filter((_, j) => j !== i)); setSaved(false); }}>
                {t('afterHours.remove')}<span className="sr-only">: {r.label || t('afterHours.number', { n: i + 1 })}</span>
              </button>
            </fieldset>
          ))}
          <p>
            <button type="button" className="button button-secondary" disabled={rows.length >= 10} onClick={() => { setRows((x) => [...x, { label: '', phone: '' }]); setSaved(false); }}>
              {t('afterHours.add')}
            </button>
          </p>
          <button type="submit" className="button button-primary" disabled={submit.busy}>{t('afterHours.save')}</button>
        </form>
      )}
    </section>
  );
}
