import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Static } from '@sinclair/typebox';
import type { MentorshipView } from '../../../../src/mentors/schemas.ts';
import { api } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { Field } from '../../components/Field.tsx';
import { TextArea } from '../../components/FormControls.tsx';
import { addDaysLocal, formatDate, todayLocal, useSubmit } from '../lifeline/hooks.ts';
import { FirstMeetingForm } from './MyMenteesPage.tsx';

type Mentorship = Static<typeof MentorshipView>;
const DECISIONS = ['extend', 'end'] as const;
/** The review form opens by itself this many days before it is due (as the "reviews due" widget). */
const DUE_SOON_DAYS = 14;

/** The anchor the "reviews due" widget links to: /youth/:id#review-<mentorship id>. */
export const reviewAnchor = (mentorshipId: string) => `review-${mentorshipId}`;

/**
 * One of the young person's mentorships as the counsellor sees it: the first meeting
 * (recorded here if the mentor has not), the mentor's optional notes, earlier reviews,
 * and the 3-monthly review that extends or ends it.
 */
export function MentorshipCard({ ms, firstName, onChange }: { ms: Mentorship; firstName: string; onChange: () => void }) {
  const { t, i18n } = useTranslation('mentors');
  const date = (d: string | null) => formatDate(d, i18n.language);
  const active = ms.status === 'active';
  return (
    <li className="mentorship-card" data-testid="mentorship">
      <h3 className="h4">{ms.mentorName} <span className="weight-normal">({t(`kind.${ms.mentorKind}`)})</span></h3>
      <p>
        {t('match.started', { date: date(ms.startedOn) })}{' '}
        {ms.firstMeetingOn ? t('match.firstMeeting', { date: date(ms.firstMeetingOn), chemistry: t(`chemistry.${ms.chemistry}`) }) : t('match.noMeeting')}{' '}
        {!active && t('history.ended', { date: date(ms.endedOn), reason: ms.endReason ?? '' })}
        {active && (ms.nextReviewOn < todayLocal()
          ? <strong>{t('match.reviewOverdue', { date: date(ms.nextReviewOn) })}</strong>
          : t('match.review', { date: date(ms.nextReviewOn) }))}
      </p>
      {active && !ms.firstMeetingOn && (
        <FirstMeetingForm m={ms} name={firstName} title={t('first.counsellorTitle', { mentor: ms.mentorName, name: firstName })} onDone={onChange} />
      )}
      {ms.reviews.length > 0 && (
        <>
          <h4 className="h5">{t('review.history')}</h4>
          <ul data-testid="reviews">
            {ms.reviews.map((r) => <li key={`${r.reviewedOn}-${r.decision}`}>{t('review.item', { date: date(r.reviewedOn), decision: t(`review.done.${r.decision}`), reason: r.reason })}</li>)}
          </ul>
        </>
      )}
      <h4 className="h5">{t('notes.heading')}</h4>
      {ms.notes.length === 0 ? <p className="form-hint">{t('notes.none')}</p> : (
        <ul data-testid="mentor-notes">
          {ms.notes.map((n) => <li key={n.id}><span className="weight-semibold">{date(n.metOn)}:</span> {n.note}</li>)}
        </ul>
      )}
      {active && <ReviewForm ms={ms} onDone={onChange} />}
    </li>
  );
}

function ReviewForm({ ms, onDone }: { ms: Mentorship; onDone: () => void }) {
  const { t, i18n } = useTranslation('mentors');
  const { hash } = useLocation();
  const linked = hash === `#${reviewAnchor(ms.id)}`;
  const [open, setOpen] = useState(linked || ms.nextReviewOn <= addDaysLocal(DUE_SOON_DAYS));
  const [reviewedOn, setReviewedOn] = useState(todayLocal());
  const [decision, setDecision] = useState<string>('');
  const [reason, setReason] = useState('');
  const [saved, setSaved] = useState('');
  const submit = useSubmit();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // Arriving from the "reviews due" widget: bring the form into view and move focus to it.
    if (linked && heading.current) { heading.current.scrollIntoView({ block: 'start' }); heading.current.focus(); }
  }, [linked]);
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const out = await submit.run(() => api.post<Mentorship>(`/api/mentorships/${ms.id}/reviews`, { reviewedOn, decision, reason: reason.trim() }));
    if (out) {
      setSaved(out.status === 'ended' ? t('review.savedEnd') : t('review.savedExtend', { date: formatDate(out.nextReviewOn, i18n.language) }));
      setDecision(''); setReason(''); setOpen(false);
      onDone();
    }
  }
  const id = reviewAnchor(ms.id);
  return (
    <div id={id} className="mentorship-review">
      {saved && <Alert variant="success" headingLevel={3}>{saved}</Alert>}
      {!open && <button type="button" className="button button-secondary" onClick={() => { setOpen(true); setSaved(''); }}>{t('review.open', { mentor: ms.mentorName })}</button>}
      {open && (
        <form onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby={`${id}-h`}>
          <h4 id={`${id}-h`} className="h5" tabIndex={-1} ref={heading}>{t('review.title', { mentor: ms.mentorName })}</h4>
          <p className="form-hint">{t('review.intro')}</p>
          {submit.error && <Alert variant="error" headingLevel={3}>{submit.error.message}</Alert>}
          <Field id={`${id}-date`} type="date" label={t('review.date')} value={reviewedOn} onChange={(e) => setReviewedOn(e.target.value)} required />
          <fieldset className="form-group">
            <legend className="form-label">{t('review.decision')}</legend>
            {DECISIONS.map((d) => (
              <div className="form-group-radio" key={d}>
                <input type="radio" className="form-radio" id={`${id}-${d}`} name={`${id}-decision`} value={d} checked={decision === d} onChange={() => setDecision(d)} />
                <label htmlFor={`${id}-${d}`}>{t(`review.choice.${d}`)}</label>
              </div>
            ))}
          </fieldset>
          <TextArea id={`${id}-reason`} label={t('review.reason')} hint={t('review.reasonHint')} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} required />
          <button type="submit" className="button button-primary" disabled={submit.busy || !decision || reason.trim().length < 2}>{t('review.save')}</button>{' '}
          <button type="button" className="button button-tertiary" onClick={() => setOpen(false)}>{t('review.cancel')}</button>
        </form>
      )}
    </div>
  );
}
