import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { Alert } from '../../components/Alert.tsx';
import { FormErrors } from './FormErrors.tsx';
import { TextArea } from './ui.tsx';
import { orNull, useSubmit } from './hooks.ts';
import type { Person } from './YoungPersonPage.tsx';
import { InviteHandover, type Handover } from '../access/InviteHandover.tsx';
import { limit } from './limits.ts';

const KEYS = ['phone', 'email', 'address', 'postalCode', 'preferredContactTimes', 'nextFollowUp', 'nextAppointmentAt', 'nextAppointmentPlace'] as const;
type Key = (typeof KEYS)[number];

const toLocalInput = (iso: string | null | undefined) => {
  if (!iso) return '';
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
};
const fromPerson = (p: Person): Record<Key, string> => ({
  phone: p.phone ?? '', email: p.email ?? '', address: p.address ?? '', postalCode: p.postalCode ?? '',
  preferredContactTimes: p.preferredContactTimes ?? '', nextFollowUp: p.nextFollowUp ?? '',
  nextAppointmentAt: toLocalInput(p.nextAppointmentAt), nextAppointmentPlace: p.nextAppointmentPlace ?? '',
});

/** Contact details and follow-up; a stale save (409) keeps what was typed and offers the new version. */
export function DetailsSection({ person, onSaved, editable }: { person: Person; onSaved: () => void; editable: boolean }) {
  const { t } = useTranslation('youth');
  const [f, setF] = useState(() => fromPerson(person));
  const [saved, setSaved] = useState(false);
  const [inviteSent, setInviteSent] = useState<Handover | null>(null);
  const s = useSubmit();
  const inv = useSubmit();
  // After a conflict the newest version is loaded, but what was typed stays in the fields.
  const keepTyped = useRef(false);
  useEffect(() => {
    if (keepTyped.current) keepTyped.current = false;
    else setF(fromPerson(person));
  }, [person]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const body: Record<string, unknown> = { version: person.version };
    for (const k of KEYS) body[k] = k === 'nextAppointmentAt' ? (f[k] ? new Date(f[k]).toISOString() : null) : orNull(f[k]);
    const ok = await s.run(() => api.patch<Person>(`/api/youth/${person.id}`, body));
    if (ok) {
      setSaved(true);
      onSaved();
    }
  };
  const field = (k: Key, extra: Record<string, unknown> = {}) => (
    <Field id={`d-${k}`} {...limit.details(k)} label={t(k.startsWith('next') ? `person.${k}` : `intake.${k}`)} value={f[k]} onChange={(e) => setF({ ...f, [k]: e.target.value })} error={s.fieldError(k)} disabled={!editable} {...extra} />
  );
  return (
    <section id="details" aria-labelledby="details-h">
      <h2 id="details-h">{t('person.details')}</h2>
      <form onSubmit={submit} noValidate>
        <FormErrors error={s.error} prefix="d-" onReload={() => { s.clear(); keepTyped.current = true; onSaved(); }} />
        {saved && <Alert variant="success">{t('person.saved')}</Alert>}
        {field('phone', { type: 'tel' })}
        {field('email', { type: 'email' })}
        {field('address')}
        {field('postalCode', { inputMode: 'numeric', maxLength: 4 })}
        <TextArea id="d-preferredContactTimes" {...limit.details('preferredContactTimes')} label={t('intake.preferredContactTimes')} value={f.preferredContactTimes} onChange={(e) => setF({ ...f, preferredContactTimes: e.target.value })} disabled={!editable} />
        {field('nextFollowUp', { type: 'date' })}
        {field('nextAppointmentAt', { type: 'datetime-local' })}
        {field('nextAppointmentPlace')}
        {editable && <button type="submit" className="button button-primary" disabled={s.busy}>{t('person.save')}</button>}
      </form>
      {editable && (
        <p>
          <button type="button" className="button button-secondary" disabled={inv.busy} onClick={async () => {
            const r = await inv.run(() => api.post<Handover>(`/api/youth/${person.id}/invite`));
            if (r) setInviteSent(r);
          }}>{t('person.invite')}</button>
        </p>
      )}
      {inviteSent && (inviteSent.channel === 'email'
        ? <Alert variant="success">{t('person.invited', { email: inviteSent.sentTo })}</Alert>
        : <InviteHandover result={inviteSent} name={person.firstName ?? ''} />)}
      {inv.error && <Alert variant="error">{inv.error.message}</Alert>}
    </section>
  );
}
