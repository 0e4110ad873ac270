import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { REFERRAL_SOURCES, ageOn } from '../../../../src/youth/domain.ts';
import { api } from '../../api/client.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Field } from '../../components/Field.tsx';
import { FormErrors } from './FormErrors.tsx';
import { DuplicateWarning } from './DuplicateWarning.tsx';
import { Select, TextArea } from './ui.tsx';
import { orNull, useSubmit } from './hooks.ts';
import { limit } from './limits.ts';

const EMPTY = {
  referralSource: 'municipality', firstName: '', lastName: '', birthDate: '', municipalCaseRef: '', phone: '', email: '',
  address: '', postalCode: '', guardianName: '', guardianPhone: '', guardianEmail: '', preferredContactTimes: '',
};

/** Visitation: the minimum needed to start, no CPR number. Typed values stay on an error. */
export function IntakePage() {
  const { t } = useTranslation('youth');
  const navigate = useNavigate();
  const [f, setF] = useState(EMPTY);
  const s = useSubmit();
  const age = /^\d{4}-\d{2}-\d{2}$/.test(f.birthDate) ? ageOn(f.birthDate) : null;
  const set = (k: keyof typeof EMPTY) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body: Record<string, unknown> = { referralSource: f.referralSource, firstName: f.firstName, lastName: f.lastName, birthDate: f.birthDate };
    for (const k of ['municipalCaseRef', 'phone', 'email', 'address', 'postalCode', 'guardianName', 'guardianPhone', 'guardianEmail', 'preferredContactTimes'] as const) {
      const v = orNull(f[k]);
      if (v !== null) body[k] = v;
    }
    const created = await s.run(() => api.post<{ id: string }>('/api/youth', body));
    if (created) navigate(`/youth/${created.id}`);
  };
  const field = (k: keyof typeof EMPTY, extra: Record<string, unknown> = {}) => (
    <Field id={k} label={t(`intake.${k}`)} value={f[k]} onChange={set(k)} error={s.fieldError(k)} {...limit.intake(k)} {...extra} />
  );
  return (
    <>
      <PageTitle subtitle={t('intake.intro')}>{t('intake.title')}</PageTitle>
      <form onSubmit={submit} noValidate>
        <FormErrors error={s.error} prefix="" />
        <Select id="referralSource" label={t('intake.referralSource')} value={f.referralSource} onChange={set('referralSource')}
          options={REFERRAL_SOURCES.map((r) => ({ value: r, label: t(`referral.${r}`) }))} />
        {field('firstName', { autoComplete: 'off', required: true })}
        {field('lastName', { autoComplete: 'off', required: true })}
        {field('birthDate', { type: 'date', required: true, hint: t('intake.birthDateHint') })}
        {age !== null && <p data-testid="intake-age" aria-live="polite">{t('intake.age', { age })}</p>}
        {field('municipalCaseRef')}
        {field('phone', { type: 'tel', inputMode: 'tel' })}
        {field('email', { type: 'email' })}
        {field('address')}
        {field('postalCode', { inputMode: 'numeric', maxLength: 4 })}
        {age !== null && age < 18 && (
          <fieldset>
            <legend className="h3">{t('intake.guardianHeading')}</legend>
            <Field id="guardianName" {...limit.intake('guardianName')} label={t('intake.guardianName')} value={f.guardianName} onChange={set('guardianName')} error={s.fieldError('guardianName')} />
            <Field id="guardianPhone" type="tel" {...limit.intake('guardianPhone')} label={t('intake.guardianPhone')} value={f.guardianPhone} onChange={set('guardianPhone')} error={s.fieldError('guardianPhone')} />
            <Field id="guardianEmail" type="email" {...limit.intake('guardianEmail')} label={t('intake.guardianEmail')} value={f.guardianEmail} onChange={set('guardianEmail')} error={s.fieldError('guardianEmail')} />
          </fieldset>
        )}
        <TextArea id="preferredContactTimes" {...limit.intake('preferredContactTimes')} label={t('intake.preferredContactTimes')} value={f.preferredContactTimes} onChange={set('preferredContactTimes')} error={s.fieldError('preferredContactTimes')} />
        <DuplicateWarning firstName={f.firstName} lastName={f.lastName} birthDate={f.birthDate} phone={f.phone} email={f.email} />
        <button type="submit" className="button button-primary" disabled={s.busy}>{t('intake.submit')}</button>
      </form>
    </>
  );
}
