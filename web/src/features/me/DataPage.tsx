import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/PageTitle.tsx';

/** "Mine data": everything as a file or as a readable page (both audited as an export on the server). */
export function DataPage() {
  const { t } = useTranslation('me');
  return (
    <>
      <PageTitle>{t('data.title')}</PageTitle>
      <p>{t('data.intro')}</p>
      <ul className="nobullet-list">
        <li><a className="button button-primary" href="/api/me/export" download="mine-data.json">{t('data.json')}</a></li>
        <li><a className="button button-secondary" href="/api/me/export.html" target="_blank" rel="noopener">{t('data.page')}</a></li>
      </ul>
    </>
  );
}
