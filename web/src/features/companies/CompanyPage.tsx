import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Static } from '@sinclair/typebox';
import type { CompanyDetail, Contact, ContactLogin, Opening, ParticipationHistory } from '../../../../src/companies/schemas.ts';
import type { Placement } from '../../../../src/placements/schemas.ts';
import type { YoungPersonSummary } from '../../../../src/youth/schemas.ts';
import { api } from '../../api/client.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Field } from '../../components/Field.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { Alert } from '../../components/Alert.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { Checkboxes, formatDate, formatDateTime, orNull, Select, TextArea, useLoad, useSubmit } from './ui.tsx';

const KINDS = ['trial', 'work_placement', 'wage_subsidy', 'paid_hours', 'leisure_job', 'apprenticeship', 'ordinary_job'] as const;

export function CompanyPage() {
  const { id } = useParams();
  const { t } = useTranslation('companies');
  const { data, error, reload } = useLoad<CompanyDetail>(`/api/companies/${id}`);
  const placements = useLoad<Placement[]>('/api/placements', { companyId: id });
  const refresh = () => { reload(); placements.reload(); };
  if (error) return <Alert variant="error">{error.message}</Alert>;
  if (!data) return <Spinner />;
  return (
    <>
      <PageTitle subtitle={[data.industry, data.city, t(`membership.${data.membership}`)].filter(Boolean).join(' · ')}>{data.name}</PageTitle>
      {data.cvr && <p>CVR {data.cvr}</p>}
      <section aria-labelledby="contacts-heading">
        <h2 id="contacts-heading">{t('company.contacts')}</h2>
        {data.contacts.length === 0 ? <p>{t('company.noContacts')}</p> : (
          <ul className="nobullet-list" data-testid="contacts">
            {data.contacts.map((c) => (
              <li key={c.id}>
                {c.name}{c.title ? `, ${c.title}` : ''}{c.phone ? ` · ${c.phone}` : ''}{c.hasLogin ? ` · ${t('company.hasLogin')}` : ''}
                {(c.hasLogin || c.email) && <ContactLoginButton companyId={data.id} contact={c} onSaved={refresh} />}
              </li>
            ))}
          </ul>
        )}
        <ContactForm companyId={data.id} onSaved={refresh} />
      </section>
      <section aria-labelledby="openings-heading">
        <h2 id="openings-heading">{t('company.openings')}</h2>
        {data.openings.length === 0 ? <p>{t('company.noOpenings')}</p> : (
          <ul className="nobullet-list" data-testid="openings">
            {data.openings.map((o) => (
              <li key={o.id} className="opening">
                <h3 className="h4">{o.title}</h3>
                {o.tasks && <p>{o.tasks}</p>}
                <p>{o.placementKinds.map((k) => t(`kinds.${k}`)).join(', ')}</p>
                <p>{t('company.free', { free: o.freePlaces, capacity: o.capacity })}{o.mentor ? ` · ${t('company.mentor', { name: o.mentor.name })}` : ''}{o.mentorAfterHours ? ` (${t('company.afterHours')})` : ''}</p>
              </li>
            ))}
          </ul>
        )}
        <OpeningForm companyId={data.id} onSaved={refresh} />
      </section>
      <section aria-labelledby="placements-heading">
        <h2 id="placements-heading">{t('company.placements')}</h2>
        {placements.data && placements.data.length === 0 && <p>{t('company.noPlacements')}</p>}
        {placements.data && placements.data.length > 0 && (
          <ul className="nobullet-list" data-testid="company-placements">
            {placements.data.map((p) => (
              <li key={p.id}><Link to={`/placements/${p.id}`}>{p.youngPersonName}</Link> – {t(`kinds.${p.kind}`)}, {t(`status.${p.status}`)} ({formatDate(p.startDate, 'da')})</li>
            ))}
          </ul>
        )}
        {data.openings.some((o) => o.open && o.freePlaces > 0) && <PlaceForm openings={data.openings.filter((o) => o.open && o.freePlaces > 0)} onSaved={refresh} />}
      </section>
      <Participation companyId={data.id} />
    </>
  );
}

