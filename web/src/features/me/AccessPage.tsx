import { useTranslation } from 'react-i18next';
import type { Static } from '@sinclair/typebox';
import type { AccessLogEntry } from '../../../../src/youth/me-schemas.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Alert } from '../../components/Alert.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { useLoad } from '../youth/hooks.ts';

type Entry = Static<typeof AccessLogEntry>;

/** "Hvem har set mine oplysninger": from the audit log; organisation (the company or association for their contacts) and role, no staff names. */
export function AccessPage() {
  const { t, i18n } = useTranslation('me');
  const { data, error } = useLoad<Entry[]>('/api/me/access-log');
  const known = (group: string, key: string | null, fallback: string) => t(`access.${group}.${key ?? fallback}`, { defaultValue: t(`access.${group}.${fallback}`) });
  return (
    <>
      <PageTitle>{t('access.title')}</PageTitle>
      <p>{t('access.intro')}</p>
      {error && <Alert variant="error">{error.message}</Alert>}
      {!data && !error && <Spinner />}
      {data && (
        <DataTable<Entry>
          caption={t('access.caption')}
          rows={data}
          rowKey={(r) => r.at + r.what + r.action}
          empty={t('access.none')}
          columns={[
            { key: 'date', header: t('access.date'), cell: (r) => new Date(r.at).toLocaleDateString(i18n.language === 'en' ? 'en-GB' : 'da-DK') },
            { key: 'who', header: t('access.who'), cell: (r) => `${known('role', r.role, 'system')}${r.organisation ? `, ${r.organisation}` : ''}` },
            {
              key: 'what', header: t('access.what'),
              cell: (r) => (r.listed
                ? t('access.listed', { organisation: r.organisation ?? known('role', r.role, 'system') })
                : `${known('action', r.action, 'read')} ${known('kind', r.what, 'other')}`),
            },
            { key: 'why', header: t('access.why'), cell: (r) => known('purpose', r.purpose, 'other') },
          ]}
        />
      )}
    </>
  );
}
