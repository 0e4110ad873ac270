import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Static } from '@sinclair/typebox';
import type { LoginBody, SessionInfo } from '../../../src/auth/schemas.ts';
import { api, setCsrfToken, setUnauthenticatedHandler } from '../api/client.ts';

export type Session = Static<typeof SessionInfo>;

interface SessionState {
  /** undefined while the first session check runs; null when not logged in. */
  session: Session | null | undefined;
  /** Set when the session ran out during use, so the login page can say why. */
  expired: boolean;
  /** Set after the user logged out, so the login page can confirm it. */
  loggedOut: boolean;
  /** `extra`: the TOTP code, "husk denne telefon", or completing a link to the municipality's login. */
  login(email: string, password: string, extra?: Pick<LoginBody, 'code' | 'rememberDevice' | 'linkOidc'>): Promise<Session>;
  /** Finishes a sign-in with the municipality's login: the query string the provider sent the browser back with. */
  completeOidcLogin(search: string): Promise<Session>;
  /** The TOTP code after the municipality's login, for a user with two-factor login. */
  completeOidcCode(code: string): Promise<Session>;
  logout(): Promise<void>;
  switchPartnership(partnershipId: string): Promise<Session>;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const [expired, setExpired] = useState(false);
  const [loggedOut, setLoggedOut] = useState(false);

  const accept = useCallback((s: Session | null) => {
    setCsrfToken(s?.csrfToken ?? null);
    setSession(s);
    return s;
  }, []);

  useEffect(() => {
    let alive = true;
    api.get<Session>('/api/auth/session', { allowUnauthenticated: true })
      .then((s) => alive && accept(s))
      // Not logged in (401) or server unreachable: show the login page either way.
      .catch(() => alive && accept(null));
    setUnauthenticatedHandler(() => {
      setExpired(true);
      accept(null);
    });
    return () => {
      alive = false;
      setUnauthenticatedHandler(null);
    };
  }, [accept]);

  const value = useMemo<SessionState>(() => ({
    session,
    expired,
    loggedOut,
    async login(email, password, extra = {}) {
      const s = await api.post<Session>('/api/auth/login', { email, password, ...extra }, { allowUnauthenticated: true });
      setExpired(false);
      setLoggedOut(false);
      return accept(s)!;
    },
    async completeOidcLogin(search) {
      const s = await api.post<Session>('/api/auth/oidc/callback', { search }, { allowUnauthenticated: true });
      setExpired(false);
      setLoggedOut(false);
      return accept(s)!;
    },
    async completeOidcCode(code) {
      const s = await api.post<Session>('/api/auth/oidc/code', { code }, { allowUnauthenticated: true });
      setExpired(false);
      setLoggedOut(false);
      return accept(s)!;
    },
    async logout() {
      try {
        await api.post<void>('/api/auth/logout', undefined, { allowUnauthenticated: true });
      } finally {
        setExpired(false);
        setLoggedOut(true);
        accept(null);
      }
    },
    async switchPartnership(partnershipId) {
      const s = await api.post<Session>('/api/auth/partnership', { partnershipId });
      return accept(s)!;
    },
  }), [session, expired, loggedOut, accept]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSessionState(): SessionState {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSessionState outside SessionProvider');
  return ctx;
}

/** The logged-in session; only for components rendered behind RequireAuth. */
export function useSession(): Session {
  const { session } = useSessionState();
  if (!session) throw new Error('useSession needs a logged-in user (render it behind RequireAuth)');
  return session;
}
