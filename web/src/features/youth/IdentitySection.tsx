import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { Select } from '../../components/FormControls.tsx';
import { Alert } from '../../components/Alert.tsx';
import { REFERRAL_SOURCES } from '../../../../src/youth/domain.ts';
import { FormErrors } from './FormErrors.tsx';
import { orNull, useSubmit } from './hooks.ts';
import type { Person } from './YoungPersonPage.tsx';

const KEYS = ['firstName', 'lastName', 'birthDate', 'referralSource', 'municipalCaseRef', 'guardianName', 'guardianPhone', 'guardianEmail'] as const;
type Key = (typeof KEYS)[number];
const fromPerson = (p: Person) => Object.fromEntries(KEYS.map((k) => [k, (p[k] as string | null | undefined) ?? ''])) as Record<Key, string>;

/**
 * Corrects what was written at intake (or brought in by an import): name, birth
 * date, referral source, case number and guardian. Each save is a new version of
 * the record and is audited; a stale save (409) keeps what was typed.
 */
export function IdentitySection({ person, onSaved }: { person: Person; onSaved: () => void }) {
  const { t } = useTranslation('youth');
  const [f, setF] = useState(() => fromPerson(person));
  const [saved, setSaved] = useState(false);
  const s = useSubmit();
  useEffect(() => setF(fromPerson(person)), [person]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const body: Record<string, unknown> = { version: person.version, firstName: f.firstName.trim(), lastName: f.lastName.trim(), birthDate: f.birthDate, referralSource: f.referralSource };
    for (const k of ['municipalCaseRef', 'guardianName', 'guardianPhone', 'guardianEmail'] as const) body[k] = orNull(f[k]);
    if (await s.run(() => api.patch<Person>(`/api/youth/${person.id}`, body))) {
      setSaved(true);
      onSaved();
    }
  };
  const set = (k: Key) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  const label = (k: Key) => (k.startsWith('guardian') ? `${t('intake.guardianHeading')}: ${t(`intake.${k}`)}` : t(`intake.${k}`));
  return (
    <details className="details" id="identity">
      <summary className="details-summary">{t('identity.heading')}</summary>
      <div className="details-text">
        <p>{t('identity.intro')}</p>
        <form onSubmit={submit} noValidate>
          <FormErrors error={s.error} prefix="c-" onReload={() => { s.clear(); onSaved(); }} />
          {saved && <Alert variant="success">{t('identity.saved')}</Alert>}
          {(['firstName', 'lastName'] as const).map((k) => <Field key={k} id={`c-${k}`} label={label(k)} value={f[k]} onChange={set(k)} error={s.fieldError(k)} autoComplete="off" />)}
          <Field id="c-birthDate" type="date" label={label('birthDate')} value={f.birthDate} onChange={set('birthDate')} error={s.fieldError('birthDate')} />
          <Select id="c-referralSource" label={t('intake.referralSource')} value={f.referralSource} onChange={set('referralSource')} error={s.fieldError('referralSource')}
            options={REFERRAL_SOURCES.map((r) => ({ value: r, label: t(`referral.${r}`) }))} />
          {(['municipalCaseRef', 'guardianName', 'guardianPhone', 'guardianEmail'] as const).map((k) => (
            <Field key={k} id={`c-${k}`} label={label(k)} value={f[k]} onChange={set(k)} error={s.fieldError(k)} type={k === 'guardianEmail' ? 'email' : k === 'guardianPhone' ? 'tel' : 'text'} />
          ))}
          <button type="submit" className="button button-primary" disabled={s.busy}>{t('identity.save')}</button>
        </form>
      </div>
    </details>
  );
}
