import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import type { Static } from '@sinclair/typebox';
import type { CatalogSearchResult } from '../../../../src/catalog/schemas.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { Alert } from '../../components/Alert.tsx';
import { useApiGet } from '../../components/useApi.ts';
import { ageText } from './format.ts';
import './catalog.css';

type Result = Static<typeof CatalogSearchResult>;
const FACETS = ['owner', 'municipality', 'ageBand', 'tag', 'status'] as const;
type FacetName = (typeof FACETS)[number];
const PAGE = 20;

/** The public catalog: search, facets as selects in one form (nothing changes until "Søg"), results. */
export function CatalogPage() {
  const { t } = useTranslation('catalog');
  const [params, setParams] = useSearchParams();
  const [limit, setLimit] = useState(PAGE);
  const query = {
    q: params.get('q') || undefined,
    owner: params.get('owner') || undefined,
    municipality: params.get('municipality') || undefined,
    ageBand: params.get('ageBand') || undefined,
    tag: params.get('tag') || undefined,
    status: params.get('status') || undefined,
    limit,
  };
  const result = useApiGet<Result>('/api/catalog', query);

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const next = new URLSearchParams();
    for (const [k, v] of data.entries()) if (typeof v === 'string' && v.trim()) next.set(k, v.trim());
    setLimit(PAGE);
    setParams(next);
  }

  const facetLabel = (name: FacetName, value: string) =>
    name === 'ageBand' ? t(`ageBand.${value}`) : name === 'status' ? t(`status.${value}`) : value;
  const facets = result.state === 'done' ? result.data.facets : null;

  return (
    <div className="catalog">
      <PageTitle subtitle={t('list.intro')}>{t('list.title')}</PageTitle>
      <form role="search" className="catalog-search" onSubmit={submit} key={params.toString()}>
        <div className="form-group">
          <label className="form-label" htmlFor="catalog-q">{t('list.search')}</label>
          <span className="form-hint" id="catalog-q-hint">{t('list.searchHint')}</span>
          <input className="form-input input-width-xl" id="catalog-q" name="q" type="search" defaultValue={query.q ?? ''} aria-describedby="catalog-q-hint" />
        </div>
        <fieldset className="catalog-facets">
          <legend className="h3">{t('list.filters')}</legend>
          {FACETS.map((name) => {
            const current = params.get(name) ?? '';
            const values = facets?.[name] ?? [];
            const options = current && !values.some((v) => v.value === current) ? [{ value: current, count: 0 }, ...values] : values;
            return (
              <div className="form-group" key={name}>
                <label className="form-label" htmlFor={`facet-${name}`}>{t(`facet.${name}`)}</label>
                <select className="form-select" id={`facet-${name}`} name={name} defaultValue={current}>
                  <option value="">{t('list.any')}</option>
                  {options.map((v) => (
                    <option key={v.value} value={v.value}>{`${facetLabel(name, v.value)} (${v.count})`}</option>
                  ))}
                </select>
              </div>
            );
          })}
        </fieldset>
        <div className="catalog-actions">
          <button type="submit" className="button button-primary">{t('list.submit')}</button>
          {params.toString() && <Link to="/katalog" className="catalog-reset">{t('list.reset')}</Link>}
        </div>
      </form>
      {result.state === 'loading' && <Spinner />}
      {result.state === 'error' && <Alert variant="error">{result.error.message}</Alert>}
      {result.state === 'done' && <Results data={result.data} onMore={() => setLimit((n) => n + PAGE)} />}
    </div>
  );
}

function Results({ data, onMore }: { data: Result; onMore: () => void }) {
  const { t } = useTranslation('catalog');
  return (
    <section aria-labelledby="catalog-count">
      <h2 id="catalog-count" className="h3" aria-live="polite">{t('list.count', { count: data.total })}</h2>
      {data.total === 0 && <p>{t('list.none')}</p>}
      <ul className="catalog-results">
        {data.items.map((i) => (
          <li key={i.key} className="catalog-result">
            <h3 className="h4"><Link to={`/katalog/${i.key}`}>{i.title}</Link></h3>
            <p className="catalog-meta">
              <span>{i.owner}</span> · <span>{ageText(t, i.ageMin, i.ageMax)}</span> · <span>{t(`status.${i.status}`)}</span>
            </p>
            {i.excerpt && <p>{i.excerpt}</p>}
            {i.tags.length > 0 && (
              <ul className="catalog-tags" aria-label={t('facet.tag')}>
                {i.tags.map((tag) => <li key={tag}>{tag}</li>)}
              </ul>
            )}
          </li>
        ))}
      </ul>
      {data.items.length < data.total && (
        <button type="button" className="button button-secondary" onClick={onMore}>{t('list.more')}</button>
      )}
      <p className="catalog-took">{t('list.took', { ms: data.tookMs })}</p>
    </section>
  );
}
