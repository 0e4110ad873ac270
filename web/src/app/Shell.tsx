import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useSessionState, type Session } from './session.tsx';
import { navItemsFor } from './features.ts';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';
import { Icon } from '../components/Icon.tsx';
import { ErrorBoundary } from '../components/ErrorBoundary.tsx';

/** The page frame: skip link, language switch, DKFDS header with navigation (drawer on mobile), main, footer. */
export function Shell() {
  const { t } = useTranslation();
  const { session } = useSessionState();
  const [menuOpen, setMenuOpen] = useState(false);
  const location = useLocation();

  // Navigating closes the mobile menu, and so does widening the window past DKFDS' menu breakpoint.
  useEffect(() => setMenuOpen(false), [location.pathname]);
  useEffect(() => {
    const desktop = window.matchMedia('(min-width: 992px)');
    const close = () => desktop.matches && setMenuOpen(false);
    desktop.addEventListener('change', close);
    return () => desktop.removeEventListener('change', close);
  }, []);

  return (
    <>
      <a className="skipnav" href="#main-content">{t('skipLink')}</a>
      <header className="header">
        <div className="solution-info">
          <div className="solution-info-inner container">
            <div className="solution-heading">
              <Link to="/">{t('app.name')}</Link>
            </div>
            <div className="header-tools">
              <LanguageSwitcher />
              {session && (
                <button
                  type="button"
                  className="function-link button-menu-open d-print-none"
                  aria-haspopup="dialog"
                  onClick={() => setMenuOpen(true)}
                >
                  <Icon name="menu" />{t('header.menu')}
                </button>
              )}
            </div>
            {session && (
              <div className="additional-info">
                <UserInfo session={session} />
              </div>
            )}
          </div>
        </div>
        {session?.role && <DesktopNav session={session} />}
        {session && menuOpen && <MobileDrawer session={session} onClose={() => setMenuOpen(false)} />}
      </header>
      <div className={`overlay${menuOpen ? ' is-visible' : ''}`} onClick={() => setMenuOpen(false)} aria-hidden="true"></div>
      <main id="main-content" className="container page-main" tabIndex={-1}>
        <ErrorBoundary key={location.pathname}>
          <Outlet />
        </ErrorBoundary>
      </main>
      <footer>
        <div className="footer">
          <div className="container">
            <p className="footer-name"><strong>{t('app.name')}</strong> – {t('app.tagline')}</p>
            <p>{t('footer.about')}</p>
            <p>{t('footer.contact')}</p>
          </div>
        </div>
      </footer>
    </>
  );
}

/** The navigation for the user's role; `current` marks the entry whose path matches the page best (longest prefix). */
function useLinks(session: Session) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const items = session.role ? navItemsFor(session.role) : [];
  const links = [{ to: '/', label: t('nav.home') }, ...items.map((n) => ({ to: n.to, label: t(n.labelKey) }))];
  const matches = links.filter((l) => (l.to === '/' ? pathname === '/' : pathname === l.to || pathname.startsWith(`${l.to}/`)));
  const best = matches.sort((a, b) => b.to.length - a.to.length)[0]?.to;
  return links.map((l) => ({ ...l, current: l.to === best }));
}

function DesktopNav({ session }: { session: Session }) {
  const { t } = useTranslation();
  const links = useLinks(session);
  return (
    <div className="navigation-menu">
      <div className="navigation-menu-inner container">
        <nav className="nav" aria-label={t('header.mainMenu')}>
          <ul className="mainmenu">
            {links.map((l) => (
              <li key={l.to} className={l.current ? 'active current' : undefined}>
                <Link to={l.to} className="nav-link" aria-current={l.current ? 'page' : undefined}>
                  <span>{l.label}</span>
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </div>
  );
}

function UserInfo({ session }: { session: Session }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="user-name">
        {session.role ? t('header.user', { name: session.user.name, role: t(`roles.${session.role}`) }) : session.user.name}
      </p>
      {session.partnership && <p className="user-partnership">{session.partnership.name}</p>}
      <UserActions session={session} />
    </>
  );
}

function UserActions({ session }: { session: Session }) {
  const { t } = useTranslation();
  const { logout } = useSessionState();
  const navigate = useNavigate();
  return (
    <p className="user-actions">
      {session.memberships.length > 1 && (
        <Link className="function-link" to="/partnership">
          <Icon name="sync" />{t('header.switchPartnership')}
        </Link>
      )}
      {session.role && (
        <Link className="function-link" to="/settings">
          <Icon name="notifications" />{t('reminders:header.settings')}
        </Link>
      )}
      <button
        type="button"
        className="function-link log-off d-print-none"
        onClick={() => void logout().then(() => navigate('/login', { replace: true }))}
      >
        <Icon name="lock" />{t('header.logout')}
      </button>
    </p>
  );
}

/** The DKFDS mobile drawer: a modal dialog with focus kept inside until it closes (Escape, Luk, overlay). */
function MobileDrawer({ session, onClose }: { session: Session; onClose: () => void }) {
  const { t } = useTranslation();
  const links = useLinks(session);
  const ref = useRef<HTMLDivElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    document.body.classList.add('mobile-nav-active');
    closeRef.current?.focus();
    return () => {
      document.body.classList.remove('mobile-nav-active');
      opener?.focus();
    };
  }, []);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') return onClose();
    if (e.key !== 'Tab' || !ref.current) return;
    const focusable = [...ref.current.querySelectorAll<HTMLElement>('a[href], button:not([disabled])')];
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  return (
    <div className="mobile-drawer is-visible" role="dialog" aria-modal="true" aria-labelledby="menu-heading" ref={ref} onKeyDown={onKeyDown}>
      <div className="menu-top">
        <h2 id="menu-heading" className="menu-heading">{t('header.menu')}</h2>
        <button type="button" ref={closeRef} className="function-link button-menu-close" aria-label={t('header.closeMenuLabel')} onClick={onClose}>
          <Icon name="close" />{t('header.closeMenu')}
        </button>
      </div>
      <nav className="navigation-menu-mobile" aria-label={t('header.mainMenu')}>
        <ul className="mainmenu">
          {links.map((l) => (
            <li key={l.to} className={l.current ? 'active current' : undefined}>
              <Link to={l.to} className="nav-link" aria-current={l.current ? 'page' : undefined} onClick={onClose}>
                <span>{l.label}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="portal-info-mobile">
        <h2 className="sr-only">{t('header.userHeading')}</h2>
        <UserInfo session={session} />
      </div>
    </div>
  );
}
