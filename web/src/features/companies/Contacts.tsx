import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact, ContactLogin } from '../../../../src/companies/schemas.ts';
import { api } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { Alert } from '../../components/Alert.tsx';
import { formatDateTime, orNull, useSubmit } from './ui.tsx';
import { InviteHandover } from '../access/InviteHandover.tsx';

/** The company's contact persons: add, edit, remove, and give a login. The role is stored as `title`. */
export function ContactsSection({ companyId, contacts, onSaved }: { companyId: string; contacts: Contact[]; onSaved: () => void }) {
  const { t } = useTranslation('companies');
  return (
    <section aria-labelledby="contacts-heading">
      <h2 id="contacts-heading">{t('company.contacts')}</h2>
      {contacts.length === 0 ? <p>{t('company.noContacts')}</p> : (
        <ul className="nobullet-list company-list" data-testid="contacts">
          {contacts.map((c) => <ContactItem key={c.id} companyId={companyId} contact={c} onSaved={onSaved} />)}
        </ul>
      )}
      <details className="details">
        <summary className="details-summary">{t('company.addContact')}</summary>
        <div className="details-text"><ContactForm companyId={companyId} onSaved={onSaved} /></div>
      </details>
    </section>
  );
}

function ContactItem({ companyId, contact: c, onSaved }: { companyId: string; contact: Contact; onSaved: () => void }) {
  const { t } = useTranslation('companies');
  const [mode, setMode] = useState<'show' | 'edit' | 'remove'>('show');
  const s = useSubmit();
  const remove = async () => {
    if (await s.run(() => api.delete(`/api/companies/${companyId}/contacts/${c.id}`))) onSaved();
  };
  return (
    <li className="company-item">
      <p className="company-item-text">
        <strong>{c.name}</strong>{c.title ? `, ${c.title}` : ''}{c.phone ? ` · ${c.phone}` : ''}{c.email ? ` · ${c.email}` : ''}
        {c.hasLogin ? ` · ${t('company.hasLogin')}` : ''}
      </p>
      <div className="company-item-actions">
        <button type="button" className="button button-tertiary" aria-expanded={mode === 'edit'} onClick={() => setMode(mode === 'edit' ? 'show' : 'edit')}>
          {t('company.editContact')}<span className="sr-only">: {c.name}</span>
        </button>
        <button type="button" className="button button-tertiary" onClick={() => setMode('remove')}>
          {t('company.removeContact')}<span className="sr-only">: {c.name}</span>
        </button>
        {(c.hasLogin || c.email) && <ContactLoginButton companyId={companyId} contact={c} onSaved={onSaved} />}
      </div>
      {mode === 'edit' && <ContactForm companyId={companyId} contact={c} onSaved={() => { setMode('show'); onSaved(); }} />}
      {mode === 'remove' && (
        <Alert variant="warning" headingLevel={3}>
          <p>{t(c.hasLogin ? 'company.removeConfirmLogin' : 'company.removeConfirm', { name: c.name })}</p>
          <button type="button" className="button button-secondary" disabled={s.busy} onClick={() => void remove()}>{t('company.removeYes')}</button>{' '}
          <button type="button" className="button button-tertiary" onClick={() => setMode('show')}>{t('company.cancel')}</button>
        </Alert>
      )}
      {s.error && <Alert variant="error" headingLevel={3}>{s.error.message}</Alert>}
    </li>
  );
}

/** Adds a contact person, or edits one when `contact` is given. */
function ContactForm({ companyId, contact, onSaved }: { companyId: string; contact?: Contact; onSaved: () => void }) {
  const { t } = useTranslation('companies');
  const empty = { name: contact?.name ?? '', title: contact?.title ?? '', phone: contact?.phone ?? '', email: contact?.email ?? '' };
  const [f, setF] = useState(empty);
  const s = useSubmit();
  const id = (k: string) => (contact ? `contact-${contact.id}-${k}` : `contact-${k}`);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = { name: f.name, title: orNull(f.title), phone: orNull(f.phone), email: orNull(f.email) };
    const saved = contact
      ? await s.run(() => api.patch<Contact>(`/api/companies/${companyId}/contacts/${contact.id}`, body))
      : await s.run(() => api.post<Contact>(`/api/companies/${companyId}/contacts`, body));
    if (saved) {
      if (!contact) setF(empty);
      onSaved();
    }
  };
  const field = (k: keyof typeof empty, label: string, extra: Record<string, unknown> = {}) => (
    <Field id={id(k)} label={label} value={f[k]} onChange={(e) => setF({ ...f, [k]: e.target.value })} error={s.fieldError(k)} {...extra} />
  );
  return (
    <form onSubmit={submit} noValidate className="company-form">
      {s.error && s.error.fields.length === 0 && <Alert variant="error" headingLevel={3}>{s.error.message}</Alert>}
      {field('name', t('company.contactName'), { required: true })}
      {field('title', t('company.contactTitle'), { hint: t('company.contactTitleHint') })}
      {field('phone', t('company.contactPhone'), { type: 'tel' })}
      {field('email', t('company.contactEmail'), { type: 'email' })}
      <button type="submit" className="button button-secondary" disabled={s.busy}>{t(contact ? 'company.saveContactChanges' : 'company.saveContact')}</button>
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
      <button type="button" className="button button-tertiary" disabled={s.busy} onClick={() => void send()}>
        {t(contact.hasLogin ? 'company.resendLogin' : 'company.giveLogin')}<span className="sr-only">: {contact.name}</span>
      </button>
      <div role="status" aria-live="polite">
        {sent && (sent.channel === 'link' || sent.channel === 'sms' || !sent.sentTo) && <InviteHandover result={sent} name={contact.name} />}
        {sent && sent.channel !== 'link' && sent.channel !== 'sms' && sent.sentTo && <Alert variant="success" headingLevel={3}>{sent.expiresAt
          ? t('company.loginSent', { email: sent.sentTo, until: formatDateTime(sent.expiresAt, i18n.language) })
          : t('company.accessSent', { email: sent.sentTo })}</Alert>}
      </div>
      {s.error && <Alert variant="error" headingLevel={3}>{s.error.message}</Alert>}
    </>
  );
}