function ContactForm({ companyId, onSaved }: { companyId: string; onSaved: () => void }) {
  const { t } = useTranslation('companies');
  const [f, setF] = useState({ name: '', title: '', phone: '', email: '' });
  const s = useSubmit();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = { name: f.name, title: orNull(f.title), phone: orNull(f.phone), email: orNull(f.email) };
    if (await s.run(() => api.post(`/api/companies/${companyId}/contacts`, body))) {
      setF({ name: '', title: '', phone: '', email: '' });
      onSaved();
    }
  };
  return (
    <details className="details">
      <summary className="details-summary">{t('company.addContact')}</summary>
      <form onSubmit={submit} noValidate className="details-text">
        {s.error && <Alert variant="error">{s.error.message}</Alert>}
        <Field id="contact-name" label={t('company.contactName')} value={f.name} onChange={(e) => setF({ ...f, name: e.target.value })} required />
        <Field id="contact-title" label={t('company.contactTitle')} value={f.title} onChange={(e) => setF({ ...f, title: e.target.value })} />
        <Field id="contact-phone" type="tel" label={t('company.contactPhone')} value={f.phone} onChange={(e) => setF({ ...f, phone: e.target.value })} />
        <Field id="contact-email" type="email" label={t('company.contactEmail')} value={f.email} onChange={(e) => setF({ ...f, email: e.target.value })} />
        <button type="submit" className="button button-secondary" disabled={s.busy}>{t('company.saveContact')}</button>
      </form>
    </details>
  );
}

function OpeningForm({ companyId, onSaved }: { companyId: string; onSaved: () => void }) {
  const { t } = useTranslation('companies');
  const [f, setF] = useState({ title: '', tasks: '', kinds: ['trial', 'work_placement'] as string[], capacity: '1' });
  const s = useSubmit();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = { title: f.title, tasks: f.tasks, placementKinds: f.kinds, capacity: Number(f.capacity) };
    if (await s.run(() => api.post<Static<typeof Opening>>(`/api/companies/${companyId}/openings`, body))) {
      setF({ title: '', tasks: '', kinds: ['trial', 'work_placement'], capacity: '1' });
      onSaved();
    }
  };
  return (
    <details className="details">
      <summary className="details-summary">{t('company.addOpening')}</summary>
      <form onSubmit={submit} noValidate className="details-text">
        {s.error && s.error.fields.length > 0 && <ErrorSummary errors={s.error.fields} idFor={(x) => `opening-${x}`} />}
        {s.error && s.error.fields.length === 0 && <Alert variant="error">{s.error.message}</Alert>}
        <Field id="opening-title" label={t('company.openingTitle')} value={f.title} onChange={(e) => setF({ ...f, title: e.target.value })} required />
        <TextArea id="opening-tasks" label={t('company.openingTasks')} value={f.tasks} onChange={(e) => setF({ ...f, tasks: e.target.value })} />
        <Checkboxes id="opening-placementKinds" legend={t('company.openingKinds')} value={f.kinds} onChange={(kinds) => setF({ ...f, kinds })}
          options={KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))} />
        <Field id="opening-capacity" type="number" min={0} max={500} label={t('company.capacity')} value={f.capacity} onChange={(e) => setF({ ...f, capacity: e.target.value })} />
        <button type="submit" className="button button-secondary" disabled={s.busy}>{t('company.saveOpening')}</button>
      </form>
    </details>
  );
}

