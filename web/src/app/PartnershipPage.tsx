import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useSession, useSessionState } from './session.tsx';
import { ApiError } from '../api/client.ts';
import { Alert } from '../components/Alert.tsx';
import { PageTitle } from '../components/PageTitle.tsx';

/** Lets a user with several memberships choose the partnership (and so the role) they act in. */
export function PartnershipPage() {
  const { t } = useTranslation();
  const session = useSession();
  const { switchPartnership } = useSessionState();
  const navigate = useNavigate();
  const [chosen, setChosen] = useState(session.partnership?.id ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await switchPartnership(chosen);
      navigate('/');
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
      setBusy(false);
    }
  }

  return (
    <div className="narrow-page">
      <PageTitle>{t('partnership.title')}</PageTitle>
      {session.partnership && session.role && (
        <p>{t('partnership.current', { name: session.partnership.name, role: t(`roles.${session.role}`).toLowerCase() })}</p>
      )}
      <p>{t('partnership.intro')}</p>
      {error && <Alert variant="error">{error}</Alert>}
      <form onSubmit={(e) => void submit(e)}>
        <div className="form-group">
          <fieldset>
            <legend className="form-label">{t('partnership.legend')}</legend>
            <ul className="nobullet-list">
              {session.memberships.map((m) => (
                <li key={m.partnershipId}>
                  <input
                    className="form-radio radio-large"
                    type="radio"
                    id={`p-${m.partnershipId}`}
                    name="partnership"
                    value={m.partnershipId}
                    checked={chosen === m.partnershipId}
                    onChange={() => setChosen(m.partnershipId)}
                  />
                  <label htmlFor={`p-${m.partnershipId}`}>
                    {t('partnership.option', { name: m.partnershipName, role: t(`roles.${m.role}`) })}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy || !chosen}>{t('partnership.submit')}</button>
        </div>
      </form>
    </div>
  );
}
