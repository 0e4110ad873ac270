import { mkdtempSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { pgliteExtensions } from '../../src/core/db.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../src/demo/accounts.ts';

export interface Target {
  kind: 'pglite' | 'postgres';
  env: Record<string, string | undefined>;
  /** Runs SQL against the database while no server holds it (PGlite is single-process). */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

/** A fresh database for one fault run: a new PGlite folder, or a new database on the server in DATABASE_URL. */
export async function freshTarget(kind: 'pglite' | 'postgres'): Promise<Target> {
  if (kind === 'pglite') {
    const dir = mkdtempSync(path.resolve('.tmp', 'fault-'));
    return {
      kind,
      env: { DATA_DIR: dir, DATABASE_URL: undefined },
      async query(text, params) {
        const lite = await PGlite.create(dir, { extensions: pgliteExtensions });
        try {
          return (await lite.query(text, params)).rows as never;
        } finally {
          await lite.close();
        }
      },
      async drop() {},
    };
  }
  const base = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `fodfaeste_fault_${Date.now()}`;
  await admin(base, `CREATE DATABASE ${name}`);
  const u = new URL(base);
  u.pathname = `/${name}`;
  const url = u.toString();
  return {
    kind,
    env: { DATABASE_URL: url },
    async query(text, params) {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        return (await c.query(text, params as unknown[])).rows;
      } finally {
        await c.end();
      }
    },
    drop: () => admin(base, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function admin(url: string, text: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

export async function loginCounsellor(base: string) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: DEMO_ACCOUNTS[0].email, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie: res.headers.get('set-cookie')!.split(';')[0], csrf: csrfToken };
}

export function check(ok: boolean, message: string) {
  console.log(`${ok ? 'PASS' : 'FAIL'}  ${message}`);
  if (!ok) process.exitCode = 1;
}
