import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../../../src/imports/schemas.ts';
import { Alert } from '../../components/Alert.tsx';

/** Rows shown in the table; a 10,000-row report lists its errors first and then the first rows. */
const SHOWN = 300;

export function ReportView({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const refused = report.problems.length > 0 || report.counts.error > 0;
  const variant = refused ? 'error' : report.imported ? 'success' : 'info';
  const heading = refused ? t('imports:report.refused') : report.imported ? t('imports:report.imported') : t('imports:report.dryRunOk');
  const rows = [...report.rows.filter((r) => r.action === 'error'), ...report.rows.filter((r) => r.action !== 'error')].slice(0, SHOWN);
  return (
    <section className="imports-report" aria-labelledby="imports-report-heading">
      <Alert variant={variant} heading={heading}>
        <p id="imports-report-heading">
          {t('imports:report.counts', { rows: report.counts.rows, create: report.counts.create, match: report.counts.match, error: report.counts.error })}
        </p>
        {report.problems.length > 0 && (
          <ul>{report.problems.map((p) => <li key={p.message}>{p.column ? `${p.column}: ` : ''}{p.message}</li>)}</ul>
        )}
      </Alert>
      {rows.length > 0 && (
        <div className="table--responsive-scroll" tabIndex={0} role="region" aria-label={t('imports:report.caption')}>
          <table className="table table--compact">
            <caption>{t('imports:report.caption')}{report.rows.length > SHOWN ? ` ${t('imports:report.firstRows', { count: SHOWN })}` : ''}</caption>
            <thead>
              <tr><th scope="col">{t('imports:report.row')}</th><th scope="col">{t('imports:report.action')}</th><th scope="col">{t('imports:report.what')}</th><th scope="col">{t('imports:report.details')}</th></tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.row} className={r.action === 'error' ? 'imports-row-error' : undefined}>
                  <td>{r.row}</td>
                  <td>{t(`imports:action.${r.action}`)}</td>
                  <td>{r.label}</td>
                  <td>
                    {r.note}
                    {r.problems.length > 0 && (
                      <ul className="imports-problems">{r.problems.map((p) => <li key={`${p.column}${p.message}`}>{p.column ? <strong>{p.column}: </strong> : null}{p.message}</li>)}</ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
