import { useTranslation } from 'react-i18next';
import type { Static } from '@sinclair/typebox';
import type { TrustedDeviceList } from '../../../../src/auth/schemas.ts';
import { api } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { useLoad, useSubmit } from '../../components/useApi.ts';

type Devices = Static<typeof TrustedDeviceList>;

const when = (iso: string, lang: string) =>
  new Date(iso).toLocaleString(lang === 'en' ? 'en-GB' : 'da-DK', { timeZone: 'Europe/Copenhagen', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' });

/** "Husk denne telefon": the phones that keep a company contact logged in, each one revocable (shown in /settings). */
export function TrustedDevices() {
  const { t, i18n } = useTranslation('account');
  const list = useLoad<Devices>('/api/auth/devices');
  const forget = useSubmit();
  const d = list.data;
  if (!d || (!d.available && d.devices.length === 0)) return null;

  // Forgetting this phone ends its own session too: the reload then meets the login page.
  async function remove(id: string) {
    if (await forget.run(async () => { await api.delete<void>(`/api/auth/devices/${id}`); return true; })) list.reload();
  }

  return (
    <section className="mt-8" aria-labelledby="devices-heading">
      <h2 id="devices-heading" className="h3">{t('devices.title')}</h2>
      <p>{t('devices.intro')}</p>
      {forget.error && <Alert variant="error">{forget.error.message}</Alert>}
      {d.devices.length === 0 ? <p>{t('devices.none')}</p> : (
        <ul className="nobullet-list">
          {d.devices.map((dev) => (
            <li key={dev.id} className="mb-5">
              <strong>{dev.label || t('devices.unknown')}</strong>{dev.current && <> ({t('devices.current')})</>}
              <br />
              <span className="form-hint">{t('devices.used', { used: when(dev.lastUsedAt, i18n.language), until: when(dev.expiresAt, i18n.language) })}</span>
              <br />
              <button type="button" className="button button-secondary" disabled={forget.busy} onClick={() => void remove(dev.id)}>
                {t('devices.forget')}
                <span className="sr-only"> {dev.label || t('devices.unknown')}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
