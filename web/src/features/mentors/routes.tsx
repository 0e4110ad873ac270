import './mentors.css';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { lazyPage } from '../../app/lazy.tsx';
import type { AppRoute, NavItem, StartWidget } from '../../app/registry.ts';
import { PendingInvitations } from '../companies/PendingInvitations.tsx';

function MenteesWidget() {
  const { t } = useTranslation('mentors');
  return (
    <section className="card start-widget" aria-labelledby="mentees-widget-heading">
      <div className="card-content">
        <h2 id="mentees-widget-heading" className="h3">{t('mine.title')}</h2>
        <PendingInvitations ns="mentors" to="/mentor/events" />
        <p>{t('mine.widget')}</p>
        <Link className="button button-primary" to="/mentees">{t('mine.open')}</Link>
      </div>
    </section>
  );
}

export const routes: AppRoute[] = [
  { path: '/mentors', element: lazyPage(() => import('./MentorsPage.tsx'), 'MentorsPage'), roles: ['counsellor', 'admin'] },
  { path: '/mentors/new', element: lazyPage(() => import('./MentorFormPage.tsx'), 'MentorFormPage'), roles: ['counsellor', 'admin'] },
  { path: '/mentors/:id', element: lazyPage(() => import('./MentorFormPage.tsx'), 'MentorFormPage', { key: 'edit' }), roles: ['counsellor', 'admin'] },
  { path: '/mentees', element: lazyPage(() => import('./MyMenteesPage.tsx'), 'MyMenteesPage'), roles: ['volunteer_mentor'] },
  { path: '/mentor/events', element: lazyPage(() => import('./MentorEventsPage.tsx'), 'MentorEventsPage'), roles: ['volunteer_mentor'] },
];

export const navItems: NavItem[] = [
  { to: '/mentors', labelKey: 'mentors:nav.registry', roles: ['counsellor', 'admin'], order: 30 },
  { to: '/mentees', labelKey: 'mentors:nav.mine', roles: ['volunteer_mentor'], order: 10 },
  { to: '/mentor/events', labelKey: 'mentors:nav.events', roles: ['volunteer_mentor'], order: 11 },
];

export const startWidgets: StartWidget[] = [
  { roles: ['volunteer_mentor'], element: <MenteesWidget />, order: 5 },
  { roles: ['counsellor'], element: lazyPage(() => import('./MentorsPage.tsx'), 'ReviewsDue', { asWidget: true }), order: 12 },
];
