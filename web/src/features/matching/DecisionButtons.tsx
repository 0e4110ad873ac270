import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import type { Decision } from './types.ts';

/** Accept (creates a planned placement or mentorship) or reject with a reason. */
export function DecisionButtons({ youngPersonId, kind, candidateId, source, label, onDecided }: {
  youngPersonId: string;
  kind: 'opening' | 'mentor';
  candidateId: string;
  source: 'single' | 'batch';
  /** Who/what the buttons are about, for screen readers ("Lager og pakning"). */
  label: string;
  onDecided: (d: Decision) => void;
}) {
  const { t } = useTranslation('matching');
  const id = useId();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function send(path: 'accept' | 'reject') {
    setBusy(true);
    setError(null);
    try {
      const body = path === 'accept' ? { kind, candidateId, source } : { kind, candidateId, source, reason };
      onDecided(await api.post<Decision>(`/api/youth/${youngPersonId}/suggestions/${path}`, body));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div>
      {error && <Alert variant="error" headingLevel={3}>{error}</Alert>}
      <div className="match-actions">
        <button type="button" className="button button-primary" disabled={busy} onClick={() => void send('accept')}
          aria-label={t(kind === 'opening' ? 'actions.acceptOpeningFor' : 'actions.acceptMentorFor', { name: label })}>
          {t(kind === 'opening' ? 'actions.acceptOpening' : 'actions.acceptMentor')}
        </button>
        {!rejecting && (
          <button type="button" className="button button-secondary" onClick={() => setRejecting(true)}
            aria-label={t('actions.rejectFor', { name: label })}>{t('actions.reject')}</button>
        )}
      </div>
      {rejecting && (
        <form className="match-actions" onSubmit={(e) => { e.preventDefault(); void send('reject'); }}>
          <div className="form-group">
            <label className="form-label" htmlFor={`${id}-reason`}>{t('actions.reason')}</label>
            <textarea id={`${id}-reason`} className="form-input" rows={2} required minLength={2} maxLength={1000}
              value={reason} onChange={(e) => setReason(e.target.value)} />
          </div>
          <button type="submit" className="button button-secondary" disabled={busy || reason.trim().length < 2}>{t('actions.confirmReject')}</button>
          <button type="button" className="button button-tertiary" onClick={() => setRejecting(false)}>{t('actions.cancel')}</button>
        </form>
      )}
    </div>
  );
}
