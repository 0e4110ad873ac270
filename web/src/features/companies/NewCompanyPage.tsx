import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { COMPANY_KINDS, MEMBERSHIPS } from '../../../../src/companies/schemas.ts';
import { api } from '../../api/client.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Field } from '../../components/Field.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { Alert } from '../../components/Alert.tsx';
import { orNull, Select, useSubmit } from './ui.tsx';

const EMPTY = { name: '', cvr: '', address: '', postalCode: '', city: '', industry: '', membership: 'network_member', kind: 'training' };

export function NewCompanyPage() {
  const { t } = useTranslation('companies');
  const navigate = useNavigate();
  const [f, setF] = useState(EMPTY);
  const s = useSubmit();
  const set = (k: keyof typeof EMPTY) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body: Record<string, unknown> = { name: f.name, membership: f.membership, kind: f.kind };
    for (const k of ['cvr', 'address', 'postalCode', 'city', 'industry'] as const) {
      const v = orNull(f[k]);
      if (v !== null) body[k] = v;
    }
    const created = await s.run(() => api.post<{ id: string }>('/api/companies', body));
    if (created) navigate(`/companies/${created.id}`);
  };
  const field = (k: keyof typeof EMPTY, extra: Record<string, unknown> = {}) => (
    <Field id={k} label={t(`form.${k}`)} value={f[k]} onChange={set(k)} error={s.fieldError(k)} {...extra} />
  );
  return (
    <>
      <PageTitle>{t('form.title')}</PageTitle>
      <form onSubmit={submit} noValidate>
        {s.error && s.error.fields.length > 0 && <ErrorSummary errors={s.error.fields} />}
        {s.error && s.error.fields.length === 0 && <Alert variant="error">{s.error.message}</Alert>}
        {field('name', { required: true })}
        {field('cvr', { inputMode: 'numeric', hint: t('form.cvrHint') })}
        {field('address')}
        {field('postalCode', { inputMode: 'numeric', maxLength: 4 })}
        {field('city')}
        {field('industry')}
        <Select id="membership" label={t('form.membership')} value={f.membership} onChange={set('membership')}
          options={MEMBERSHIPS.map((m) => ({ value: m, label: t(`membership.${m}`) }))} />
        <Select id="kind" label={t('form.kind')} value={f.kind} onChange={set('kind')}
          options={COMPANY_KINDS.map((m) => ({ value: m, label: t(`companyKind.${m}`) }))} />
        <button type="submit" className="button button-primary" disabled={s.busy}>{t('form.submit')}</button>
      </form>
    </>
  );
}
