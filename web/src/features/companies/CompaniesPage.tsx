import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { NetworkOverview, Opening } from '../../../../src/companies/schemas.ts';
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
            <div><dt>{t('list.placementsYear')}</dt><dd>{data.placementsLast12Months}</dd></div>
            <div><dt>{t('list.hiresYear')}</dt><dd>{data.hiresLast12Months}</dd></div>
          </dl>
          <p className="form-hint">{t('list.activeHint')} {t('list.hiresHint')}</p>
          <MembershipTable byMembership={data.byMembership} />
          <h2 id="all-companies">{t('list.all')}</h2>
          <div className="form-group">
            <label className="form-label" htmlFor="company-search">{t('list.search')}</label>
            <input id="company-search" className="form-input" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
          </div>
          {rows.length === 0 ? <p>{t('list.none')}</p> : (
            <div className="table--responsive-scroll" tabIndex={0} role="region" aria-labelledby="all-companies">
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
          <FreeOpenings />
        </>
      )}
    </>
  );
}

/** Members by membership (fixed partner, steering group, network member, occasional), active and passive. */
function MembershipTable({ byMembership }: { byMembership: NetworkOverview['byMembership'] }) {
  const { t } = useTranslation('companies');
  return (
    <section aria-labelledby="by-membership">
      <h2 id="by-membership">{t('list.byMembership')}</h2>
      <div className="table--responsive-scroll" tabIndex={0} role="region" aria-labelledby="by-membership">
        <table className="table table--compact" data-testid="by-membership">
          <thead>
            <tr><th scope="col">{t('list.membership')}</th><th scope="col">{t('list.members')}</th><th scope="col">{t('list.active')}</th><th scope="col">{t('list.passive')}</th></tr>
          </thead>
          <tbody>
            {byMembership.map((m) => (
              <tr key={m.membership}>
                <th scope="row">{t(`membership.${m.membership}`)}</th><td>{m.total}</td><td>{m.active}</td><td>{m.total - m.active}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** The open openings with a free place now (GET /api/openings?freeOnly=true), for the next match. */
function FreeOpenings() {
  const { t } = useTranslation('companies');
  const { data, error } = useLoad<Opening[]>('/api/openings', { freeOnly: true });
  return (
    <section aria-labelledby="free-openings">
      <h2 id="free-openings">{t('list.freeOpenings')}</h2>
      {error && <Alert variant="error">{error.message}</Alert>}
      {!data && !error && <Spinner />}
      {data && data.length === 0 && <p>{t('list.noFreeOpenings')}</p>}
      {data && data.length > 0 && (
        <div className="table--responsive-scroll" tabIndex={0} role="region" aria-labelledby="free-openings">
          <table className="table table--compact" data-testid="free-openings">
            <thead>
              <tr><th scope="col">{t('list.name')}</th><th scope="col">{t('company.opening')}</th><th scope="col">{t('list.freePlaces')}</th><th scope="col">{t('company.kind')}</th></tr>
            </thead>
            <tbody>
              {data.map((o) => (
                <tr key={o.id}>
                  <th scope="row">{o.companyName}</th>
                  {/* The company's name links once, in the table above; here the opening links to its company. */}
                  <td><Link to={`/companies/${o.companyId}`}>{o.title}</Link></td>
                  <td>{t('company.free', { free: o.freePlaces, capacity: o.capacity })}</td>
                  <td>{o.placementKinds.map((k) => t(`kinds.${k}`)).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
