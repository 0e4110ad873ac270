import { useTranslation } from 'react-i18next';
import type { ReportTable } from './types.ts';
import { formatCell } from './format.ts';

/** A report table as a DKFDS table; hidden cells say so to screen readers. */
export function ReportTableView({ table, caption }: { table: ReportTable; caption?: string }) {
  const { t } = useTranslation('reports');
  return (
    <div className="table--responsive-scroll" tabIndex={0} role="region" aria-label={caption ?? table.title}>
      <table className="table table--zebra report-table">
        <caption>{caption ?? table.title}</caption>
        <thead>
          <tr>
            {table.columns.map((c, i) => (
              <th key={c.key} scope="col" className={i > 0 ? 'align-text-right' : undefined}>{c.label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((r) => (
            <tr key={r.key} className={r.key === 'total' ? 'report-total' : undefined}>
              {r.cells.map((_, i) => {
                const text = formatCell(table, r, i);
                if (i === 0) return <th key={i} scope="row" style={r.level ? { paddingLeft: `${1 + r.level * 1.5}rem` } : undefined}>{text}</th>;
                return (
                  <td key={i} className="align-text-right">
                    {r.suppressed?.[i] ? <><span aria-hidden="true">{text}</span><span className="sr-only">{t('suppressedCell')}</span></> : text}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {table.note && <p className="form-hint">{table.note}</p>}
    </div>
  );
}
