import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router-dom';
import { useSessionState } from './session.tsx';
import type { Role } from './registry.ts';
import { Spinner } from '../components/Spinner.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { InstallationLink } from '../features/partnerships/InstallationLink.tsx';

/**
 * Shows children only to a logged-in user whose current role is allowed.
 * Not logged in → the login page (which returns here afterwards).
 */
export function RequireAuth({ roles, children }: { roles?: readonly Role[]; children: ReactNode }) {
  const { session } = useSessionState();
  const location = useLocation();
  if (session === undefined) return <Spinner />;
  if (session === null) {
    const from = location.pathname + location.search;
    // ?next= survives a reload of the login page; the login page accepts same-site paths only.
    return <Navigate to={from === '/' ? '/login' : `/login?next=${encodeURIComponent(from)}`} replace state={{ from }} />;
  }
  if (!session.role) return <NoPartnership />;
  if (roles && !roles.includes(session.role)) return <NoAccess />;
  return <>{children}</>;
}

function NoAccess() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t('noAccess.title')}</PageTitle>
      <p>{t('noAccess.text')}</p>
      <p><Link to="/">{t('noAccess.home')}</Link></p>
    </>
  );
}

function NoPartnership() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t('noPartnership.title')}</PageTitle>
      <p>{t('noPartnership.text')}</p>
      <InstallationLink />
    </>
  );
}

export function NotFound() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t('notFound.title')}</PageTitle>
      <p>{t('notFound.text')}</p>
      <p><Link to="/">{t('notFound.home')}</Link></p>
    </>
  );
}
