import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { Select } from '../../components/FormControls.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { useSubmit } from '../../components/useApi.ts';
import { STAFF_ROLES, type StaffRole } from '../../../../src/users/roles.ts';
import type { CreateUserBody, CreateUserResponse } from '../../../../src/users/schemas.ts';
import { ChannelChoice } from '../access/InviteHandover.tsx';

const FIELDS: Record<string, string> = { name: 'invite-name', email: 'invite-email', role: 'invite-role', phone: 'invite-phone', channel: 'invite-channel' };

/** Creates a staff user; the server mails them a one-time link to choose a password. */
export function InviteForm({ onInvited }: { onInvited: (r: CreateUserResponse) => void }) {
  const { t } = useTranslation('users');
  const { t: tc } = useTranslation();
  const [form, setForm] = useState<CreateUserBody>({ name: '', email: '', role: 'counsellor' });
  const submit = useSubmit();
  const save = async (e: FormEvent) => {
    e.preventDefault();
    const r = await submit.run(() => api.post<CreateUserResponse>('/api/users', { ...form, phone: form.phone?.trim() || undefined }));
    if (r) {
      setForm({ name: '', email: '', role: form.role, channel: form.channel });
      onInvited(r);
    }
  };
  const errors = submit.error ? (submit.error.fields.length ? submit.error.fields : [{ field: 'email', message: submit.error.message }]) : [];
  return (
    <form onSubmit={save} noValidate aria-labelledby="invite-heading">
      <h2 id="invite-heading">{t('invite.heading')}</h2>
      <p>{t('invite.intro')}</p>
      <ErrorSummary errors={errors} idFor={(f) => FIELDS[f] ?? 'invite-email'} />
      <Field id="invite-name" label={t('invite.name')} value={form.name} autoComplete="off" maxLength={200} required
        error={submit.fieldError('name')} onChange={(e) => setForm({ ...form, name: e.target.value })} />
      <Field id="invite-email" label={t('invite.email')} type="email" value={form.email} autoComplete="off" maxLength={254} required
        error={submit.fieldError('email')} onChange={(e) => setForm({ ...form, email: e.target.value })} />
      <Select id="invite-role" label={t('invite.role')} value={form.role} error={submit.fieldError('role')}
        onChange={(e) => setForm({ ...form, role: e.target.value as StaffRole })}
        options={STAFF_ROLES.map((r) => ({ value: r, label: tc(`roles.${r}`) }))} />
      <Field id="invite-phone" label={t('invite.phone')} hint={t('invite.phoneHint')} type="tel" value={form.phone ?? ''} autoComplete="off" maxLength={30}
        error={submit.fieldError('phone')} onChange={(e) => setForm({ ...form, phone: e.target.value })} />
      <ChannelChoice id="invite-channel" value={form.channel} hasPhone={Boolean(form.phone?.trim())} onChange={(channel) => setForm({ ...form, channel })} />
      <button type="submit" className="button button-primary" disabled={submit.busy}>{t('invite.submit')}</button>
    </form>
  );
}
