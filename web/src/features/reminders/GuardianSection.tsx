import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Static } from '@sinclair/typebox';
import type { GuardianView } from '../../../../src/reminders/schemas.ts';
import { api } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { Checkboxes } from '../../components/FormControls.tsx';
import { useLoad, useSubmit } from '../../components/useApi.ts';

type Guardian = Static<typeof GuardianView>;

/** For a young person under 18: reminders about them may also go to the guardian on the record. */
export function GuardianSection({ youngPersonId }: { youngPersonId: string }) {
  const { t } = useTranslation('reminders');
  const g = useLoad<Guardian>(`/api/reminders/guardian/${youngPersonId}`);
  const [enabled, setEnabled] = useState(false);
  const [channels, setChannels] = useState<string[]>(['email']);
  const [saved, setSaved] = useState(false);
  const submit = useSubmit();
  useEffect(() => {
    if (!g.data) return;
    setEnabled(g.data.enabled);
    setChannels([g.data.byEmail ? 'email' : null, g.data.bySms ? 'sms' : null].filter((c): c is string => c !== null));
  }, [g.data]);
  if (g.error) return <Alert variant="error">{g.error.message}</Alert>;
  if (!g.data || !g.data.under18) return null;
  const d = g.data;
  const noContact = !d.guardianEmail && !d.guardianPhone;

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    const body = { enabled, byEmail: channels.includes('email'), bySms: channels.includes('sms') };
    // 204 has no body: the run answers true itself when the call went through.
    if (await submit.run(async () => { await api.put(`/api/reminders/guardian/${youngPersonId}`, body); return true; })) { setSaved(true); g.reload(); }
  }

  return (
    <section id="guardian" aria-labelledby="guardian-h" data-testid="guardian-reminders">
      <h2 id="guardian-h">{t('guardian.heading')}</h2>
      <p>
        {d.guardianName ?? t('guardian.noName')}
        {d.guardianEmail && <> · {d.guardianEmail}</>}
        {d.guardianPhone && <> · {d.guardianPhone}</>}
      </p>
      {noContact && <Alert variant="info">{t('guardian.noContact')}</Alert>}
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        {saved && <Alert variant="success">{t('guardian.saved')}</Alert>}
        {submit.error && <Alert variant="error">{submit.error.message}</Alert>}
        <div className="form-group">
          <div className="form-group-checkbox">
            <input type="checkbox" className="form-checkbox" id="guardian-enabled" checked={enabled} onChange={(e) => { setEnabled(e.target.checked); setSaved(false); }} />
            <label htmlFor="guardian-enabled">{t('guardian.enabled')}</label>
          </div>
        </div>
        {enabled && (
          <Checkboxes id="guardian-channels" legend={t('guardian.channels')} value={channels} onChange={(v) => { setChannels(v); setSaved(false); }} options={[
            { value: 'email', label: t('guardian.email') }, { value: 'sms', label: t('guardian.sms') },
          ]} />
        )}
        <button type="submit" className="button button-secondary" disabled={submit.busy}>{t('guardian.save')}</button>
      </form>
    </section>
  );
}
