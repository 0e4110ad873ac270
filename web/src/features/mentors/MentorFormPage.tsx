import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Static } from '@sinclair/typebox';
import type { MentorCreate, MentorLogin, MentorView } from '../../../../src/mentors/schemas.ts';
import { MENTOR_STATUS } from '../../../../src/mentors/schemas.ts';
import { api } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { Field } from '../../components/Field.tsx';
import { Select, TextArea } from '../../components/FormControls.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { useLoad, useSubmit } from '../lifeline/hooks.ts';
import { MentorLoginButton } from './MentorLoginButton.tsx';

type Mentor = Static<typeof MentorView>;
const TEXT = ['name', 'phone', 'email', 'jobTitle', 'industry', 'interests', 'offers', 'hoursPerMonth', 'area', 'introTalkOn', 'courseOn', 'recordCheckedOn', 'agreementSignedOn', 'userId'] as const;
type Form = Record<(typeof TEXT)[number], string> & { kind: 'volunteer' | 'professional'; status: string; lifelineOptIn: boolean };

const empty: Form = { ...Object.fromEntries(TEXT.map((k) => [k, ''])) as Record<(typeof TEXT)[number], string>, kind: 'volunteer', status: 'active', lifelineOptIn: false };
const fromMentor = (m: Mentor): Form => ({
  ...Object.fromEntries(TEXT.map((k) => [k, m[k] === null || m[k] === undefined ? '' : String(m[k])])) as Record<(typeof TEXT)[number], string>,
  kind: m.kind === 'professional' ? 'professional' : 'volunteer', status: m.status, lifelineOptIn: m.lifelineOptIn,
});
/** The form's strings as the API body: empty → null, hours as a number. */
function toBody(f: Form) {
  const body: Record<string, unknown> = { status: f.status, lifelineOptIn: f.lifelineOptIn };
  for (const k of TEXT) body[k] = f[k].trim() === '' ? null : k === 'hoursPerMonth' ? Number(f[k]) : f[k].trim();
  return body as Omit<MentorCreate, 'kind'>;
}

