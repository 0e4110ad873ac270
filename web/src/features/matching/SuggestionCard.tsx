import { useTranslation } from 'react-i18next';
import type { Decision, Suggestion } from './types.ts';
import { DecisionButtons } from './DecisionButtons.tsx';

/** One ranked suggestion: score, each criterion's contribution in plain Danish, and the decision buttons. */
export function SuggestionCard({ s, position, youngPersonId, kind, canDecide, onDecided }: {
  s: Suggestion;
  position: number;
  youngPersonId: string;
  kind: 'opening' | 'mentor' | 'initiative';
  canDecide: boolean;
  onDecided: (d: Decision) => void;
}) {
  const { t, i18n } = useTranslation('matching');
  const last = s.lastDecision;
  return (
    <li className="match-card">
      <h3>{`${position}. ${s.title}`}{s.subtitle && <span className="font-lead"> – {s.subtitle}</span>}</h3>
      <p className="match-score">{t('card.score', { score: s.score.toLocaleString(i18n.language) })}
        {kind === 'opening' && <> · {t('card.freePlaces', { count: s.freePlaces })}</>}</p>
      <p className="sr-only">{t('card.reasonsIntro')}</p>
      <ul className="match-reasons">
        {s.contributions.map((c) => <li key={c.criterion}>{c.text}</li>)}
      </ul>
      {last && (
        <p>{t(`card.last.${last.decision}`, { date: new Date(last.decidedAt).toLocaleDateString(i18n.language) })}
          {last.reason && <> {t('card.lastReason', { reason: last.reason })}</>}</p>
      )}
      {canDecide && kind !== 'initiative' && <DecisionButtons youngPersonId={youngPersonId} kind={kind} candidateId={s.candidateId} source="single" label={s.title} onDecided={onDecided} />}
    </li>
  );
}

/** A candidate a hard limit excludes, with the limits ("hvorfor ikke"). */
export function ExcludedItem({ s }: { s: Suggestion }) {
  return (
    <li className="match-excluded">
      <strong>{s.title}</strong>{s.subtitle && <> – {s.subtitle}</>}: {s.excluded.map((e) => e.text).join('; ')}
    </li>
  );
}
