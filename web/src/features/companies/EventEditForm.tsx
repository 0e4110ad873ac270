import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventDetail } from '../../../../src/companies/schemas.ts';
import { api } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { Alert } from '../../components/Alert.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { orNull, useSubmit } from './ui.tsx';

const FIELD_IDS: Record<string, string> = { title: 'edit-event-title', startsAt: 'edit-event-date', location: 'edit-event-location' };
const pad = (n: number) => String(n).padStart(2, '0');
/** The event's time as the browser's local date and time, as the create form takes them. */
function localParts(iso: string) {
  const d = new Date(iso);
  return { date: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`, time: `${pad(d.getHours())}:${pad(d.getMinutes())}` };
}

/** Change the title, date and time or place afterwards, e.g. when the meeting moves. */
export function EventEditForm({ event, onSaved }: { event: EventDetail; onSaved: (e: EventDetail) => void }) {
  const { t } = useTranslation('companies');
  const [f, setF] = useState(() => ({ title: event.title, location: event.location ?? '', ...localParts(event.startsAt) }));
  const [saved, setSaved] = useState(false);
  const s = useSubmit();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const startsAt = new Date(`${f.date}T${f.time || '00:00'}:00`).toISOString();
    const next = await s.run(() => api.patch<EventDetail>(`/api/network/events/${event.id}`, { title: f.title.trim(), startsAt, location: orNull(f.location) }));
    if (next) { onSaved(next); setSaved(true); }
  };
  return (
    <details className="details" data-testid="event-edit">
      <summary className="details-summary">{t('event.edit')}</summary>
      <form onSubmit={(e) => void submit(e)} noValidate className="details-text">
        {s.error && s.error.fields.length > 0 && <ErrorSummary errors={s.error.fields} idFor={(x) => FIELD_IDS[x] ?? 'edit-event-title'} />}
        {s.error && s.error.fields.length === 0 && <Alert variant="error">{s.error.message}</Alert>}
        <div role="status" aria-live="polite">{saved && <Alert variant="success">{t('event.editSaved')}</Alert>}</div>
        <Field id="edit-event-title" label={t('network.event')} value={f.title} onChange={(e) => { setF({ ...f, title: e.target.value }); setSaved(false); }} required error={s.fieldError('title')} />
        <Field id="edit-event-date" type="date" label={t('network.date')} value={f.date} onChange={(e) => { setF({ ...f, date: e.target.value }); setSaved(false); }} required error={s.fieldError('startsAt')} />
        <Field id="edit-event-time" type="time" label={t('network.time')} value={f.time} onChange={(e) => { setF({ ...f, time: e.target.value }); setSaved(false); }} />
        <Field id="edit-event-location" label={t('network.location')} value={f.location} onChange={(e) => { setF({ ...f, location: e.target.value }); setSaved(false); }} error={s.fieldError('location')} />
        <button type="submit" className="button button-primary" disabled={s.busy || !f.title.trim() || !f.date}>{t('event.editSave')}</button>
      </form>
    </details>
  );
}
