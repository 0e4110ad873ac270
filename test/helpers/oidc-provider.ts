import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/**
 * A real OpenID Connect provider (npm oidc-provider) in this process on a
 * random port, standing in for the municipality's identity provider. Accounts
 * are keyed by subject; the provider's development login form accepts any
 * password, and `signIn` drives it with plain HTTP like a browser would.
 */
export interface LocalProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUrl: string;
  accounts: Map<string, { email: string; email_verified?: boolean; name?: string }>;
  /** Follows the authorization URL through login and consent; returns the query string the provider sends back to the redirect URL. */
  signIn(authorizationUrl: string, subject: string, opts?: { abort?: boolean }): Promise<string>;
  close(): Promise<void>;
}

export async function startLocalProvider(redirectUrl = 'http://localhost:3000/login/oidc'): Promise<LocalProvider> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const accounts: LocalProvider['accounts'] = new Map();
  const clientId = 'fodfaeste-test';
  const clientSecret = 'en-lang-hemmelighed-kun-til-test';
  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [redirectUrl], grant_types: ['authorization_code'], response_types: ['code'] }],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    pkce: { required: () => true },
    cookies: { keys: ['lokal-test-noegle'] },
    ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    async findAccount(_ctx, sub) {
      const a = accounts.get(sub);
      return a ? { accountId: sub, claims: async () => ({ sub, ...a }) } : undefined;
    },
  });
  server.on('request', provider.callback());

  async function signIn(authorizationUrl: string, subject: string, opts: { abort?: boolean } = {}) {
    const jar = new Map<string, string>();
    const send = async (url: string, init: RequestInit = {}) => {
      const res = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
      for (const c of res.headers.getSetCookie()) {
        const [pair] = c.split(';');
        const i = pair.indexOf('=');
        jar.set(pair.slice(0, i), pair.slice(i + 1));
      }
      return res;
    };
    let res = await send(authorizationUrl);
    for (let step = 0; step < 12; step++) {
      const location = res.headers.get('location');
      if (location) {
        const next = new URL(location, issuer).href;
        if (next.startsWith(redirectUrl)) return new URL(next).search;
        res = await send(next);
        continue;
      }
      const html = await res.text();
      const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
      const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
      if (!action || !prompt) throw new Error(`local provider: unexpected page (${res.status}): ${html.slice(0, 300)}`);
      if (opts.abort) {
        res = await send(new URL(`${action.replace(/&amp;/g, '&')}/abort`, issuer).href);
        continue;
      }
      const body = new URLSearchParams(prompt === 'login' ? { prompt, login: subject, password: 'hvad-som-helst' } : { prompt });
      res = await send(new URL(action.replace(/&amp;/g, '&'), issuer).href, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    }
    throw new Error('local provider: too many steps');
  }

  return {
    issuer, clientId, clientSecret, redirectUrl, accounts, signIn,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
