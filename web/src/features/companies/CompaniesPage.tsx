import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { NetworkOverview } from '../../../../src/companies/schemas.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Alert } from '../../components/Alert.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { danish, useLoad } from './ui.tsx';

/** The network: figures first, then every company with computed activity. */
export function CompaniesPage() {
  const { t } = useTranslation('companies');
  const { data, error } = useLoad<NetworkOverview>('/api/network/overview');
  const [q, setQ] = useState('');
  const rows = (data?.perCompany ?? []).filter((c) => {
    const s = q.trim().toLocaleLowerCase('da');
    return !s || c.name.toLocaleLowerCase('da').includes(s) || (c.industry ?? '').toLocaleLowerCase('da').includes(s) || c.cvr === s;
  }).sort((a, b) => danish.compare(a.name, b.name));
  return (
    <>
      <PageTitle>{t('list.title')}</PageTitle>
      <p><Link className="button button-primary" to="/companies/new">{t('list.new')}</Link></p>
      {error && <Alert variant="error">{error.message}</Alert>}
      {!data && !error && <Spinner />}
      {data && (
        <>
          <dl className="key-figures" data-testid="network-figures">
            <div><dt>{t('list.companies')}</dt><dd>{data.companies}</dd></div>
            <div><dt>{t('list.active')}</dt><dd>{data.active}</dd></div>
            <div><dt>{t('list.passive')}</dt><dd>{data.passive}</dd></div>
            <div><dt>{t('list.freePlaces')}</dt><dd>{data.freePlaces}</dd></div>
          </dl>
          <p className="form-hint">{t('list.activeHint')}</p>
          <div className="form-group">
            <label className="form-label" htmlFor="company-search">{t('list.search')}</label>
            <input id="company-search" className="form-input" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
          </div>
          {rows.length === 0 ? <p>{t('list.none')}</p> : (
            <div className="table-responsive">
              <table className="table table--compact">
                <thead>
                  <tr>
                    <th scope="col">{t('list.name')}</th>
                    <th scope="col">{t('list.membership')}</th>
                    <th scope="col">{t('list.activity')}</th>
                    <th scope="col">{t('list.placements')}</th>
                    <th scope="col">{t('list.hires')}</th>
                    <th scope="col">{t('list.freePlaces')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((c) => (
                    <tr key={c.id}>
                      <th scope="row"><Link to={`/companies/${c.id}`}>{c.name}</Link></th>
                      <td>{t(`membership.${c.membership}`)}</td>
                      <td>{c.active ? t('list.isActive') : t('list.isPassive')}</td>
                      <td>{c.placements}</td>
                      <td>{c.hires}</td>
                      <td>{c.freePlaces}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </>
  );
}
