import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { AuthMethods, OidcStartResponse } from '../../../src/auth/schemas.ts';
import { api, ApiError } from '../api/client.ts';
import { Alert } from '../components/Alert.tsx';
import { Field } from '../components/Field.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { Spinner } from '../components/Spinner.tsx';
import { useLoad, useSubmit } from '../components/useApi.ts';
import { useSessionState } from './session.tsx';

/** "Log ind med kommunens login": shown only when the server has an OpenID Connect provider configured. */
export function OidcLoginButton() {
  const { t } = useTranslation();
  const methods = useLoad<AuthMethods>('/api/auth/methods');
  const { busy, error, run } = useSubmit();
  if (!methods.data?.oidc) return null;

  async function start() {
    const res = await run(() => api.post<OidcStartResponse>('/api/auth/oidc/start', undefined, { allowUnauthenticated: true }));
    if (res) window.location.assign(res.url);
  }

  return (
    <section className="oidc-login mt-7" aria-labelledby="oidc-login-heading">
      <h2 id="oidc-login-heading" className="h3">{t('login.oidc.heading')}</h2>
      <p>{t('login.oidc.intro')}</p>
      {error && <Alert variant="error" heading={t('login.failed')}>{error.message}</Alert>}
      <button type="button" className="button button-secondary" disabled={busy} onClick={() => void start()}>
        {busy ? t('login.oidc.starting') : t('login.oidc.button')}
      </button>
    </section>
  );
}

/** Where the municipality's login sends the browser back (OIDC_REDIRECT_URL): finishes the sign-in. */
export function OidcCallbackPage() {
  const { t } = useTranslation();
  const { completeOidcLogin, completeOidcCode } = useSessionState();
  const navigate = useNavigate();
  const [failure, setFailure] = useState<string | null>(null);
  // 'link': the provider account is not linked to a user yet; 'code': a user with two-factor login gives the code.
  const [next, setNext] = useState<'link' | 'code' | null>(null);
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const started = useRef(false);

  useEffect(() => {
    // The code in the URL works once: never post it twice (React's strict mode runs effects twice).
    if (started.current) return;
    started.current = true;
    const search = window.location.search;
    window.history.replaceState(null, '', window.location.pathname);
    completeOidcLogin(search || '?')
      .then(() => navigate('/', { replace: true }))
      .catch((err: unknown) => {
        if (err instanceof ApiError && err.code === 'oidc_link_needed') setNext('link');
        if (err instanceof ApiError && err.code === 'oidc_totp_required') setNext('code');
        setFailure(err instanceof ApiError ? err.message : String(err));
      });
  }, [completeOidcLogin, navigate]);

  async function sendCode(e: FormEvent) {
    e.preventDefault();
    if (!/^\d{6}$/.test(code.trim())) {
      setCodeError(t('login.errors.codeRequired'));
      return;
    }
    setBusy(true);
    try {
      await completeOidcCode(code.trim());
      navigate('/', { replace: true });
    } catch (err) {
      setBusy(false);
      setCodeError(err instanceof ApiError ? err.message : String(err));
    }
  }

  if (next === 'code') {
    return (
      <div className="narrow-page">
        <PageTitle>{t('login.oidc.callbackTitle')}</PageTitle>
        <p>{failure}</p>
        <form onSubmit={(e) => void sendCode(e)} noValidate>
          <Field id="oidc-code" name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={6} label={t('login.code')}
            hint={t('login.codeHint')} value={code} onChange={(e) => setCode(e.target.value)} error={codeError} autoFocus />
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={busy}>{busy ? t('login.submitting') : t('login.submit')}</button>
          </div>
        </form>
      </div>
    );
  }

  return (
    <div className="narrow-page">
      <PageTitle>{t('login.oidc.callbackTitle')}</PageTitle>
      {failure ? (
        <>
          <Alert variant={next === 'link' ? 'info' : 'error'} heading={next === 'link' ? t('login.oidc.linkHeading') : t('login.failed')}>{failure}</Alert>
          {next === 'link'
            ? <p><Link to="/login?link=oidc" className="button button-primary">{t('login.oidc.linkNow')}</Link></p>
            : <p><Link to="/login">{t('login.oidc.backToLogin')}</Link></p>}
        </>
      ) : <Spinner />}
    </div>
  );
}
