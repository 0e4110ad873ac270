import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { Static } from '@sinclair/typebox';
import type { InitiativeView } from '../../../../src/catalog/schemas.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { Alert } from '../../components/Alert.tsx';
import { useApiGet } from '../../components/useApi.ts';
import { ageText, paragraphsOf } from './format.ts';
import './catalog.css';

type View = Static<typeof InitiativeView>;
const SECTIONS = ['purpose', 'targetGroup', 'background', 'general', 'actors', 'economy', 'effect'] as const;

function Text({ text }: { text: string }) {
  return (
    <>
      {paragraphsOf(text).map((b, i) =>
        b.kind === 'ul' ? <ul key={i}>{b.items.map((x, j) => <li key={j}>{x}</li>)}</ul> : <p key={i}>{b.items[0]}</p>)}
    </>
  );
}

/** One initiative at its shareable address /katalog/<owner>/<title>; public. */
export function InitiativePage() {
  const { t, i18n } = useTranslation('catalog');
  const { owner, title } = useParams();
  const result = useApiGet<View>(`/api/catalog/${owner}/${title}`);
  if (result.state === 'loading') return <Spinner />;
  if (result.state === 'error') {
    return (
      <>
        <PageTitle>{t('list.title')}</PageTitle>
        <Alert variant="error">{result.error.message}</Alert>
        <p><Link to="/katalog">{t('detail.back')}</Link></p>
      </>
    );
  }
  const v = result.data;
  const fmt = (d: string) => new Date(d).toLocaleDateString(i18n.language === 'en' ? 'en-GB' : 'da-DK', { day: 'numeric', month: 'long', year: 'numeric' });
  return (
    <div className="catalog-detail">
      <p><Link to="/katalog">{t('detail.back')}</Link></p>
      <PageTitle subtitle={v.owner}>{v.title}</PageTitle>
      <section aria-labelledby="facts-heading">
        <h2 id="facts-heading" className="h3">{t('detail.facts')}</h2>
        <dl className="catalog-facts">
          <dt>{t('detail.owner')}</dt><dd>{v.owner}</dd>
          {v.municipality && v.municipality !== v.owner && (<><dt>{t('detail.municipality')}</dt><dd>{v.municipality}</dd></>)}
          <dt>{t('detail.age')}</dt><dd>{ageText(t, v.ageMin, v.ageMax)}</dd>
          {v.periodText && (<><dt>{t('detail.period')}</dt><dd>{v.periodText}</dd></>)}
          <dt>{t('detail.status')}</dt><dd>{t(`status.${v.status}`)}</dd>
          {v.tags.length > 0 && (<><dt>{t('detail.tags')}</dt><dd>{v.tags.join(', ')}</dd></>)}
        </dl>
      </section>
      {SECTIONS.filter((s) => v.description[s]).map((s) => (
        <section key={s} aria-labelledby={`section-${s}`}>
          <h2 id={`section-${s}`} className="h3">{t(`detail.${s}`)}</h2>
          <Text text={v.description[s]!} />
        </section>
      ))}
      <Outcomes view={v} />
      <section aria-labelledby="contacts-heading">
        <h2 id="contacts-heading" className="h3">{t('detail.contacts')}</h2>
        {v.contacts.length === 0 && <p>{t('detail.noContacts')}</p>}
        <ul className="nobullet-list">
          {v.contacts.map((c, i) => (
            <li key={i}>
              {c.name && <strong>{c.name}</strong>}{c.role && <>, {c.role}</>}
              {c.email && <><br /><a href={`mailto:${c.email}`}>{c.email}</a></>}
              {c.phone && <><br />{c.phone}</>}
            </li>
          ))}
        </ul>
      </section>
      <p className="catalog-took">{t('detail.source', { source: v.source, date: fmt(v.updatedAt) })}</p>
    </div>
  );
}

function Outcomes({ view }: { view: View }) {
  const { t } = useTranslation('catalog');
  const o = view.outcomes;
  const n = (x: number | null) => (x === null ? t('detail.underFive') : String(x));
  return (
    <section className="catalog-outcomes" aria-labelledby="outcomes-heading">
      <h2 id="outcomes-heading" className="h3">{t('detail.outcomes')}</h2>
      <p>{t('detail.outcomesIntro')}</p>
      {o.linked === 0 ? <p>{t('detail.noLinks')}</p> : (
        <table className="table table--compact">
          <caption className="sr-only">{t('detail.outcomes')}</caption>
          <tbody>
            <tr><th scope="row">{t('detail.linked')}</th><td>{n(o.linked)}</td></tr>
            {o.linked !== null && <tr><th scope="row">{t('detail.inProgress')}</th><td>{n(o.inProgress)}</td></tr>}
            {o.ended.map((e) => <tr key={e.outcome}><th scope="row">{t(`outcome.${e.outcome}`)}</th><td>{n(e.count)}</td></tr>)}
          </tbody>
        </table>
      )}
    </section>
  );
}
