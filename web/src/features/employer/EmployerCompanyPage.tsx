import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact, Opening } from '../../../../src/companies/schemas.ts';
import { api } from '../../api/client.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Field } from '../../components/Field.tsx';
import { Alert } from '../../components/Alert.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { orNull, useLoad, useSubmit } from '../companies/ui.tsx';
import { OpeningForm, type OpeningPaths } from '../companies/OpeningForm.tsx';
import type { EmployerHome } from './types.ts';
import './employer.css';

const EMPLOYER_PATHS: OpeningPaths = { create: '/api/employer/openings', update: (id) => `/api/employer/openings/${id}` };

/** The company edits its openings (all fields, or a new one) and its contact persons, on the phone. */
export function EmployerCompanyPage() {
  const { t } = useTranslation('employer');
  const { data, error, reload } = useLoad<EmployerHome>('/api/employer');
  const [saved, setSaved] = useState('');
  // The "new opening" form; closed (and so emptied) once the opening is saved.
  const [adding, setAdding] = useState(false);
  if (error) return <Alert variant="error">{error.message}</Alert>;
  if (!data) return <Spinner />;
  const done = (message: string) => { setSaved(message); reload(); };
  return (
    <>
      <PageTitle subtitle={data.company.name}>{t('company.title')}</PageTitle>
      <div role="status" aria-live="polite">{saved && <Alert variant="success">{saved}</Alert>}</div>
      <section aria-labelledby="emp-openings">
        <h2 id="emp-openings">{t('company.openings')}</h2>
        {data.openings.length === 0 && <p>{t('company.noOpenings')}</p>}
        <ul className="nobullet-list" data-testid="employer-openings">
          {data.openings.map((o) => <OpeningItem key={o.id} opening={o} contacts={data.contacts} onSaved={() => done(t('opening.saved', { title: o.title }))} />)}
        </ul>
        <button type="button" className="button button-primary" aria-expanded={adding} onClick={() => setAdding(!adding)}>
          {adding ? t('opening.close') : t('opening.new')}
        </button>
        {adding && <OpeningForm companyId={data.company.id} contacts={data.contacts} paths={EMPLOYER_PATHS} onSaved={(o) => { setAdding(false); done(t('opening.created', { title: o.title })); }} />}
      </section>
      <section aria-labelledby="emp-contacts">
        <h2 id="emp-contacts">{t('company.contacts')}</h2>
        <ul className="nobullet-list" data-testid="employer-contacts">
          {data.contacts.map((c) => (
            <ContactItem key={c.id} contact={c} isMe={c.id === data.myContactId} onSaved={(m) => done(m)} />
          ))}
        </ul>
        <AddContact onSaved={() => done(t('company.saved'))} />
      </section>
    </>
  );
}

function OpeningItem({ opening: o, contacts, onSaved }: { opening: Opening; contacts: Contact[]; onSaved: () => void }) {
  const { t } = useTranslation('employer');
  const [open, setOpen] = useState(false);
  const kinds = o.placementKinds.map((k) => t(`companies:kinds.${k}`)).join(', ');
  return (
    <li className="card employer-card">
      <div className="card-content">
        <h3 className="h4">{o.title}</h3>
        <p className="employer-facts">
          {t('company.free', { free: o.freePlaces, capacity: o.capacity })}<br />
          {t('opening.startSummary', { days: o.startDaysPerWeek, hours: o.startHoursPerDay })}<br />
          {kinds}
          {o.requirements.length > 0 && <><br />{t('opening.needs')}: {o.requirements.map((r) => t(`requirement.${r}`)).join(', ')}</>}
          {o.mentorAfterHours && <><br />{t('opening.afterHoursShort')}</>}
        </p>
        <button type="button" className="button button-secondary" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? t('opening.close') : t('opening.edit')}<span className="sr-only">: {o.title}</span>
        </button>
        {open && <OpeningForm companyId={o.companyId} contacts={contacts} opening={o} paths={EMPLOYER_PATHS} onSaved={() => { setOpen(false); onSaved(); }} />}
      </div>
    </li>
  );
}

