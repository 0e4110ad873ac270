import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Static } from '@sinclair/typebox';
import type { MentorLoginResponse } from '../../../../src/mentors/mentor-invite.ts';
import type { MentorView } from '../../../../src/mentors/schemas.ts';
import { api } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { Field } from '../../components/Field.tsx';
import { useSubmit } from '../../components/useApi.ts';
import { InviteHandover } from '../access/InviteHandover.tsx';

type Sent = Static<typeof MentorLoginResponse>;

/**
 * On the mentor's page: give the mentor a login and e-mail them a one-time link
 * to choose a password, or send a new link (the old one stops working). A
 * company mentor gets their login as the company's contact person instead.
 */
export function MentorLoginButton({ mentor, onChanged }: { mentor: Static<typeof MentorView>; onChanged?: () => void }) {
  const { t, i18n } = useTranslation('mentors');
  const [email, setEmail] = useState(mentor.email ?? '');
  const [sent, setSent] = useState<Sent | null>(null);
  const s = useSubmit();
  if (mentor.kind === 'company') return null;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSent(null);
    const r = await s.run(() => mentor.userId
      ? api.post<Sent>(`/api/mentors/${mentor.id}/invite`)
      : api.post<Sent>(`/api/mentors/${mentor.id}/login`, { email: email.trim() }));
    if (r) { setSent(r); onChanged?.(); }
  };
  return (
    <section aria-labelledby="mentor-invite-heading" className="mt-6" data-testid="mentor-invite">
      <h2 id="mentor-invite-heading">{t('invite.title')}</h2>
      <div role="status" aria-live="polite">
        {sent && (sent.channel === 'link' || sent.channel === 'sms' || !sent.sentTo) && <InviteHandover result={sent} name={mentor.name} />}
        {sent && sent.channel !== 'link' && sent.channel !== 'sms' && sent.sentTo && (
          <Alert variant="success">
            {sent.expiresAt
              ? t('invite.sent', { email: sent.sentTo, until: new Date(sent.expiresAt).toLocaleString(i18n.language, { dateStyle: 'long', timeStyle: 'short' }) })
              : t('invite.notice', { email: sent.sentTo })}
          </Alert>
        )}
      </div>
      {s.error && s.error.fields.length === 0 && <Alert variant="error">{s.error.message}</Alert>}
      <form onSubmit={(e) => void submit(e)} noValidate>
        {mentor.userId ? <p>{t('invite.hasLogin')}</p> : (
          <Field id="mentor-invite-email" type="email" autoComplete="off" required label={t('invite.email')} hint={t('invite.hint')}
            value={email} onChange={(e) => setEmail(e.target.value)} error={s.fieldError('email')} />
        )}
        <button type="submit" className="button button-secondary" disabled={s.busy || (!mentor.userId && !email.trim())}>
          {t(mentor.userId ? 'invite.resend' : 'invite.give')}
        </button>
      </form>
    </section>
  );
}
