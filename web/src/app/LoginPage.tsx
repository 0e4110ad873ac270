import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { safeNextPath } from '../../../src/access/next-path.ts';
import { useSessionState } from './session.tsx';
import { ApiError, type FieldError } from '../api/client.ts';
import { Alert } from '../components/Alert.tsx';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Field } from '../components/Field.tsx';
import { Checkbox } from '../components/FormControls.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { Spinner } from '../components/Spinner.tsx';
import { OidcLoginButton } from './OidcLogin.tsx';

interface LocationState {
  from?: string;
}

const FIELD_IDS: Record<string, string> = { email: 'login-email', password: 'login-password', code: 'login-code' };

export function LoginPage() {
  const { t } = useTranslation();
  const { session, expired, loggedOut, login } = useSessionState();
  const navigate = useNavigate();
  const state = (useLocation().state ?? {}) as LocationState;
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [needCode, setNeedCode] = useState(false);
  const [remember, setRemember] = useState(false);
  // Sent back here by the municipality's login to link it to this user with a password login (src/auth/oidc-link.ts).
  const [params] = useSearchParams();
  const linkOidc = params.get('link') === 'oidc';
  // The page the user asked for: ?next= or the path RequireAuth sent them from; same-site paths only.
  const target = safeNextPath(params.get('next')) ?? safeNextPath(state.from) ?? '/';
  const [fieldErrors, setFieldErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (session === undefined) return <Spinner />;
  if (session && !busy) return <Navigate to={target} replace />;

  const errorFor = (field: string) => fieldErrors.find((e) => e.field === field)?.message;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFailure(null);
    const errors: FieldError[] = [];
    if (!email.trim()) errors.push({ field: 'email', message: t('login.errors.emailRequired') });
    else if (!/^[^\s@]+@[^\s@]+$/.test(email.trim())) errors.push({ field: 'email', message: t('login.errors.emailInvalid') });
    if (!password) errors.push({ field: 'password', message: t('login.errors.passwordRequired') });
    if (needCode && !/^\d{6}$/.test(code.trim())) errors.push({ field: 'code', message: t('login.errors.codeRequired') });
    setFieldErrors(errors);
    if (errors.length) return;
    setBusy(true);
    try {
      await login(email.trim(), password, {
        ...(needCode ? { code: code.trim() } : {}),
        ...(remember ? { rememberDevice: true } : {}),
        ...(linkOidc ? { linkOidc: true } : {}),
      });
      navigate(target, { replace: true });
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiError && err.code === 'totp_required') {
        // Two-factor login: the password was right; ask for the code without an error.
        setNeedCode(true);
      } else if (err instanceof ApiError) {
        if (err.code === 'totp_invalid') setNeedCode(true);
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
      {linkOidc && <Alert variant="info">{t('login.linkOidc')}</Alert>}
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
        {needCode && (
          <Field
            id="login-code"
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            label={t('login.code')}
            hint={t('login.codeHint')}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            error={errorFor('code')}
            autoFocus
          />
        )}
        {!linkOidc && (
          <>
            <Checkbox id="login-remember" label={t('login.remember')} checked={remember} onChange={setRemember} />
            <p className="form-hint" id="login-remember-hint">{t('login.rememberHint')}</p>
          </>
        )}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('login.submitting') : t('login.submit')}
          </button>
        </div>
      </form>
      <p><Link className="tap-target" to="/forgot-password">{t('access:forgot.link')}</Link></p>
      <OidcLoginButton />
    </div>
  );
}
