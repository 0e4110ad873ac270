import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { InstallationMe } from '../../../../src/partnerships/schemas.ts';
import { useLoad } from '../../components/useApi.ts';

/** For an installation administrator: the way to create partnerships (shown where they land without one). */
export function InstallationLink() {
  const { t } = useTranslation('partnerships');
  const { data } = useLoad<InstallationMe>('/api/installation/me');
  if (!data?.installationAdmin) return null;
  return <p><Link className="button button-primary" to="/installation">{t('installation.goTo')}</Link></p>;
}
