import { useTranslation } from 'react-i18next';
import type { Ladder } from '../../../../src/placements/schemas.ts';
import { Alert } from '../../components/Alert.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { formatDate, useLoad } from './ui.tsx';

/**
 * The young person's placements as a ladder on a timeline, for the pathway page:
 *   import { PlacementLadder } from '../companies/PlacementLadder.tsx';
 *   <PlacementLadder youngPersonId={id} headingLevel={3} />
 * Reads GET /api/placements/ladder/:youngPersonId (the team, or the young person themself).
 */
export function PlacementLadder({ youngPersonId, headingLevel = 2 }: { youngPersonId: string; headingLevel?: 2 | 3 }) {
  const { t, i18n } = useTranslation('companies');
  const { data, error } = useLoad<Ladder>(`/api/placements/ladder/${youngPersonId}`);
  const H = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section aria-labelledby="ladder-heading" className="placement-ladder">
      <H id="ladder-heading">{t('ladder.title')}</H>
      {error && <Alert variant="error" headingLevel={headingLevel === 2 ? 3 : 2}>{error.message}</Alert>}
      {!data && !error && <Spinner />}
      {data && data.steps.length === 0 && <p>{t('ladder.none')}</p>}
      {data && data.steps.length > 0 && (
        <ol className="ladder-steps" data-testid="placement-ladder">
          {data.steps.map((s) => (
            <li key={s.id} className={`ladder-step ladder-${s.status}`}>
              <strong>{t(`kinds.${s.kind}`)}</strong> – {s.companyName} ({s.openingTitle})
              <br />
              {formatDate(s.startDate, i18n.language)} – {s.endDate ? formatDate(s.endDate, i18n.language) : ''} · {t(`status.${s.status}`)}
              {s.endReason ? ` · ${t(`endReason.${s.endReason}`)}` : ''}
              {s.hoursPerWeekNow !== null && s.status !== 'ended' ? ` · ${t('ladder.hoursNow', { hours: s.hoursPerWeekNow })}` : ''}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
