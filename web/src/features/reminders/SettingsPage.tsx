import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Static } from '@sinclair/typebox';
import type { PreferencesView } from '../../../../src/reminders/schemas.ts';
import { api } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { Checkboxes } from '../../components/FormControls.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { useLoad, useSubmit } from '../../components/useApi.ts';
import { TrustedDevices } from '../account/TrustedDevices.tsx';

type Prefs = Static<typeof PreferencesView>;

/** Every user chooses how their reminders arrive: e-mail, SMS, both or none. */
export function SettingsPage() {
  const { t } = useTranslation('reminders');
  const prefs = useLoad<Prefs>('/api/reminders/preferences');
  const [channels, setChannels] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);
  const submit = useSubmit();
  useEffect(() => {
    if (prefs.data) setChannels([prefs.data.byEmail ? 'email' : null, prefs.data.bySms ? 'sms' : null].filter((c): c is string => c !== null));
  }, [prefs.data]);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    if (await submit.run(() => api.put('/api/reminders/preferences', { byEmail: channels.includes('email'), bySms: channels.includes('sms') }))) setSaved(true);
  }

  const p = prefs.data;
  return (
    <>
      <PageTitle subtitle={t('settings.intro')}>{t('settings.title')}</PageTitle>
      {prefs.error && <Alert variant="error">{prefs.error.message}</Alert>}
      {!p && !prefs.error && <Spinner />}
      {p && (
        <form onSubmit={(e) => void onSubmit(e)} noValidate>
          {saved && <Alert variant="success">{t('settings.saved')}</Alert>}
          {submit.error && <Alert variant="error">{submit.error.message}</Alert>}
          <Checkboxes id="channels" legend={t('settings.legend')} value={channels} onChange={(v) => { setChannels(v); setSaved(false); }} options={[
            { value: 'email', label: t('settings.email', { email: p.email }) },
            { value: 'sms', label: p.phone ? t('settings.sms', { phone: p.phone }) : t('settings.smsNoPhone') },
          ]} />
          {channels.includes('sms') && !p.phone && <Alert variant="warning">{t('settings.noPhone')}</Alert>}
          {channels.length === 0 && <Alert variant="warning">{t('settings.none')}</Alert>}
          <button type="submit" className="button button-primary" disabled={submit.busy}>{t('settings.save')}</button>
        </form>
      )}
      <TrustedDevices />
    </>
  );
}
