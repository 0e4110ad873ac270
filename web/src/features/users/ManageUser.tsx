import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { Select } from '../../components/FormControls.tsx';
import { useSubmit } from '../../components/useApi.ts';
import { STAFF_ROLES, type StaffRole } from '../../../../src/users/roles.ts';
import type { CreateUserResponse, UpdateUserBody, UserSummary } from '../../../../src/users/schemas.ts';

const isStaff = (role: string): role is StaffRole => (STAFF_ROLES as readonly string[]).includes(role);

/**
 * One user's role and active state. A role change and deactivating ask first: the person is
 * logged out at once. The administrator's own row offers neither (the server refuses it too).
 */
export function ManageUser({ user, self, onSaved, onClose }: {
  user: UserSummary; self: boolean; onSaved: (u: UserSummary, message: string, sent?: CreateUserResponse) => void; onClose: () => void;
}) {
  const { t } = useTranslation('users');
  const { t: tc } = useTranslation();
  const [role, setRole] = useState<string>(user.role);
  const [confirming, setConfirming] = useState(false);
  const [confirmingRole, setConfirmingRole] = useState(false);
  const submit = useSubmit();
  const patch = async (body: UpdateUserBody, message: string) => {
    const u = await submit.run(() => api.patch<UserSummary>(`/api/users/${user.id}`, body));
    if (u) onSaved(u, message);
  };
  const reinvite = async () => {
    const r = await submit.run(() => api.post<CreateUserResponse>(`/api/users/${user.id}/invite`));
    if (r) onSaved(r.user, t('saved.reinvited', { name: user.name, email: r.sentTo }), r);
  };
  return (
    <section className="users-manage" aria-labelledby="manage-heading">
      <h2 id="manage-heading">{t('manage.heading', { name: user.name })}</h2>
      <p>{user.email}</p>
      {submit.error && <Alert variant="error">{submit.error.message}</Alert>}
      {self && <p>{t('manage.self')}</p>}
      {!self && isStaff(user.role) && user.active && (
        <form onSubmit={(e) => { e.preventDefault(); setConfirmingRole(true); }}>
          <Select id="manage-role" label={t('manage.role')} value={role} onChange={(e) => { setRole(e.target.value); setConfirmingRole(false); }}
            options={STAFF_ROLES.map((r) => ({ value: r, label: tc(`roles.${r}`) }))} />
          <p className="form-hint">{t('manage.roleHint')}</p>
          {!confirmingRole && <button type="submit" className="button button-primary" disabled={submit.busy || role === user.role}>{t('manage.saveRole')}</button>}
        </form>
      )}
      {/* A role change logs the person out and changes what they may see: asked first, as the README promises. */}
      {!self && isStaff(user.role) && user.active && confirmingRole && role !== user.role && (
        <div className="users-confirm" role="group" aria-labelledby="confirm-role-text">
          <p id="confirm-role-text"><strong>{t('manage.confirmRole', { name: user.name, from: tc(`roles.${user.role}`), to: tc(`roles.${role}`) })}</strong></p>
          <button type="button" className="button button-primary" disabled={submit.busy}
            onClick={() => void patch({ role: role as StaffRole }, t('saved.role', { name: user.name, role: tc(`roles.${role}`) }))}>{t('manage.confirmRoleYes')}</button>{' '}
          <button type="button" className="button button-secondary" onClick={() => setConfirmingRole(false)}>{t('manage.cancel')}</button>
        </div>
      )}
      {!self && !isStaff(user.role) && <p>{t('manage.notStaff')}</p>}
      {!self && isStaff(user.role) && user.active && !user.passwordSet && (
        <p><button type="button" className="button button-secondary" disabled={submit.busy} onClick={() => void reinvite()}>{t('manage.reinvite')}</button></p>
      )}
      {!self && user.active && !confirming && (
        <p><button type="button" className="button button-secondary" onClick={() => setConfirming(true)}>{t('manage.deactivate')}</button></p>
      )}
      {!self && user.active && confirming && (
        <div className="users-confirm" role="group" aria-labelledby="confirm-text">
          <p id="confirm-text"><strong>{t('manage.confirm', { name: user.name })}</strong></p>
          <button type="button" className="button button-primary" disabled={submit.busy}
            onClick={() => void patch({ active: false }, t('saved.deactivated', { name: user.name }))}>{t('manage.confirmYes')}</button>{' '}
          <button type="button" className="button button-secondary" onClick={() => setConfirming(false)}>{t('manage.cancel')}</button>
        </div>
      )}
      {!self && !user.active && (
        <p><button type="button" className="button button-primary" disabled={submit.busy}
          onClick={() => void patch({ active: true }, t('saved.reactivated', { name: user.name }))}>{t('manage.reactivate')}</button></p>
      )}
      <p><button type="button" className="button button-tertiary" onClick={onClose}>{t('manage.close')}</button></p>
    </section>
  );
}
