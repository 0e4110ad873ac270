import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact, Opening } from '../../../../src/companies/schemas.ts';
import { api } from '../../api/client.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Field } from '../../components/Field.tsx';
import { Alert } from '../../components/Alert.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { useLoad, useSubmit } from '../companies/ui.tsx';

interface Home { company: { name: string }; openings: Opening[]; contacts: Contact[] }

/** The company edits its openings' places and its contact persons. */
export function EmployerCompanyPage() {
  const { t } = useTranslation('employer');
  const { data, error, reload } = useLoad<Home>('/api/employer');
  const [contact, setContact] = useState({ name: '', phone: '' });
  const [saved, setSaved] = useState(false);
  const s = useSubmit();
  if (error) return <Alert variant="error">{error.message}</Alert>;
  if (!data) return <Spinner />;
  const addContact = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    if (await s.run(() => api.post('/api/employer/contacts', { name: contact.name, phone: contact.phone.trim() || null }))) {
      setContact({ name: '', phone: '' });
      setSaved(true);
      reload();
    }
  };
  return (
    <>
      <PageTitle subtitle={data.company.name}>{t('company.title')}</PageTitle>
      <div role="status" aria-live="polite">{saved && <Alert variant="success">{t('company.saved')}</Alert>}</div>
      {s.error && <Alert variant="error">{s.error.message}</Alert>}
      <section aria-labelledby="emp-openings">
        <h2 id="emp-openings">{t('company.openings')}</h2>
        <ul className="nobullet-list">
          {data.openings.map((o) => <OpeningCapacity key={o.id} opening={o} onSaved={() => { setSaved(true); reload(); }} />)}
        </ul>
      </section>
      <section aria-labelledby="emp-contacts">
        <h2 id="emp-contacts">{t('company.contacts')}</h2>
        <ul className="nobullet-list">
          {data.contacts.map((c) => <li key={c.id}>{c.name}{c.title ? `, ${c.title}` : ''}{c.phone ? ` · ${c.phone}` : ''}</li>)}
        </ul>
        <form onSubmit={addContact} noValidate>
          <h3>{t('company.addContact')}</h3>
          <Field id="emp-contact-name" label={t('company.name')} value={contact.name} onChange={(e) => setContact({ ...contact, name: e.target.value })} required />
          <Field id="emp-contact-phone" type="tel" label={t('company.phone')} value={contact.phone} onChange={(e) => setContact({ ...contact, phone: e.target.value })} />
          <button type="submit" className="button button-secondary" disabled={s.busy || !contact.name.trim()}>{t('company.save')}</button>
        </form>
      </section>
    </>
  );
}

function OpeningCapacity({ opening, onSaved }: { opening: Opening; onSaved: () => void }) {
  const { t } = useTranslation('employer');
  const [capacity, setCapacity] = useState(String(opening.capacity));
  const s = useSubmit();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await s.run(() => api.patch(`/api/employer/openings/${opening.id}`, { capacity: Number(capacity) }))) onSaved();
  };
  return (
    <li>
      <h3 className="h4">{opening.title}</h3>
      <p>{t('company.free', { free: opening.freePlaces, capacity: opening.capacity })}</p>
      <form onSubmit={submit} noValidate>
        <Field id={`cap-${opening.id}`} type="number" min={0} max={500} label={t('company.capacity', { title: opening.title })} value={capacity}
          onChange={(e) => setCapacity(e.target.value)} error={s.error?.message} />
        <button type="submit" className="button button-secondary" disabled={s.busy}>{t('company.saveCapacity')}</button>
      </form>
    </li>
  );
}
