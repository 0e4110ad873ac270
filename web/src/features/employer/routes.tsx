import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { lazyPage } from '../../app/lazy.tsx';
import type { AppRoute, NavItem, StartWidget } from '../../app/registry.ts';

function AttendanceWidget() {
  const { t } = useTranslation('employer');
  return (
    <section className="card start-widget" aria-labelledby="emp-widget-heading">
      <div className="card-content">
        <h2 id="emp-widget-heading" className="h3">{t('home.title')}</h2>
        <p>{t('home.widgetIntro')}</p>
        <p><Link className="button button-primary" to="/employer">{t('home.widgetButton')}</Link></p>
      </div>
    </section>
  );
}

export const routes: AppRoute[] = [
  { path: '/employer', element: lazyPage(() => import('./EmployerHome.tsx'), 'EmployerHome'), roles: ['company_contact'] },
  { path: '/employer/company', element: lazyPage(() => import('./EmployerCompanyPage.tsx'), 'EmployerCompanyPage'), roles: ['company_contact'] },
  { path: '/employer/placements/:id', element: lazyPage(() => import('./EmployerPlacementPage.tsx'), 'EmployerPlacementPage'), roles: ['company_contact'] },
  { path: '/employer/events', element: lazyPage(() => import('./EmployerEventsPage.tsx'), 'EmployerEventsPage'), roles: ['company_contact'] },
];

export const navItems: NavItem[] = [
  { to: '/employer', labelKey: 'employer:nav.attendance', roles: ['company_contact'], order: 10 },
  { to: '/employer/company', labelKey: 'employer:nav.company', roles: ['company_contact'], order: 11 },
  { to: '/employer/events', labelKey: 'employer:nav.events', roles: ['company_contact'], order: 12 },
];

export const startWidgets: StartWidget[] = [{ roles: ['company_contact'], element: <AttendanceWidget />, order: 10 }];
