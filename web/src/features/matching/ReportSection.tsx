import { useTranslation } from 'react-i18next';
import type { Static } from '@sinclair/typebox';
import type { ReportResponse } from '../../../../src/matching/schemas.ts';
import { useLoad } from './hooks.ts';

type Report = Static<typeof ReportResponse>;

/** How placements and mentorships from accepted suggestions fared, next to the others. */
export function ReportSection() {
  const { t } = useTranslation('matching');
  const { data } = useLoad<Report>('/api/matching/report');
  if (!data) return null;
  const p = data.placements, m = data.mentorships;
  const rows: [string, number, number][] = [
    [t('report.placements'), p.fromSuggestions.total, p.others.total],
    [t('report.ongoing'), p.fromSuggestions.ongoing, p.others.ongoing],
    [t('report.hired'), p.fromSuggestions.hired, p.others.hired],
    [t('report.education'), p.fromSuggestions.education, p.others.education],
    [t('report.endedAsPlanned'), p.fromSuggestions.endedAsPlanned, p.others.endedAsPlanned],
    [t('report.breakdown'), p.fromSuggestions.breakdown, p.others.breakdown],
    [t('report.mentorships'), m.fromSuggestions.total, m.others.total],
    [t('report.goodChemistry'), m.fromSuggestions.good, m.others.good],
    [t('report.notAMatch'), m.fromSuggestions.notAMatch, m.others.notAMatch],
  ];
  return (
    <section aria-labelledby="match-report">
      <h2 id="match-report">{t('report.title')}</h2>
      <p>{t('report.decisions', { accepted: data.decisions.accepted, rejected: data.decisions.rejected })}</p>
      <div className="table--responsive-scroll" tabIndex={0} role="region" aria-labelledby="match-report">
        <table className="table">
          <thead><tr><th scope="col">{t('report.what')}</th><th scope="col">{t('report.fromSuggestions')}</th><th scope="col">{t('report.others')}</th></tr></thead>
          <tbody>{rows.map(([label, a, b]) => <tr key={label}><th scope="row">{label}</th><td>{a}</td><td>{b}</td></tr>)}</tbody>
        </table>
      </div>
    </section>
  );
}
