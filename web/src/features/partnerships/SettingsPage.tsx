import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { PartnershipSettings } from '../../../../src/partnerships/schemas.ts';
import { api } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { useLoad, useSubmit } from '../../components/useApi.ts';
import { FIELD_IDS, PartnershipFields, type PartnershipForm } from './PartnershipFields.tsx';
import './partnerships.css';

/** /admin/partnership: "Indstillinger for partnerskabet" for the partnership's administrators. */
export function SettingsPage() {
  const { t } = useTranslation('partnerships');
  const { data, error } = useLoad<PartnershipSettings>('/api/partnership/settings');
  const [form, setForm] = useState<PartnershipForm | null>(null);
  const [saved, setSaved] = useState(false);
  const savedRef = useRef<HTMLDivElement>(null);
  const s = useSubmit();
  useEffect(() => {
    if (data && !form) {
      const { id: _id, goalCount: _g, ...rest } = data;
      setForm(rest);
    }
  }, [data, form]);
  if (error) return <Alert variant="error">{error.message}</Alert>;
  if (!data || !form) return <Spinner />;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const r = await s.run(() => api.put<PartnershipSettings>('/api/partnership/settings', form));
    if (r) {
      setSaved(true);
      setTimeout(() => savedRef.current?.focus(), 0);
    }
  };
  const errors = s.error ? (s.error.fields.length ? s.error.fields : [{ field: 'name', message: s.error.message }]) : [];
  return (
    <>
      <PageTitle>{t('settings.title')}</PageTitle>
      <div ref={savedRef} tabIndex={-1} aria-live="polite">{saved && <Alert variant="success">{t('settings.saved')}</Alert>}</div>
      <form onSubmit={(e) => void submit(e)} noValidate className="partnership-form">
        <ErrorSummary errors={errors} idFor={(f) => FIELD_IDS[f] ?? 'p-name'} />
        <PartnershipFields form={form} setForm={setForm} fieldError={s.fieldError} autoSlug={false} />
        <p>{t('settings.goals', { count: data.goalCount })} <Link className="tap-target" to="/reports/goals">{t('settings.goalsLink')}</Link></p>
        <button type="submit" className="button button-primary" disabled={s.busy}>{t('settings.save')}</button>
      </form>
    </>
  );
}