/** A counsellor registers a mentor or edits the profile, onboarding, status and login. */
export function MentorFormPage() {
  const { id } = useParams();
  const { t } = useTranslation('mentors');
  const navigate = useNavigate();
  const location = useLocation();
  const existing = useLoad<Mentor>(id ? `/api/mentors/${id}` : null);
  const [f, setF] = useState<Form>(empty);
  const [saved, setSaved] = useState(Boolean((location.state as { created?: boolean } | null)?.created));
  const logins = useLoad<Static<typeof MentorLogin>[]>('/api/mentors/logins', { kind: f.kind });
  const submit = useSubmit();
  // Edits not saved yet survive a reload caused elsewhere on the page (e.g. sending the
  // login invitation); only the login link, which that changed, is taken from the server.
  const dirty = useRef(false);
  useEffect(() => {
    const data = existing.data;
    if (!data) return;
    if (dirty.current) setF((x) => ({ ...x, userId: data.userId ?? '' }));
    else setF(fromMentor(data));
  }, [existing.data]);

  if (id && existing.error) return <><PageTitle>{t('form.editTitle')}</PageTitle><Alert variant="error">{existing.error.message}</Alert></>;
  if (id && !existing.data) return <Spinner />;
  const set = <K extends keyof Form>(k: K, v: Form[K]) => { dirty.current = true; setF((x) => ({ ...x, [k]: v })); setSaved(false); };
  const field = (k: (typeof TEXT)[number], extra: Record<string, unknown> = {}) => (
    <Field id={`m-${k}`} label={t(`form.${k}`)} value={f[k]} onChange={(e) => set(k, e.target.value)} error={submit.fieldError(k)} {...extra} />
  );

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    const body = toBody(f);
    if (id) {
      const res = await submit.run(() => api.patch<Mentor>(`/api/mentors/${id}`, body));
      if (res) { dirty.current = false; setSaved(true); existing.reload(); }
    } else {
      const res = await submit.run(() => api.post<Mentor>('/api/mentors', { ...body, kind: f.kind }));
      if (res) navigate(`/mentors/${res.id}`, { state: { created: true } });
    }
  }

  const m = existing.data;
  const loginOptions = (logins.data ?? []).filter((l) => !l.mentorId || l.mentorId === id);
  return (
    <>
      <p><Link to="/mentors">{t('form.back')}</Link></p>
      <PageTitle subtitle={m ? t(`kind.${m.kind}`) : t('form.newIntro')}>{m ? m.name : t('form.newTitle')}</PageTitle>
      {saved && <Alert variant="success">{t('form.saved')}</Alert>}
      {m && (
        <p data-testid="onboarding-state">
          {m.onboardingComplete ? t('form.onboardingDone') : t('form.onboardingMissing')}
          {!m.recordCheckedOn && <><br />{t('form.noCertificate')}</>}
        </p>
      )}
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <ErrorSummary errors={submit.error?.fields ?? []} idFor={(k) => `m-${k}`} />
        {submit.error && submit.error.fields.length === 0 && <Alert variant="error">{submit.error.message}</Alert>}
        <h2>{t('form.profile')}</h2>
        {!id && (
          <Select id="m-kind" label={t('registry.kind')} value={f.kind} onChange={(e) => set('kind', e.target.value as Form['kind'])}
            options={(['volunteer', 'professional'] as const).map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
        )}
        {field('name', { required: true, autoComplete: 'off' })}
        {field('phone', { type: 'tel', hint: t('form.phoneHint') })}
        {field('email', { type: 'email' })}
        {field('jobTitle')}
        {field('industry')}
        <TextArea id="m-interests" label={t('form.interests')} value={f.interests} onChange={(e) => set('interests', e.target.value)} maxLength={500} error={submit.fieldError('interests')} />
        <TextArea id="m-offers" label={t('form.offers')} hint={t('form.offersHint')} value={f.offers} onChange={(e) => set('offers', e.target.value)} maxLength={1000} error={submit.fieldError('offers')} />
        {field('hoursPerMonth', { type: 'number', inputMode: 'numeric', min: 0, max: 200, hint: t('form.hoursHint') })}
        {field('area', { hint: t('form.areaHint') })}

        <h2>{t('form.onboarding')}</h2>
        <p className="form-hint">{t('form.onboardingHint')}</p>
        {field('introTalkOn', { type: 'date' })}
        {field('courseOn', { type: 'date' })}
        {field('recordCheckedOn', { type: 'date', hint: t('form.recordHint') })}
        {field('agreementSignedOn', { type: 'date' })}

        <fieldset className="form-group">
          <legend className="form-label">{t('registry.status')}</legend>
          {MENTOR_STATUS.map((s) => (
            <div className="form-group-radio" key={s}>
              <input type="radio" className="form-radio" id={`m-status-${s}`} name="m-status" checked={f.status === s} onChange={() => set('status', s)} />
              <label htmlFor={`m-status-${s}`}>{t(`status.${s}`)}</label>
            </div>
          ))}
        </fieldset>
        <div className="form-group">
          <div className="form-group-checkbox">
            <input type="checkbox" className="form-checkbox" id="m-lifelineOptIn" checked={f.lifelineOptIn} onChange={(e) => set('lifelineOptIn', e.target.checked)} />
            <label htmlFor="m-lifelineOptIn">{t('form.lifelineOptIn')}</label>
          </div>
        </div>

        <h2>{t('form.login')}</h2>
        <Select id="m-userId" label={t('form.userId')} hint={t('form.userIdHint')} value={f.userId} onChange={(e) => set('userId', e.target.value)} error={submit.fieldError('userId')}
          options={[{ value: '', label: t('form.noLogin') }, ...loginOptions.map((l) => ({ value: l.userId, label: `${l.name} (${l.email})` }))]} />
        <p className="form-hint">{t('form.inviteNote')}</p>
        <button type="submit" className="button button-primary" disabled={submit.busy}>{id ? t('form.save') : t('form.create')}</button>
      </form>
      {m && <MentorLoginButton mentor={m} onChanged={existing.reload} />}
    </>
  );
}
