import { useSession } from './session.tsx';
import { RoleStartPage } from '../features/start/StartPages.tsx';

/** '/' shows the start page of the role the user acts in now (it changes with the partnership). */
export function StartPage() {
  const session = useSession();
  // RequireAuth guarantees a role here. The key remounts the widgets (fresh data) after a partnership switch.
  return <RoleStartPage key={`${session.partnership?.id}:${session.role}`} role={session.role!} />;
}
