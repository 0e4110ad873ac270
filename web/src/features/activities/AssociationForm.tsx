import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Static } from '@sinclair/typebox';
import type { AssociationView } from '../../../../src/activities/schemas.ts';
import type { UserList } from '../../../../src/users/schemas.ts';
import { api } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { Field } from '../../components/Field.tsx';
import { Select } from '../../components/FormControls.tsx';
import { useLoad, useSubmit } from '../lifeline/hooks.ts';

type Association = Static<typeof AssociationView>;

/**
 * The partnership's associations, and registering a new one (counsellor or admin:
 * POST /api/associations). Only an admin can list the users, so only an admin picks
 * the association's contact person here; a counsellor registers the name.
 */
export function AssociationForm({ isAdmin }: { isAdmin: boolean }) {
  const { t } = useTranslation('activities');
  const list = useLoad<Association[]>('/api/associations');
  const users = useLoad<UserList>(isAdmin ? '/api/users' : null);
  const contacts = (users.data?.users ?? []).filter((u) => u.role === 'association_contact' && u.active);
  const [name, setName] = useState('');
  const [contactUserId, setContactUserId] = useState('');
  const [saved, setSaved] = useState('');
  const submit = useSubmit();
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setSaved('');
    const out = await submit.run(() => api.post<Association>('/api/associations', { name: name.trim(), ...(contactUserId ? { contactUserId } : {}) }));
    if (out) { setSaved(t('association.saved', { name: out.name })); setName(''); setContactUserId(''); list.reload(); }
  }
  const nameError = submit.error?.fields?.find((f) => f.field === 'name')?.message;
  return (
    <details className="association-form mb-5" data-testid="associations">
      <summary>{t('association.heading')}</summary>
      {list.data && list.data.length > 0 && (
        <>
          <h2 className="h4" id="associations-h">{t('association.list')}</h2>
          <ul aria-labelledby="associations-h">
            {list.data.map((a) => <li key={a.id}>{a.name}{a.contactName ? ` (${t('association.contact', { name: a.contactName })})` : ''}</li>)}
          </ul>
        </>
      )}
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        {saved && <Alert variant="success" headingLevel={3}>{saved}</Alert>}
        {submit.error && !nameError && <Alert variant="error" headingLevel={3}>{submit.error.message}</Alert>}
        <Field id="association-name" label={t('association.name')} value={name} onChange={(e) => setName(e.target.value)} maxLength={120} required error={nameError} />
        {isAdmin && (
          <Select id="association-contact" label={t('association.contactLabel')} hint={t('association.contactHint')} value={contactUserId}
            onChange={(e) => setContactUserId(e.target.value)}
            options={[{ value: '', label: t('association.noContact') }, ...contacts.map((u) => ({ value: u.id, label: u.name }))]} />
        )}
        <button type="submit" className="button button-primary" disabled={submit.busy || name.trim() === ''}>{t('association.save')}</button>
      </form>
    </details>
  );
}