/** One contact person: edit name, role, phone and e-mail; remove (two taps; never oneself). */
function ContactItem({ contact: c, isMe, onSaved }: { contact: Contact; isMe: boolean; onSaved: (message: string) => void }) {
  const { t } = useTranslation('employer');
  const [mode, setMode] = useState<'view' | 'edit' | 'remove'>('view');
  const [f, setF] = useState({ name: c.name, title: c.title ?? '', phone: c.phone ?? '', email: c.email ?? '' });
  const s = useSubmit();
  const id = (x: string) => `contact-${c.id}-${x}`;
  const save = async (e: FormEvent) => {
    e.preventDefault();
    const body = { name: f.name.trim(), title: orNull(f.title), phone: orNull(f.phone), email: orNull(f.email) };
    if (await s.run(() => api.patch(`/api/employer/contacts/${c.id}`, body))) { setMode('view'); onSaved(t('contact.saved', { name: body.name })); }
  };
  const remove = async () => {
    // A 204 has no body: the run returns true once the removal went through.
    if (await s.run(async () => { await api.delete(`/api/employer/contacts/${c.id}`); return true; })) onSaved(t('contact.removed', { name: c.name }));
  };
  return (
    <li className="card employer-card">
      <div className="card-content">
        <h3 className="h4">{c.name}{isMe && <span className="employer-me"> ({t('contact.me')})</span>}</h3>
        <p className="employer-facts">
          {c.title && <>{c.title}<br /></>}
          {c.phone && <a className="tap-target" href={`tel:${c.phone.replace(/\s/g, '')}`}>{c.phone}</a>}
          {c.phone && c.email && <br />}
          {c.email}
        </p>
        {s.error && s.error.fields.length === 0 && <Alert variant="error">{s.error.message}</Alert>}
        {mode === 'view' && (
          <div className="employer-actions">
            <button type="button" className="button button-secondary" onClick={() => setMode('edit')}>{t('contact.edit')}<span className="sr-only">: {c.name}</span></button>
            {!isMe && <button type="button" className="button button-secondary" onClick={() => setMode('remove')}>{t('contact.remove')}<span className="sr-only">: {c.name}</span></button>}
          </div>
        )}
        {mode === 'remove' && (
          <div role="group" aria-label={t('contact.confirmRemove', { name: c.name })}>
            <p><strong>{t('contact.confirmRemove', { name: c.name })}</strong>{c.hasLogin ? ` ${t('contact.loginGoes')}` : ''}</p>
            <div className="employer-actions">
              <button type="button" className="button button-primary" disabled={s.busy} onClick={() => void remove()}>{t('contact.yesRemove')}</button>
              <button type="button" className="button button-secondary" onClick={() => setMode('view')}>{t('contact.cancel')}</button>
            </div>
          </div>
        )}
        {mode === 'edit' && (
          <form onSubmit={save} noValidate className="employer-form">
            <Field id={id('name')} label={t('company.name')} value={f.name} onChange={(e) => setF({ ...f, name: e.target.value })} required error={s.fieldError('name')} />
            <Field id={id('title')} label={t('contact.role')} value={f.title} onChange={(e) => setF({ ...f, title: e.target.value })} error={s.fieldError('title')} />
            <Field id={id('phone')} type="tel" autoComplete="off" label={t('company.phone')} value={f.phone} onChange={(e) => setF({ ...f, phone: e.target.value })} error={s.fieldError('phone')} />
            <Field id={id('email')} type="email" autoComplete="off" label={t('contact.email')} value={f.email} onChange={(e) => setF({ ...f, email: e.target.value })} error={s.fieldError('email')} />
            <div className="employer-actions">
              <button type="submit" className="button button-primary" disabled={s.busy || !f.name.trim()}>{t('company.save')}</button>
              <button type="button" className="button button-secondary" onClick={() => { s.clear(); setMode('view'); }}>{t('contact.cancel')}</button>
            </div>
          </form>
        )}
      </div>
    </li>
  );
}

function AddContact({ onSaved }: { onSaved: () => void }) {
  const { t } = useTranslation('employer');
  const [contact, setContact] = useState({ name: '', phone: '' });
  const s = useSubmit();
  const add = async (e: FormEvent) => {
    e.preventDefault();
    if (await s.run(() => api.post('/api/employer/contacts', { name: contact.name.trim(), phone: orNull(contact.phone) }))) {
      setContact({ name: '', phone: '' });
      onSaved();
    }
  };
  return (
    <form onSubmit={add} noValidate className="employer-form">
      <h3>{t('company.addContact')}</h3>
      {s.error && s.error.fields.length === 0 && <Alert variant="error">{s.error.message}</Alert>}
      <Field id="emp-contact-name" label={t('company.name')} value={contact.name} onChange={(e) => setContact({ ...contact, name: e.target.value })} required error={s.fieldError('name')} />
      <Field id="emp-contact-phone" type="tel" label={t('company.phone')} value={contact.phone} onChange={(e) => setContact({ ...contact, phone: e.target.value })} error={s.fieldError('phone')} />
      <button type="submit" className="button button-secondary" disabled={s.busy || !contact.name.trim()}>{t('company.save')}</button>
    </form>
  );
}
