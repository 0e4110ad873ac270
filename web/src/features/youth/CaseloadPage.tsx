import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Static } from '@sinclair/typebox';
import type { YoungPersonSummary } from '../../../../src/youth/schemas.ts';
import { CASELOAD_PAGE_SIZE, READINESS, STAGES } from '../../../../src/youth/domain.ts';
import { api } from '../../api/client.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Field } from '../../components/Field.tsx';
import { Alert } from '../../components/Alert.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { Select } from './ui.tsx';
import { Checkbox } from '../../components/FormControls.tsx';
import { formatDate, useLoad, useSubmit } from './hooks.ts';

type Summary = Static<typeof YoungPersonSummary>;

/**
 * The caseload with filters; names in Danish order. The server sorts and pages:
 * the first page comes with the filters, "Vis flere" fetches the page after the
 * last row shown.
 */
export function CaseloadPage() {
  const { t, i18n } = useTranslation('youth');
  const [form, setForm] = useState({ q: '', stage: '', readiness: '', overdue: false, mine: false, noContactDays: '' });
  const [query, setQuery] = useState<Record<string, string | boolean | undefined>>({});
  const { data: firstPage, error } = useLoad<Summary[]>('/api/youth', query);
  // Further pages belong to the first page they continue: new filters start again from the top.
  const [more, setMore] = useState<{ base?: Summary[]; rows: Summary[]; done: boolean }>({ rows: [], done: false });
  const loadMore = useSubmit();
  const extra = more.base === firstPage ? more : { rows: [], done: false };
  const data = firstPage && [...firstPage, ...extra.rows];
  const hasMore = !!firstPage && firstPage.length === CASELOAD_PAGE_SIZE && !extra.done;
  const showMore = async () => {
    const base = firstPage;
    const next = await loadMore.run(() => api.get<Summary[]>('/api/youth', { query: { ...query, after: data!.at(-1)!.id } }));
    if (next) setMore({ base, rows: [...extra.rows, ...next], done: next.length < CASELOAD_PAGE_SIZE });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setQuery({
      q: form.q || undefined, stage: form.stage || undefined, readiness: form.readiness || undefined,
      overdue: form.overdue || undefined, mine: form.mine || undefined, noContactDays: form.noContactDays || undefined,
    });
  };
  return (
    <>
      <PageTitle>{t('caseload.title')}</PageTitle>
      <p><Link className="button button-secondary" to="/youth/new">{t('caseload.new')}</Link></p>
      <form onSubmit={submit} className="youth-filters" role="search" aria-label={t('caseload.title')}>
        <Field id="q" label={t('caseload.search')} hint={t('caseload.searchHint')} value={form.q} onChange={(e) => setForm({ ...form, q: e.target.value })} />
        <Select id="stage" label={t('caseload.stage')} value={form.stage} onChange={(e) => setForm({ ...form, stage: e.target.value })}
          options={[{ value: '', label: t('caseload.any') }, ...STAGES.map((s) => ({ value: s, label: t(`stage.${s}`) }))]} />
        <Select id="readiness" label={t('caseload.readiness')} value={form.readiness} onChange={(e) => setForm({ ...form, readiness: e.target.value })}
          options={[{ value: '', label: t('caseload.any') }, ...READINESS.map((s) => ({ value: s, label: t(`readiness.${s}`) }))]} />
        <Field id="noContactDays" type="number" min={1} inputMode="numeric" label={t('caseload.noContactDays')} value={form.noContactDays} onChange={(e) => setForm({ ...form, noContactDays: e.target.value })} />
        <Checkbox id="overdue" label={t('caseload.overdue')} checked={form.overdue} onChange={(overdue) => setForm({ ...form, overdue })} />
        <Checkbox id="mine" label={t('caseload.mine')} checked={form.mine} onChange={(mine) => setForm({ ...form, mine })} />
        <button type="submit" className="button button-primary">{t('caseload.filter')}</button>
      </form>
      {error && <Alert variant="error">{error.message}</Alert>}
      {!data && !error && <Spinner />}
      {data && (
        <DataTable<Summary>
          caption={t('caseload.caption')}
          rows={data}
          rowKey={(r) => r.id}
          empty={t('caseload.empty')}
          columns={[
            { key: 'name', header: t('caseload.name'), cell: (r) => <Link to={`/youth/${r.id}`}>{r.firstName} {r.lastName}</Link> },
            { key: 'age', header: t('caseload.age'), cell: (r) => r.age, numeric: true },
            { key: 'stage', header: t('caseload.stage'), cell: (r) => t(`stage.${r.stage}`) },
            { key: 'readiness', header: t('caseload.readiness'), cell: (r) => (r.readiness ? t(`readiness.${r.readiness}`) : '–') },
            { key: 'follow', header: t('caseload.nextFollowUp'), cell: (r) => formatDate(r.nextFollowUp, i18n.language) },
            { key: 'contact', header: t('caseload.lastContact'), cell: (r) => formatDate(r.lastContactAt, i18n.language) },
          ]}
        />
      )}
      {data && data.length > 0 && (
        <p className="caseload-count" aria-live="polite">{t('caseload.shown', { count: data.length })}</p>
      )}
      {loadMore.error && <Alert variant="error">{loadMore.error.message}</Alert>}
      {hasMore && (
        <button type="button" className="button button-secondary" onClick={() => void showMore()} disabled={loadMore.busy}>
          {t('caseload.more')}
        </button>
      )}
    </>
  );
}
