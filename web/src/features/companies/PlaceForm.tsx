import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact, Opening } from '../../../../src/companies/schemas.ts';
import type { Placement, PlacementCreate } from '../../../../src/placements/schemas.ts';
import type { YoungPersonSummary } from '../../../../src/youth/schemas.ts';
import { api } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { Alert } from '../../components/Alert.tsx';
import { withLabels } from './CompanyForm.tsx';
import { Checkboxes, formatDate, Select, useLoad, useSubmit } from './ui.tsx';

const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'];
const today = () => new Date().toISOString().slice(0, 10);

/** What follows from the opening: its first kind, its mentor, its starting schedule and the earliest day it can start. */
function fromOpening(o: Opening) {
  const start = o.earliestStart && o.earliestStart > today() ? o.earliestStart : today();
  return {
    openingId: o.id, kind: o.placementKinds[0] as string, mentorContactId: o.mentor?.id ?? '', startDate: start,
    weekdays: WEEKDAYS.slice(0, o.startDaysPerWeek), hoursPerDay: String(o.startHoursPerDay),
  };
}

/**
 * Places a young person on one of the company's openings with free places: planned
 * or started, start and end, the company mentor, the weekly schedule, and the earlier
 * placement this one is the next step after (the ladder).
 */
export function PlaceForm({ openings, contacts, onSaved }: { openings: Opening[]; contacts: Contact[]; onSaved: () => void }) {
  const { t, i18n } = useTranslation('companies');
  const youth = useLoad<YoungPersonSummary[]>('/api/youth');
  const [f, setF] = useState(() => ({ youngPersonId: '', status: 'planned', endDate: '', previousPlacementId: '', ...fromOpening(openings[0]) }));
  const earlier = useLoad<Placement[]>(f.youngPersonId ? '/api/placements' : null, { youngPersonId: f.youngPersonId });
  const [done, setDone] = useState(false);
  const s = useSubmit();
  const opening = openings.find((o) => o.id === f.openingId) ?? openings[0];
  const id = (k: string) => `place-${k.replace(/^schedule\./, '')}`;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    const body: PlacementCreate = {
      youngPersonId: f.youngPersonId, openingId: opening.id, kind: f.kind as PlacementCreate['kind'],
      status: f.status as PlacementCreate['status'], startDate: f.startDate, endDate: f.endDate || null,
      mentorContactId: f.mentorContactId || null, previousPlacementId: f.previousPlacementId || null,
      schedule: { weekdays: f.weekdays.map(Number).sort(), hoursPerDay: Number(f.hoursPerDay.replace(',', '.')) },
    };
    if (await s.run(() => api.post('/api/placements', body))) {
      setDone(true);
      setF((old) => ({ ...old, youngPersonId: '', previousPlacementId: '', endDate: '' }));
      onSaved();
    }
  };
  // Memoised: a new array on every render would move the focus back to the summary while the user types.
  const summary = useMemo(() => withLabels(s.error?.fields ?? [], (k) => ({
    youngPersonId: t('company.youngPerson'), kind: t('company.kind'), startDate: t('company.startDate'), endDate: t('place.endDate'),
    mentorContactId: t('place.mentor'), previousPlacementId: t('place.previous'), 'schedule.weekdays': t('placement.weekdays'),
    'schedule.hoursPerDay': t('placement.hoursPerDay'),
  } as Record<string, string>)[k]), [s.error, t]);
  const steps = (earlier.data ?? []).filter((p) => f.youngPersonId && p.youngPersonId === f.youngPersonId);
  // A second placement is allowed (a next step, a part-time addition) but seldom meant: say which one is running.
  const running = steps.filter((p) => p.status === 'active' || p.status === 'paused');
  const chosen = (youth.data ?? []).find((y) => y.id === f.youngPersonId);
  return (
    <form onSubmit={submit} noValidate aria-labelledby="place-heading" className="place-form">
      <h3 id="place-heading">{t('company.place')}</h3>
      <div role="status" aria-live="polite">{done && <Alert variant="success" headingLevel={3}>{t('company.placed')}</Alert>}</div>
      {s.error && s.error.fields.length > 0 && <ErrorSummary errors={summary} idFor={id} />}
      {s.error && s.error.fields.length === 0 && <Alert variant="error" headingLevel={3}>{s.error.message}</Alert>}
      <Select id={id('youngPersonId')} label={t('company.youngPerson')} value={f.youngPersonId} error={s.fieldError('youngPersonId')}
        onChange={(e) => setF({ ...f, youngPersonId: e.target.value, previousPlacementId: '' })}
        options={[{ value: '', label: t('company.chooseYoungPerson') }, ...(youth.data ?? []).map((y) => ({ value: y.id, label: `${y.firstName} ${y.lastName}` }))]} />
      {chosen && running.length > 0 && (
        <Alert variant="warning" headingLevel={3}>
          {t('place.alreadyPlaced', { name: `${chosen.firstName} ${chosen.lastName}`, count: running.length })}
          <ul>
            {running.map((p) => (
              <li key={p.id}>{t('place.runningPlacement', { kind: t(`kinds.${p.kind}`), company: p.companyName, date: formatDate(p.startDate, i18n.language), status: t(`status.${p.status}`).toLowerCase() })}</li>
            ))}
          </ul>
        </Alert>
      )}
      <Select id={id('openingId')} label={t('company.opening')} value={f.openingId}
        onChange={(e) => setF({ ...f, ...fromOpening(openings.find((x) => x.id === e.target.value)!) })}
        options={openings.map((o) => ({ value: o.id, label: o.title }))} />
      <Select id={id('kind')} label={t('company.kind')} value={f.kind} onChange={(e) => setF({ ...f, kind: e.target.value })} error={s.fieldError('kind')}
        options={opening.placementKinds.map((k) => ({ value: k, label: t(`kinds.${k}`) }))} />
      <Select id={id('status')} label={t('place.status')} hint={t('place.statusHint')} value={f.status} onChange={(e) => setF({ ...f, status: e.target.value })}
        options={(['planned', 'active'] as const).map((v) => ({ value: v, label: t(`status.${v}`) }))} />
      <Field id={id('startDate')} type="date" label={t('company.startDate')} value={f.startDate} error={s.fieldError('startDate')}
        hint={opening.earliestStart ? t('place.earliestStart', { date: formatDate(opening.earliestStart, i18n.language) }) : undefined}
        onChange={(e) => setF({ ...f, startDate: e.target.value })} />
      <Field id={id('endDate')} type="date" min={f.startDate} label={t('place.endDate')} hint={t('place.endDateHint')} value={f.endDate}
        error={s.fieldError('endDate')} onChange={(e) => setF({ ...f, endDate: e.target.value })} />
      <Select id={id('mentorContactId')} label={t('place.mentor')} value={f.mentorContactId} error={s.fieldError('mentorContactId')}
        onChange={(e) => setF({ ...f, mentorContactId: e.target.value })}
        options={[{ value: '', label: t('opening.noMentor') }, ...contacts.map((c) => ({ value: c.id, label: c.title ? `${c.name}, ${c.title}` : c.name }))]} />
      <Checkboxes id={id('weekdays')} legend={t('place.weekdays')} value={f.weekdays} error={s.fieldError('schedule.weekdays')}
        onChange={(weekdays) => setF({ ...f, weekdays })} options={WEEKDAYS.map((d) => ({ value: d, label: t(`weekday.${d}`) }))} />
      <Field id={id('hoursPerDay')} type="number" inputMode="decimal" min={0.5} max={24} step={0.5} label={t('placement.hoursPerDay')}
        value={f.hoursPerDay} error={s.fieldError('schedule.hoursPerDay')} onChange={(e) => setF({ ...f, hoursPerDay: e.target.value })} />
      <Select id={id('previousPlacementId')} label={t('place.previous')} hint={t('place.previousHint')} value={f.previousPlacementId}
        error={s.fieldError('previousPlacementId')} disabled={!f.youngPersonId} onChange={(e) => setF({ ...f, previousPlacementId: e.target.value })}
        options={[{ value: '', label: t('place.noPrevious') }, ...steps.map((p) => ({
          value: p.id, label: `${t(`kinds.${p.kind}`)} – ${p.companyName} (${formatDate(p.startDate, i18n.language)}, ${t(`status.${p.status}`)})`,
        }))]} />
      <button type="submit" className="button button-primary" disabled={s.busy || !f.youngPersonId}>{t('company.placeSubmit')}</button>
    </form>
  );
}
