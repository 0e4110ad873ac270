import { useTranslation } from 'react-i18next';
import type { Role } from '../../app/registry.ts';
import { useSession } from '../../app/session.tsx';
import { startWidgetsFor } from '../../app/features.ts';
import { PageTitle } from '../../components/PageTitle.tsx';

/**
 * The page each role lands on after login: a heading of its own, who you are and
 * where, what the role does in the partnership, then the widgets features add for the role.
 */
export function RoleStartPage({ role }: { role: Role }) {
  const { t } = useTranslation('start');
  const session = useSession();
  const widgets = startWidgetsFor(role);
  const firstName = session.user.name.split(' ')[0];
  return (
    <div className={`start-page start-${role}`}>
      <PageTitle>{t(`${role}.title`)}</PageTitle>
      <p className="font-lead">
        {t('greeting', { name: firstName, role: t(`common:roles.${role}`).toLowerCase(), partnership: session.partnership?.name ?? '' })}
      </p>
      <p>{t(`${role}.intro`)}</p>
      {widgets.length > 0 && (
        <div className="start-widgets">
          {widgets.map((w) => <div key={w.key} className="start-widget-slot">{w.element}</div>)}
        </div>
      )}
    </div>
  );
}
