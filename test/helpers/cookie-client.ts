import { TestClient } from './app.ts';

/**
 * A client that keeps every cookie the server sets (session, device, OIDC state and
 * pending link), like a browser, for flows that span several cookies.
 */
export class CookieClient extends TestClient {
  jar = new Map<string, string>();
  override async request(opts: Parameters<TestClient['request']>[0]) {
    const headers: Record<string, string> = { ...(opts.headers as Record<string, string>) };
    const cookies = [...this.jar].map(([k, v]) => `${k}=${v}`);
    if (cookies.length && !headers.cookie) headers.cookie = cookies.join('; ');
    if (this.csrf && opts.method !== 'GET') headers['x-csrf-token'] ??= this.csrf;
    const res = await this.app.inject({ ...opts, headers });
    for (const c of res.cookies) {
      if (c.value && !(c.maxAge !== undefined && c.maxAge <= 0)) this.jar.set(c.name, c.value);
      else this.jar.delete(c.name);
    }
    const body = res.headers['content-type']?.toString().includes('json') ? safeJson(res.body) : null;
    if (body && typeof body === 'object' && 'csrfToken' in body) this.csrf = String(body.csrfToken);
    return res;
  }
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return null;
  }
}