function PlaceForm({ openings, onSaved }: { openings: Opening[]; onSaved: () => void }) {
  const { t } = useTranslation('companies');
  const youth = useLoad<YoungPersonSummary[]>('/api/youth');
  const [f, setF] = useState({ youngPersonId: '', openingId: openings[0].id, kind: openings[0].placementKinds[0] as string, startDate: new Date().toISOString().slice(0, 10) });
  const [done, setDone] = useState(false);
  const s = useSubmit();
  const opening = openings.find((o) => o.id === f.openingId) ?? openings[0];
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    if (await s.run(() => api.post('/api/placements', { ...f, status: 'active' }))) {
      setDone(true);
      onSaved();
    }
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="place-heading">
      <h3 id="place-heading">{t('company.place')}</h3>
      {done && <Alert variant="success">{t('company.placed')}</Alert>}
      {s.error && <Alert variant="error">{s.error.message}</Alert>}
      <Select id="place-youngPerson" label={t('company.youngPerson')} value={f.youngPersonId} onChange={(e) => setF({ ...f, youngPersonId: e.target.value })}
        options={[{ value: '', label: t('company.chooseYoungPerson') }, ...(youth.data ?? []).map((y) => ({ value: y.id, label: `${y.firstName} ${y.lastName}` }))]} />
      <Select id="place-opening" label={t('company.opening')} value={f.openingId}
        onChange={(e) => { const o = openings.find((x) => x.id === e.target.value)!; setF({ ...f, openingId: o.id, kind: o.placementKinds[0] }); }}
        options={openings.map((o) => ({ value: o.id, label: o.title }))} />
      <Select id="place-kind" label={t('company.kind')} value={f.kind} onChange={(e) => setF({ ...f, kind: e.target.value })}
        options={opening.placementKinds.map((k) => ({ value: k, label: t(`kinds.${k}`) }))} />
      <Field id="place-startDate" type="date" label={t('company.startDate')} value={f.startDate} onChange={(e) => setF({ ...f, startDate: e.target.value })} />
      <button type="submit" className="button button-primary" disabled={s.busy || !f.youngPersonId}>{t('company.placeSubmit')}</button>
    </form>
  );
}

/**
 * Gives a contact person a login as company contact, or sends a new link: the
 * person gets an e-mail with a one-time link to choose their own password.
 */
function ContactLoginButton({ companyId, contact, onSaved }: { companyId: string; contact: Contact; onSaved: () => void }) {
  const { t, i18n } = useTranslation('companies');
  const [sent, setSent] = useState<ContactLogin | null>(null);
  const s = useSubmit();
  const send = async () => {
    setSent(null);
    const r = await s.run(() => contact.hasLogin
      ? api.post<ContactLogin>(`/api/companies/${companyId}/contacts/${contact.id}/invite`)
      : api.post<ContactLogin>(`/api/companies/${companyId}/contacts/${contact.id}/login`, { email: contact.email }));
    if (r) { setSent(r); onSaved(); }
  };
  return (
    <>
      {' '}
      <button type="button" className="button button-tertiary" disabled={s.busy} onClick={() => void send()}>
        {t(contact.hasLogin ? 'company.resendLogin' : 'company.giveLogin')}<span className="sr-only">: {contact.name}</span>
      </button>
      <div role="status" aria-live="polite">
        {sent && <Alert variant="success" headingLevel={3}>{sent.expiresAt
          ? t('company.loginSent', { email: sent.sentTo, until: formatDateTime(sent.expiresAt, i18n.language) })
          : t('company.accessSent', { email: sent.sentTo })}</Alert>}
      </div>
      {s.error && <Alert variant="error" headingLevel={3}>{s.error.message}</Alert>}
    </>
  );
}

/** The company's history of taking part in the network's meetings and events. */
function Participation({ companyId }: { companyId: string }) {
  const { t, i18n } = useTranslation('companies');
  const { data, error } = useLoad<ParticipationHistory>(`/api/companies/${companyId}/events`);
  return (
    <section aria-labelledby="participation-heading">
      <h2 id="participation-heading">{t('company.participation')}</h2>
      {error && <Alert variant="error">{error.message}</Alert>}
      {data && data.length === 0 && <p>{t('company.noParticipation')}</p>}
      {data && data.length > 0 && (
        <ul className="nobullet-list" data-testid="participation">
          {data.map((e) => (
            <li key={e.eventId}>
              <Link to={`/network/events/${e.eventId}`}>{e.title}</Link> ({formatDateTime(e.startsAt, i18n.language)}):{' '}
              {t(`rsvp.${e.rsvp}`)}{e.attended === null ? '' : ` · ${t(e.attended ? 'event.came' : 'event.didNotCome')}`}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
