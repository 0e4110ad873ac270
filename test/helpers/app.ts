import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { loadConfig, type Config } from '../../src/core/config.ts';
import { buildApp } from '../../src/app.ts';
import type { App } from '../../src/core/app-types.ts';
import type { Database } from '../../src/core/db.ts';
import { SESSION_COOKIE } from '../../src/auth/sessions.ts';
import { createTestDatabase, type TestDatabaseOptions } from './db.ts';
import { startSmtpReceiver, TEST_PUBLIC_URL, type SmtpReceiver } from '../../src/reminders/test-receivers.ts';

export interface TestApp {
  app: App;
  database: Database;
  db: Database['db'];
  config: Config;
  /** Logs in and returns a client that keeps the session cookie and CSRF token. */
  login(email: string, password?: string): Promise<TestClient>;
  anonymous(): TestClient;
  close(): Promise<void>;
}

export const TEST_PASSWORD = 'Rigtig-god-kode-42';

export async function createTestApp(overrides: Partial<Config> = {}, dbOptions: TestDatabaseOptions = {}): Promise<TestApp> {
  const database = await createTestDatabase(dbOptions);
  const config = { ...loadConfig({ LOG_LEVEL: 'silent' }), ...overrides };
  const app = await buildApp({ config, database, db: database.db }, { logger: false });
  await app.ready();
  return testAppHandle(app, database, config, () => database.close());
}

export interface TestAppWithMail extends TestApp { smtp: SmtpReceiver }

/** A test app that sends its mail to a real local SMTP receiver, with links on TEST_PUBLIC_URL. */
export async function createTestAppWithMail(overrides: Partial<Config> = {}): Promise<TestAppWithMail> {
  const smtp = await startSmtpReceiver();
  const t = await createTestApp({ SMTP_URL: smtp.url, PUBLIC_URL: TEST_PUBLIC_URL, ...overrides });
  return { ...t, smtp, close: async () => { await t.close(); await smtp.close(); } };
}

/** The handle every test app gets: login/anonymous clients and a close that also closes the database. */
export function testAppHandle(app: App, database: Database, config: Config, closeDatabase: () => Promise<void>): TestApp {
  return {
    app,
    database,
    db: database.db,
    config,
    anonymous: () => new TestClient(app),
    async login(email, password = TEST_PASSWORD) {
      const client = new TestClient(app);
      const res = await client.post('/api/auth/login', { email, password });
      if (res.statusCode !== 200) throw new Error(`login ${email} failed: ${res.statusCode} ${res.body}`);
      return client;
    },
    async close() {
      await app.close();
      await closeDatabase();
    },
  };
}

/** A browser-like client over app.inject: keeps the session cookie and sends the CSRF token. */
export class TestClient {
  cookie: string | null = null;
  csrf: string | null = null;
  constructor(readonly app: App) {}

  async request(opts: InjectOptions): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { ...(opts.headers as Record<string, string>) };
    if (this.cookie) headers.cookie = `${SESSION_COOKIE}=${this.cookie}`;
    if (this.csrf && opts.method !== 'GET') headers['x-csrf-token'] ??= this.csrf;
    const res = await this.app.inject({ ...opts, headers });
    const set = res.cookies.find((c) => c.name === SESSION_COOKIE);
    if (set) this.cookie = set.value || null;
    const body = res.headers['content-type']?.toString().includes('json') ? safeJson(res.body) : null;
    if (body && typeof body === 'object' && 'csrfToken' in body) this.csrf = String(body.csrfToken);
    return res;
  }
  get(url: string, headers?: Record<string, string>) {
    return this.request({ method: 'GET', url, headers });
  }
  post(url: string, payload?: unknown, headers?: Record<string, string>) {
    return this.request({ method: 'POST', url, payload: payload as InjectOptions['payload'], headers });
  }
  put(url: string, payload?: unknown, headers?: Record<string, string>) {
    return this.request({ method: 'PUT', url, payload: payload as InjectOptions['payload'], headers });
  }
  patch(url: string, payload?: unknown, headers?: Record<string, string>) {
    return this.request({ method: 'PATCH', url, payload: payload as InjectOptions['payload'], headers });
  }
  delete(url: string, headers?: Record<string, string>) {
    return this.request({ method: 'DELETE', url, headers });
  }
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return null;
  }
}
