import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { useLoad } from '../../components/useApi.ts';
import { useSession } from '../../app/session.tsx';
import type { UserList, UserSummary } from '../../../../src/users/schemas.ts';
import { InviteForm } from './InviteForm.tsx';
import { ManageUser } from './ManageUser.tsx';
import { InviteHandover, type Handover } from '../access/InviteHandover.tsx';
import './users.css';

/** /admin/users: the partnership's logins for its administrators. */
export function UsersPage() {
  const { t, i18n } = useTranslation('users');
  const { t: tc } = useTranslation();
  const session = useSession();
  const { data, error, reload } = useLoad<UserList>('/api/users');
  const [selected, setSelected] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const statusRef = useRef<HTMLDivElement>(null);
  const [handover, setHandover] = useState<{ result: Handover; name: string } | null>(null);
  // After an invitation: where it went, or the one-time link to copy or show as a QR code.
  const handOver = (result: Handover, name: string) => {
    setStatus(null);
    setHandover({ result, name });
    reload();
    setTimeout(() => statusRef.current?.focus(), 0);
  };
  const announce = (message: string) => {
    setHandover(null);
    setStatus(message);
    reload();
    // Focus the message so keyboard and screen reader users hear the result.
    setTimeout(() => statusRef.current?.focus(), 0);
  };
  const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'da-DK', { dateStyle: 'medium', timeStyle: 'short' }) : t('table.never'));
  const current = data?.users.find((u) => u.id === selected);

  return (
    <>
      <PageTitle subtitle={t('intro')}>{t('title')}</PageTitle>
      <div ref={statusRef} tabIndex={-1} aria-live="polite">
        {status && <Alert variant="success">{status}</Alert>}
        {handover && <InviteHandover result={handover.result} name={handover.name} />}
      </div>
      {error && <Alert variant="error">{error.message}</Alert>}
      {!data && !error && <Spinner />}
      {current && (
        <ManageUser key={current.id + String(current.active) + current.role} user={current} self={current.id === session.user.id}
          onSaved={(u: UserSummary, message, sent) => (sent && sent.channel !== 'email' ? handOver(sent, u.name) : announce(message))} onClose={() => setSelected(null)} />
      )}
      {data && (
        <div className="users-table">
        <DataTable<UserSummary>
          caption={t('table.caption', { count: data.users.length })}
          rows={data.users}
          rowKey={(u) => u.id}
          empty={t('table.empty')}
          columns={[
            { key: 'name', header: t('table.name'), cell: (u) => <><strong>{u.name}</strong><br /><span className="users-email">{u.email}</span></> },
            { key: 'role', header: t('table.role'), cell: (u) => tc(`roles.${u.role}`) },
            { key: 'status', header: t('table.status'), cell: (u) => (u.active ? (u.passwordSet ? t('status.active') : t('status.invited')) : t('status.inactive')) },
            { key: 'lastLogin', header: t('table.lastLogin'), cell: (u) => when(u.lastLoginAt) },
            {
              key: 'actions', header: t('table.actions'), cell: (u) => (
                <button type="button" className="button button-secondary users-manage-button" onClick={() => { setStatus(null); setSelected(u.id); window.scrollTo(0, 0); }}>
                  {t('table.manage')}<span className="sr-only">: {u.name}</span>
                </button>
              ),
            },
          ]}
        />
        </div>
      )}
      <InviteForm onInvited={(r) => (r.channel === 'email' ? announce(t('saved.invited', { name: r.user.name, email: r.sentTo })) : handOver(r, r.user.name))} />
    </>
  );
}
