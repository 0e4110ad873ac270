import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { useSessionState } from './session.tsx';
import { ApiError, type FieldError } from '../api/client.ts';
import { Alert } from '../components/Alert.tsx';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Field } from '../components/Field.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { Spinner } from '../components/Spinner.tsx';
import { OidcLoginButton } from './OidcLogin.tsx';

interface LocationState {
  from?: string;
}

const FIELD_IDS: Record<string, string> = { email: 'login-email', password: 'login-password' };

export function LoginPage() {
  const { t } = useTranslation();
  const { session, expired, loggedOut, login } = useSessionState();
  const navigate = useNavigate();
  const state = (useLocation().state ?? {}) as LocationState;
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (session === undefined) return <Spinner />;
  if (session && !busy) return <Navigate to={state.from ?? '/'} replace />;

  const errorFor = (field: string) => fieldErrors.find((e) => e.field === field)?.message;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFailure(null);
    const errors: FieldError[] = [];
    if (!email.trim()) errors.push({ field: 'email', message: t('login.errors.emailRequired') });
    else if (!/^[^\s@]+@[^\s@]+$/.test(email.trim())) errors.push({ field: 'email', message: t('login.errors.emailInvalid') });
    if (!password) errors.push({ field: 'password', message: t('login.errors.passwordRequired') });
    setFieldErrors(errors);
    if (errors.length) return;
    setBusy(true);
    try {
      await login(email.trim(), password);
      navigate(state.from ?? '/', { replace: true });
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiError) {
        setFailure(err.code === 'bad_credentials' ? t('login.errors.bad_credentials') : err.message);
        setFieldErrors(err.fields);
      } else {
        setFailure(String(err));
      }
    }
  }

  return (
    <div className="narrow-page">
      <PageTitle>{t('login.title')}</PageTitle>
      {expired && !failure && <Alert variant="info">{t('login.expired')}</Alert>}
      {loggedOut && !expired && !failure && <Alert variant="success">{t('login.loggedOut')}</Alert>}
      <p>{t('login.intro')}</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <ErrorSummary errors={fieldErrors} idFor={(f) => FIELD_IDS[f] ?? f} />
        {failure && <Alert variant="error" heading={t('login.failed')}>{failure}</Alert>}
        <Field
          id="login-email"
          name="email"
          type="email"
          autoComplete="username"
          label={t('login.email')}
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={errorFor('email')}
          required
        />
        <Field
          id="login-password"
          name="password"
          type="password"
          autoComplete="current-password"
          label={t('login.password')}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={errorFor('password')}
          required
        />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('login.submitting') : t('login.submit')}
          </button>
        </div>
      </form>
      <OidcLoginButton />
    </div>
  );
}
