import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router-dom';
import type { CreatePartnershipResponse, InstallationMe, PartnershipList } from '../../../../src/partnerships/schemas.ts';
import { municipalityName } from '../../../../src/partnerships/municipalities.ts';
import { api } from '../../api/client.ts';
import { useSessionState } from '../../app/session.tsx';
import { Alert } from '../../components/Alert.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { useLoad, useSubmit } from '../../components/useApi.ts';
import { EMPTY_FORM, FIELD_IDS, PartnershipFields, type PartnershipForm } from './PartnershipFields.tsx';
import './partnerships.css';

type Summary = PartnershipList['partnerships'][number];

/**
 * /installation: the installation administrator's page (users.installation_admin), also
 * with no partnership yet. Creating a partnership makes them its first administrator
 * and switches to it, so the next step — inviting its staff — is one click away.
 */
export function InstallationPage() {
  const { t } = useTranslation('partnerships');
  const { session, switchPartnership } = useSessionState();
  const me = useLoad<InstallationMe>(session ? '/api/installation/me' : null);
  const list = useLoad<PartnershipList>(me.data?.installationAdmin ? '/api/installation/partnerships' : null);
  const [form, setForm] = useState<PartnershipForm>(EMPTY_FORM);
  const s = useSubmit();
  const navigate = useNavigate();
  if (session === undefined) return <Spinner />;
  if (session === null) return <Navigate to="/login?next=%2Finstallation" replace />;
  if (!me.data) return me.error ? <Alert variant="error">{me.error.message}</Alert> : <Spinner />;
  if (!me.data.installationAdmin) return <><PageTitle>{t('installation.title')}</PageTitle><p>{t('installation.notAllowed')}</p></>;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await s.run(() => api.post<CreatePartnershipResponse>('/api/installation/partnerships', form));
    if (!r) return;
    await switchPartnership(r.partnership.id);
    navigate('/', { replace: true });
  };
  const errors = s.error ? (s.error.fields.length ? s.error.fields : [{ field: 'name', message: s.error.message }]) : [];
  return (
    <>
      <PageTitle subtitle={t('installation.intro')}>{t('installation.title')}</PageTitle>
      {list.data && list.data.partnerships.length > 0 && (
        <DataTable<Summary> empty="" caption={t('installation.caption', { count: list.data.partnerships.length })} rows={list.data.partnerships} rowKey={(p) => p.id}
          columns={[
            { key: 'name', header: t('fields.name'), cell: (p) => p.name },
            { key: 'slug', header: t('fields.slug'), cell: (p) => p.slug },
            { key: 'm', header: t('fields.municipalities'), cell: (p) => p.municipalities.map(municipalityName).join(', ') },
          ]} />
      )}
      <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="create-heading" className="partnership-form">
        <h2 id="create-heading">{t('installation.create')}</h2>
        <ErrorSummary errors={errors} idFor={(f) => FIELD_IDS[f] ?? 'p-name'} />
        <PartnershipFields form={form} setForm={setForm} fieldError={s.fieldError} autoSlug />
        <button type="submit" className="button button-primary" disabled={s.busy}>{t('installation.submit')}</button>
      </form>
    </>
  );
}
