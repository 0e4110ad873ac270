import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN } from '../../../../src/auth/password-rules.ts';
import { api } from '../../api/client.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Field } from '../../components/Field.tsx';
import { Alert } from '../../components/Alert.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { useSubmit } from '../../components/useApi.ts';

/** "Glemt adgangskode?": the same answer for every address (src/access/request-reset.ts). */
export function ForgotPasswordPage() {
  const { t } = useTranslation('access');
  const [email, setEmail] = useState('');
  const [answer, setAnswer] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const s = useSubmit();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setMissing(!email.trim());
    if (!email.trim()) return;
    const r = await s.run(() => api.post<{ message: string }>('/api/password-reset/request', { email: email.trim() }, { allowUnauthenticated: true }));
    if (r) setAnswer(r.message);
  };
  const error = missing ? t('forgot.emailRequired') : s.fieldError('email');
  return (
    <div className="narrow-page">
      <PageTitle>{t('forgot.title')}</PageTitle>
      {answer ? (
        <Alert variant="success" heading={t('forgot.sentHeading')}><p>{answer}</p><p><Link to="/login">{t('forgot.back')}</Link></p></Alert>
      ) : (
        <>
          <p>{t('forgot.intro')}</p>
          {error && <ErrorSummary errors={[{ field: 'email', message: error }]} idFor={() => 'forgot-email'} />}
          {s.error && !s.error.fields.length && <Alert variant="error">{s.error.message}</Alert>}
          <form onSubmit={(e) => void submit(e)} noValidate>
            <Field id="forgot-email" type="email" autoComplete="username" required label={t('forgot.email')} value={email}
              error={error} onChange={(e) => setEmail(e.target.value)} />
            <button type="submit" className="button button-primary" disabled={s.busy}>{t('forgot.submit')}</button>
          </form>
          <p><Link className="tap-target" to="/login">{t('forgot.back')}</Link></p>
        </>
      )}
    </div>
  );
}

/**
 * The page the reset link opens (/password-reset#<token>). The token stays in the
 * fragment, out of server logs and Referer headers, and is posted with the new password.
 */
export function PasswordResetPage() {
  const { t } = useTranslation('access');
  const [token] = useState(() => window.location.hash.slice(1));
  const [password, setPassword] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const s = useSubmit();
  useEffect(() => {
    if (done) window.history.replaceState(window.history.state, '', '/password-reset');
  }, [done]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await s.run(() => api.post<{ email: string }>('/api/password-reset/complete', { token, password }, { allowUnauthenticated: true }));
    if (r) setDone(r.email);
  };
  return (
    <div className="narrow-page">
      <PageTitle>{t('reset.title')}</PageTitle>
      {!token && <Alert variant="error">{t('reset.noToken')}</Alert>}
      {done && (
        <Alert variant="success" heading={t('reset.saved')}>
          <p>{t('reset.loginWith', { email: done })}</p>
          <p><Link className="button button-primary" to="/login">{t('reset.login')}</Link></p>
        </Alert>
      )}
      {token && !done && (
        <>
          <p>{t('reset.intro')}</p>
          {s.error && s.error.fields.length > 0 && <ErrorSummary errors={s.error.fields} idFor={() => 'reset-password'} />}
          {s.error && s.error.fields.length === 0 && <Alert variant="error">{s.error.message}</Alert>}
          <form onSubmit={(e) => void submit(e)} noValidate>
            <Field id="reset-password" type="password" autoComplete="new-password" required label={t('reset.password')}
              hint={t('reset.hint', { min: PASSWORD_MIN })} error={s.fieldError('password')} value={password} onChange={(e) => setPassword(e.target.value)} />
            <button type="submit" className="button button-primary" disabled={s.busy}>{t('reset.save')}</button>
          </form>
        </>
      )}
    </div>
  );
}
