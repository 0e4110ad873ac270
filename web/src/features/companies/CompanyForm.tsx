import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '../../api/client.ts';
import { COMPANY_KINDS, COMPANY_SIZES, EXPERIENCE_TAGS, MEMBERSHIPS, type CompanyBody, type CompanyDetail } from '../../../../src/companies/schemas.ts';
import { api } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { Alert } from '../../components/Alert.tsx';
import { Checkboxes, orNull, Select, TextArea, useSubmit } from './ui.tsx';
import './company.css';

type Text = 'name' | 'cvr' | 'address' | 'postalCode' | 'city' | 'industry' | 'notes';
type State = Record<Text, string> & { size: string; membership: string; kind: string; experienceTags: string[] };

function initialState(c?: CompanyDetail): State {
  return {
    name: c?.name ?? '', cvr: c?.cvr ?? '', address: c?.address ?? '', postalCode: c?.postalCode ?? '', city: c?.city ?? '',
    industry: c?.industry ?? '', notes: c?.notes ?? '', size: c?.size ?? '', membership: c?.membership ?? 'network_member',
    kind: c?.kind ?? 'training', experienceTags: c?.experienceTags ?? [],
  };
}

/** Every field is sent: an emptied field becomes null, so an edit can clear it. */
function toBody(f: State): CompanyBody {
  return {
    name: f.name, cvr: orNull(f.cvr), address: orNull(f.address), postalCode: orNull(f.postalCode), city: orNull(f.city),
    industry: orNull(f.industry), notes: orNull(f.notes),
    size: (f.size || null) as CompanyBody['size'],
    membership: f.membership as CompanyBody['membership'], kind: f.kind as CompanyBody['kind'],
    experienceTags: f.experienceTags as CompanyBody['experienceTags'],
  };
}

/** The server's field messages lack the field's name; the summary at the top needs it. */
export function withLabels(errors: FieldError[], label: (field: string) => string | undefined): FieldError[] {
  return errors.map((e) => ({ ...e, message: label(e.field) ? `${label(e.field)}: ${e.message}` : e.message }));
}

/**
 * The company's details, for registering a new company (POST) and for editing
 * one (PATCH, when `company` is given). `onSaved` gets the company's id.
 */
export function CompanyForm({ company, onSaved }: { company?: CompanyDetail; onSaved: (id: string) => void }) {
  const { t } = useTranslation('companies');
  const [f, setF] = useState<State>(() => initialState(company));
  const s = useSubmit();
  const id = (k: string) => (company ? `company-${k}` : k);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const saved = company
      ? await s.run(() => api.patch<CompanyDetail>(`/api/companies/${company.id}`, toBody(f)))
      : await s.run(() => api.post<{ id: string }>('/api/companies', toBody(f)));
    if (saved) onSaved(saved.id);
  };
  const text = (k: Text, extra: Record<string, unknown> = {}) => (
    <Field id={id(k)} label={t(`form.${k}`)} value={f[k]} onChange={(e) => { const v = e.target.value; setF((old) => ({ ...old, [k]: v })); }} error={s.fieldError(k)} {...extra} />
  );
  // Memoised: a new array on every render would move the focus back to the summary while the user types.
  const summary = useMemo(() => withLabels(s.error?.fields ?? [], (k) => (k in initialState() ? t(`form.${k}`) : undefined)), [s.error, t]);
  return (
    <form onSubmit={submit} noValidate className="company-form">
      {s.error && s.error.fields.length > 0 && <ErrorSummary errors={summary} idFor={id} />}
      {s.error && s.error.fields.length === 0 && <Alert variant="error">{s.error.message}</Alert>}
      {text('name', { required: true })}
      {text('cvr', { inputMode: 'numeric', hint: t('form.cvrHint') })}
      {text('address')}
      {text('postalCode', { inputMode: 'numeric', maxLength: 4 })}
      {text('city')}
      {text('industry')}
      <Select id={id('size')} label={t('form.size')} value={f.size} onChange={(e) => setF({ ...f, size: e.target.value })} error={s.fieldError('size')}
        options={[{ value: '', label: t('form.sizeUnknown') }, ...COMPANY_SIZES.map((v) => ({ value: v, label: t('form.sizeEmployees', { size: v }) }))]} />
      <Select id={id('membership')} label={t('form.membership')} value={f.membership} onChange={(e) => setF({ ...f, membership: e.target.value })}
        options={MEMBERSHIPS.map((m) => ({ value: m, label: t(`membership.${m}`) }))} />
      <Select id={id('kind')} label={t('form.kind')} value={f.kind} onChange={(e) => setF({ ...f, kind: e.target.value })}
        options={COMPANY_KINDS.map((m) => ({ value: m, label: t(`companyKind.${m}`) }))} />
      <Checkboxes id={id('experienceTags')} legend={t('form.experienceTags')} value={f.experienceTags} error={s.fieldError('experienceTags')}
        onChange={(experienceTags) => setF({ ...f, experienceTags })}
        options={EXPERIENCE_TAGS.map((v) => ({ value: v, label: t(`experience.${v}`) }))} />
      <TextArea id={id('notes')} label={t('form.notes')} hint={t('form.notesHint')} value={f.notes} error={s.fieldError('notes')}
        onChange={(e) => setF({ ...f, notes: e.target.value })} />
      <button type="submit" className="button button-primary" disabled={s.busy}>{t(company ? 'form.saveChanges' : 'form.submit')}</button>
    </form>
  );
}
