import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Static } from '@sinclair/typebox';
import type { AcceptInviteResponse } from '../../../../src/auth/invites.ts';
import { PASSWORD_MIN } from '../../../../src/auth/password-rules.ts';
import { api } from '../../api/client.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Field } from '../../components/Field.tsx';
import { Alert } from '../../components/Alert.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { useSubmit } from '../../components/useApi.ts';

type Accepted = Static<typeof AcceptInviteResponse>;

/**
 * The page the invitation e-mail links to (/invitation#<token>), for a young
 * person and a company contact alike. The token stays in the URL fragment, so it
 * never reaches server logs or a Referer header; it is posted with the password.
 */
export function InvitationPage() {
  const { t } = useTranslation('account');
  // Read once: after saving, the fragment is removed from the address bar.
  const [token] = useState(() => window.location.hash.slice(1));
  const [password, setPassword] = useState('');
  const [done, setDone] = useState<Accepted | null>(null);
  const s = useSubmit();
  useEffect(() => {
    if (done) window.history.replaceState(window.history.state, '', '/invitation');
  }, [done]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await s.run(() => api.post<Accepted>('/api/invites/accept', { token, password }, { allowUnauthenticated: true }));
    if (r) setDone(r);
  };
  const passwordError = s.fieldError('password');
  return (
    <div className="narrow-page">
      <PageTitle>{t('invitation.title')}</PageTitle>
      {!token && <Alert variant="error">{t('invitation.noToken')}</Alert>}
      {done && (
        <Alert variant="success" heading={t('invitation.saved')}>
          <p>{t('invitation.loginWith', { email: done.email })}</p>
          <p><Link className="button button-primary" to="/login" state={{ from: done.landing }}>{t('invitation.login')}</Link></p>
        </Alert>
      )}
      {token && !done && (
        <>
          <p>{t('invitation.intro')}</p>
          {s.error && s.error.fields.length > 0 && <ErrorSummary errors={s.error.fields} idFor={() => 'invite-password'} />}
          {s.error && s.error.fields.length === 0 && <Alert variant="error">{s.error.message}</Alert>}
          <form onSubmit={submit} noValidate>
            <Field id="invite-password" type="password" autoComplete="new-password" required label={t('invitation.password')}
              hint={t('invitation.hint', { min: PASSWORD_MIN })} error={passwordError} value={password} onChange={(e) => setPassword(e.target.value)} />
            <button type="submit" className="button button-primary" disabled={s.busy}>{t('invitation.save')}</button>
          </form>
        </>
      )}
    </div>
  );
}
