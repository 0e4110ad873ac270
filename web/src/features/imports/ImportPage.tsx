import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Static } from '@sinclair/typebox';
import type { ImportColumns, ImportReport } from '../../../../src/imports/schemas.ts';
import { IMPORT_SETS, type ImportSetName } from '../../../../src/imports/set.ts';
import { ApiError, uploadFile } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useApiGet } from '../../components/useApi.ts';
import { ReportView } from './ReportView.tsx';
import './imports.css';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
type Step = { kind: 'idle' } | { kind: 'busy'; what: 'dry' | 'import' } | { kind: 'report'; report: ImportReport } | { kind: 'error'; message: string };

/** Import (dry run first, then all or nothing) and export of young people, companies and mentors. */
export function ImportPage() {
  const { t } = useTranslation();
  const [set, setSet] = useState<ImportSetName>('young-people');
  const [file, setFile] = useState<File | null>(null);
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [fileError, setFileError] = useState<string | undefined>();
  const fileInput = useRef<HTMLInputElement>(null);
  const columns = useApiGet<Static<typeof ImportColumns>>(`/api/imports/${set}/columns`);

  async function send(dryRun: boolean) {
    if (!file) {
      setFileError(t('imports:file.missing'));
      fileInput.current?.focus();
      return;
    }
    const type = file.name.toLowerCase().endsWith('.xlsx') ? XLSX : file.name.toLowerCase().endsWith('.csv') ? 'text/csv' : null;
    if (!type) {
      setFileError(t('imports:file.wrongType'));
      fileInput.current?.focus();
      return;
    }
    setFileError(undefined);
    setStep({ kind: 'busy', what: dryRun ? 'dry' : 'import' });
    try {
      const { data } = await uploadFile<ImportReport>(`/api/imports/${set}${dryRun ? '/dry-run' : ''}`, file, type, { query: { fileName: file.name }, answerStatuses: [422] });
      setStep({ kind: 'report', report: data });
    } catch (err) {
      setStep({ kind: 'error', message: err instanceof ApiError ? err.message : String(err) });
    }
  }

  const onDryRun = (e: FormEvent) => {
    e.preventDefault();
    void send(true);
  };
  const report = step.kind === 'report' ? step.report : null;
  const canImport = report?.dryRun && report.problems.length === 0 && report.counts.error === 0 && report.counts.create > 0;

  return (
    <div className="imports-page">
      <PageTitle>{t('imports:title')}</PageTitle>
      <p className="font-lead">{t('imports:intro')}</p>

      <form onSubmit={onDryRun} noValidate>
        <fieldset>
          <legend className="form-label">{t('imports:set.legend')}</legend>
          <ul className="nobullet-list">
            {IMPORT_SETS.map((s) => (
              <li key={s}>
                <input className="form-radio radio-large" type="radio" id={`set-${s}`} name="set" value={s} checked={set === s}
                  onChange={() => { setSet(s); setStep({ kind: 'idle' }); }} />
                <label htmlFor={`set-${s}`}>{t(`imports:set.${s}`)}</label>
              </li>
            ))}
          </ul>
        </fieldset>

        <div className={`form-group${fileError ? ' form-error' : ''}`}>
          <label className="form-label" htmlFor="import-file">{t('imports:file.label')}</label>
          <span className="form-hint" id="import-file-hint">{t('imports:file.hint')}</span>
          {fileError && <span className="form-error-message" id="import-file-error">{fileError}</span>}
          <input ref={fileInput} id="import-file" type="file" className="form-file-input" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby={`import-file-hint${fileError ? ' import-file-error' : ''}`} aria-invalid={fileError ? true : undefined}
            onChange={(e) => { setFile(e.target.files?.[0] ?? null); setStep({ kind: 'idle' }); }} />
        </div>

        <button type="submit" className="button button-primary" disabled={step.kind === 'busy'}>
          {step.kind === 'busy' && step.what === 'dry' ? t('imports:busy.dry') : t('imports:dryRun')}
        </button>
      </form>

      <div aria-live="polite">
        {step.kind === 'busy' && step.what === 'import' && <p>{t('imports:busy.import')}</p>}
        {step.kind === 'error' && <Alert variant="error" heading={t('imports:failed')}>{step.message}</Alert>}
        {report && <ReportView report={report} />}
      </div>
      {canImport && (
        <button type="button" className="button button-primary" onClick={() => void send(false)}>
          {t('imports:confirm', { count: report.counts.create })}
        </button>
      )}

      <details className="details imports-columns">
        <summary className="details-summary">{t('imports:columns.heading')}</summary>
        <div className="details-text">
          <p>{t('imports:columns.intro')}</p>
          {columns.state === 'done' && (
            <ul>
              {columns.data.map((c) => (
                <li key={c.header}><strong>{c.header}</strong>{c.required ? ` (${t('imports:columns.required')})` : ''} – {c.aliases.slice(0, 3).join(', ')}</li>
              ))}
            </ul>
          )}
        </div>
      </details>

      <h2>{t('imports:export.heading')}</h2>
      <p>{t('imports:export.intro')}</p>
      <ul className="nobullet-list imports-export">
        {IMPORT_SETS.map((s) => (
          <li key={s}>
            {t(`imports:set.${s}`)}:{' '}
            <a className="tap-target" href={`/api/imports/${s}/export?format=xlsx`} download>{t('imports:export.xlsx')}</a>{' · '}
            <a className="tap-target" href={`/api/imports/${s}/export?format=csv`} download>{t('imports:export.csv')}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
