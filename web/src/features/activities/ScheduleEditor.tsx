import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Static } from '@sinclair/typebox';
import type { ActivityView, OccurrenceView, ScheduleBody } from '../../../../src/activities/schemas.ts';
import { api } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { Field } from '../../components/Field.tsx';
import { Select } from '../../components/FormControls.tsx';
import { formatDate, todayLocal, useLoad, useSubmit } from '../lifeline/hooks.ts';

type Activity = Static<typeof ActivityView>;
type Occurrence = Static<typeof OccurrenceView>;
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export type Schedule = Static<typeof ScheduleBody>;
export const newSchedule = (): Schedule => ({ weekday: 1, start: '16:00', end: '18:00', validFrom: todayLocal(), validUntil: null });

/** One weekly time: weekday, from–to (local time), from which date, and until (optional). */
export function ScheduleFields({ prefix, value, onChange, error }: { prefix: string; value: Schedule; onChange: (v: Schedule) => void; error?: (f: string) => string | undefined }) {
  const { t } = useTranslation('activities');
  const set = (patch: Partial<Schedule>) => onChange({ ...value, ...patch });
  // Said at the field while typing, in words (#21); the server says the same if it gets that far.
  const endBeforeStart = value.start && value.end && value.end <= value.start ? t('schedule.endBeforeStart', { start: value.start }) : undefined;
  return (
    <div className="schedule-fields">
      <Select id={`${prefix}-weekday`} label={t('schedule.weekday')} value={String(value.weekday)} onChange={(e) => set({ weekday: Number(e.target.value) })}
        options={WEEKDAYS.map((w) => ({ value: String(w), label: t(`weekday.${w}`) }))} />
      <Field id={`${prefix}-start`} type="time" label={t('schedule.start')} value={value.start} onChange={(e) => set({ start: e.target.value })} required />
      <Field id={`${prefix}-end`} type="time" label={t('schedule.end')} value={value.end} onChange={(e) => set({ end: e.target.value })} required error={error?.('end') ?? endBeforeStart} />
      <Field id={`${prefix}-validFrom`} type="date" label={t('schedule.validFrom')} value={value.validFrom} onChange={(e) => set({ validFrom: e.target.value })} required />
      <Field id={`${prefix}-validUntil`} type="date" label={t('schedule.validUntil')} hint={t('schedule.validUntilHint')} value={value.validUntil ?? ''} onChange={(e) => set({ validUntil: e.target.value || null })} error={error?.('validUntil')} />
    </div>
  );
}

/** The weekly times of an activity: remove one, or add one. */
export function ScheduleList({ activity, onChange }: { activity: Activity; onChange: () => void }) {
  const { t, i18n } = useTranslation('activities');
  const [draft, setDraft] = useState<Schedule>(newSchedule());
  const [added, setAdded] = useState(false);
  const add = useSubmit();
  const remove = useSubmit();
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setAdded(false);
    if (await add.run(() => api.post(`/api/activities/${activity.id}/schedules`, { ...draft, validUntil: draft.validUntil || null }))) { setAdded(true); setDraft(newSchedule()); onChange(); }
  }
  const describe = (s: Activity['schedules'][number]) => `${t(`weekday.${s.weekday}`)} ${s.start}–${s.end}`;
  return (
    <section aria-labelledby="schedules-h">
      <h2 id="schedules-h">{t('schedule.heading')}</h2>
      {remove.error && <Alert variant="error">{remove.error.message}</Alert>}
      {activity.schedules.length === 0 && <p>{t('schedule.none')}</p>}
      <ul className="nobullet-list" data-testid="schedules">
        {activity.schedules.map((s) => (
          <li key={s.id} className="mb-3">
            <strong>{describe(s)}</strong>{' '}
            <span className="form-hint">
              {s.validUntil ? t('schedule.period', { from: formatDate(s.validFrom, i18n.language), to: formatDate(s.validUntil, i18n.language) }) : t('schedule.from', { from: formatDate(s.validFrom, i18n.language) })}
            </span>{' '}
            <button type="button" className="button button-tertiary" disabled={remove.busy} onClick={() => void remove.run(() => api.delete(`/api/activities/${activity.id}/schedules/${s.id}`)).then((r) => r && onChange())}>
              {t('schedule.remove')}<span className="sr-only">: {describe(s)}</span>
            </button>
          </li>
        ))}
      </ul>
      <form onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="schedule-add-h">
        <h3 id="schedule-add-h">{t('schedule.add')}</h3>
        {added && <Alert variant="success" headingLevel={3}>{t('schedule.added')}</Alert>}
        {add.error && <Alert variant="error" headingLevel={3}>{add.error.message}</Alert>}
        <ScheduleFields prefix="new-s" value={draft} onChange={setDraft} error={add.fieldError} />
        <button type="submit" className="button button-secondary" disabled={add.busy}>{t('schedule.save')}</button>
      </form>
    </section>
  );
}

/** The coming meetings; cancelling one tells the young people signed up (same transaction as the cancellation). */
export function CancellationList({ activityId, onChange }: { activityId: string; onChange: () => void }) {
  const { t, i18n } = useTranslation('activities');
  const occ = useLoad<Occurrence[]>(`/api/activities/${activityId}/occurrences`, { from: todayLocal(), days: 42 });
  const [open, setOpen] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const submit = useSubmit();
  const label = (o: Occurrence) => `${formatDate(o.date, i18n.language, { weekday: 'long', day: 'numeric', month: 'long' })} ${o.start}–${o.end}`;
  async function cancel(o: Occurrence) {
    const body = { date: o.date, start: o.start, ...(reason.trim() ? { reason: reason.trim() } : {}) };
    if (await submit.run(() => api.post(`/api/activities/${activityId}/cancellations`, body))) { setOpen(null); setReason(''); occ.reload(); onChange(); }
  }
  return (
    <section aria-labelledby="cancel-h">
      <h2 id="cancel-h">{t('cancel.heading')}</h2>
      <p>{t('cancel.intro')}</p>
      {occ.error && <Alert variant="error">{occ.error.message}</Alert>}
      {submit.error && <Alert variant="error">{submit.error.message}</Alert>}
      {occ.data?.length === 0 && <p>{t('cancel.none')}</p>}
      <ul className="nobullet-list" data-testid="occurrences">
        {occ.data?.filter((o) => new Date(o.endsAt).getTime() > Date.now()).map((o) => (
          <li key={o.startsAt} className="mb-3" data-testid="occurrence">
            {o.cancelled ? <><s>{label(o)}</s> <strong>{t('list.cancelled')}{o.reason ? `: ${o.reason}` : ''}</strong></> : label(o)}{' '}
            {!o.cancelled && open !== o.startsAt && (
              <button type="button" className="button button-tertiary" onClick={() => { setOpen(o.startsAt); setReason(''); }}>
                {t('cancel.open')}<span className="sr-only">: {label(o)}</span>
              </button>
            )}
            {open === o.startsAt && (
              <div className="cancel-form">
                <Field id={`reason-${o.date}-${o.start}`} label={t('cancel.reason')} hint={t('cancel.reasonHint')} value={reason} maxLength={300} onChange={(e) => setReason(e.target.value)} />
                <button type="button" className="button button-primary" disabled={submit.busy} onClick={() => void cancel(o)}>{t('cancel.confirm')}<span className="sr-only">: {label(o)}</span></button>{' '}
                <button type="button" className="button button-tertiary" onClick={() => setOpen(null)}>{t('cancel.keep')}</button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
