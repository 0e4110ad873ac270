import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'kysely';
import { Validator } from '@seriousme/openapi-schema-validator';
import type { Role } from '../../src/core/policy.ts';
import { routeTable } from '../../src/security/route-table.ts';
import type { TestClient } from '../helpers/app.ts';
import { makeUser } from '../helpers/factories.ts';
import { createSecurityTestApp, type SecurityTestApp } from './helpers.ts';
import { fillPath, operations, resolver, responseValidators, type OpenApiDoc, type Operation } from './openapi.ts';
import { BAD_ORIGINS, DEEP_JSON_BODIES, invalid, junkParam, valid } from './schema-arbitrary.ts';

/**
 * Schema-driven fuzzing: every operation in /api/openapi.json is called with
 * values drawn from its own schemas (valid and broken bodies, path params and
 * queries) as an administrator and as a counsellor of the demo partnership.
 * No answer may be a 5xx, every JSON answer with a declared schema must match
 * it, and every refusal must have the { error: { code, message } } shape.
 * Fixed seed and a total budget so it stays well under a minute in CI.
 */
const SEED = 20261125;
const TOTAL_REQUESTS = Number(process.env.FUZZ_BUDGET ?? 1000);
// Routes that end the fuzzer's own session are left out (their refusals are covered in routes.test.ts).
const SKIP = [/\/logout$/];

let t: SecurityTestApp;
let doc: OpenApiDoc;
const clients = {} as Record<'admin' | 'counsellor', TestClient>;
let ids: string[] = [];

beforeAll(async () => {
  t = await createSecurityTestApp({ config: { RATE_LIMIT_IP_PER_MINUTE: 0, RATE_LIMIT_USER_PER_MINUTE: 0 }, database: { demo: true } });
  const main = await t.db.selectFrom('partnerships').select('id').where('slug', '=', 'aulum-milen-demo').executeTakeFirstOrThrow();
  const own: string[] = [];
  for (const role of ['admin', 'counsellor'] as Role[]) {
    const u = await makeUser(t.db, main.id, role);
    own.push(u.id);
    clients[role as 'admin' | 'counsellor'] = await t.login(u.email);
  }
  ids = (await realIds()).filter((id) => !own.includes(id));
  doc = (await t.anonymous().get('/api/openapi.json')).json() as OpenApiDoc;
}, 180_000);
afterAll(() => t?.close());

/** Real record ids from every table, so valid requests reach real records too. */
async function realIds(): Promise<string[]> {
  const { rows: tables } = await sql<{ table_name: string }>`
    SELECT c.table_name FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
    WHERE c.table_schema = 'public' AND c.column_name = 'id' AND c.data_type = 'uuid'`.execute(t.db);
  const out: string[] = [];
  for (const { table_name } of tables) {
    const { rows } = await sql<{ id: string }>`SELECT id FROM ${sql.table(table_name)} ORDER BY id LIMIT 5`.execute(t.db);
    out.push(...rows.map((r) => r.id));
  }
  return out;
}

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3 and describes every /api route', async () => {
    const result = await new Validator().validate(doc as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    const documented = new Set(operations(doc).map((o) => `${o.method} ${o.path}`));
    const missing = routeTable(t.app)
      .filter((r) => r.url.startsWith('/api/') && r.url !== '/api/openapi.json')
      .map((r) => `${r.method} ${r.url.replace(/:(\w+)/g, '{$1}').replace(/\*$/, '{*}')}`)
      .filter((k) => !documented.has(k));
    expect(missing).toEqual([]);
  });
});

interface Drawn {
  params: Record<string, string>;
  query: Record<string, unknown> | null;
  body: unknown;
  rawBody?: string;
  /** An Origin header that is not this site's (invalid requests only). */
  origin?: string;
}

function requestArb(op: Operation, kind: 'valid' | 'invalid'): fc.Arbitrary<Drawn> {
  const resolve = resolver(doc);
  const idArb = ids.length ? fc.oneof(fc.constantFrom(...ids), fc.uuid()) : fc.uuid();
  const paramArbs: Record<string, fc.Arbitrary<string>> = {};
  for (const p of op.pathParams) {
    const good = valid(p.schema, resolve, idArb).map((v) => encodeURIComponent(String(v)));
    paramArbs[p.name] = kind === 'valid' ? good : fc.oneof(good, junkParam);
  }
  const query = op.query ? (kind === 'valid' ? valid(op.query, resolve, idArb) : fc.oneof(valid(op.query, resolve, idArb), invalid(op.query, resolve, idArb))) : fc.constant(null);
  const body = op.body ? (kind === 'valid' ? valid(op.body, resolve, idArb) : invalid(op.body, resolve, idArb)) : fc.constant(undefined);
  const raw = kind === 'invalid' && op.body ? fc.option(fc.constantFrom('{"ikke json', '[]', 'null', '{"a":', '"tekst"', ...DEEP_JSON_BODIES), { freq: 4 }) : fc.constant(null);
  const origin = kind === 'invalid' ? fc.option(fc.constantFrom(...BAD_ORIGINS), { freq: 4 }) : fc.constant(null);
  return fc.record({ params: fc.record(paramArbs), query, body, raw, origin }).map((d) => ({
    params: d.params, query: d.query as Record<string, unknown> | null, body: d.body, rawBody: d.raw ?? undefined, origin: d.origin ?? undefined,
  }));
}

function queryString(q: Record<string, unknown> | null) {
  if (!q || typeof q !== 'object' || Array.isArray(q)) return '';
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) {
    if (v === undefined) continue;
    for (const item of Array.isArray(v) ? v : [v]) sp.append(k, typeof item === 'object' ? JSON.stringify(item) : String(item));
  }
  const s = sp.toString();
  return s ? `?${s}` : '';
}

describe('schema-driven fuzzing of every operation', () => {
  it(`no 5xx and every answer matches its declared schema (seed ${SEED})`, async () => {
    const ops = operations(doc).filter((o) => !SKIP.some((re) => re.test(o.path)));
    const validate = responseValidators(doc);
    const numRuns = Math.max(2, Math.floor(TOTAL_REQUESTS / (ops.length * 4)));
    const failures: string[] = [];
    let requests = 0;
    const statuses = new Map<number, number>();
    const started = Date.now();
    for (const op of ops) {
      for (const role of ['admin', 'counsellor'] as const) {
        for (const kind of ['valid', 'invalid'] as const) {
          await fc.assert(
            fc.asyncProperty(requestArb(op, kind), async (d) => {
              const url = fillPath(op.path, d.params) + queryString(d.query);
              const hasBody = !['GET', 'DELETE'].includes(op.method);
              const origin = d.origin ? { origin: d.origin } : {};
              const res = await clients[role].request({
                method: op.method as 'POST',
                url,
                ...(hasBody ? (d.rawBody !== undefined ? { payload: d.rawBody, headers: { 'content-type': 'application/json', ...origin } } : { payload: (d.body ?? {}) as object, headers: origin }) : { headers: origin }),
              });
              requests++;
              statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
              const where = `${role} ${kind} ${op.method} ${url} → ${res.statusCode}`;
              // A deliberate 503 (a dependency such as the mail server is not set up) is a refusal, not a crash.
              const deliberate = res.statusCode === 503 && /"code":"(?!internal)/.test(res.body);
              if (res.statusCode >= 500 && !deliberate) failures.push(`${where}: ${res.body.slice(0, 300)} body=${JSON.stringify(d.body)?.slice(0, 300)}`);
              // A write from a foreign or unreadable Origin is refused before anything else.
              if (d.origin && op.method !== 'GET' && res.statusCode !== 403) failures.push(`${where}: Origin ${JSON.stringify(d.origin)} was not refused`);
              if (!String(res.headers['content-type'] ?? '').includes('json') || !res.body) return;
              const json = res.json() as unknown;
              const schema = op.responses[String(res.statusCode)];
              if (schema) {
                const v = validate(schema);
                if (!v(json)) failures.push(`${where}: answer does not match its schema: ${JSON.stringify(v.errors?.slice(0, 3))}`);
              }
              if (res.statusCode >= 400) {
                const e = (json as { error?: { code?: unknown; message?: unknown } }).error;
                if (typeof e?.code !== 'string' || typeof e?.message !== 'string' || !e.message) failures.push(`${where}: refusal without { error: { code, message } }`);
              }
            }),
            { seed: SEED, numRuns, endOnFailure: true },
          );
        }
      }
    }
    console.log(`fuzz: ${ops.length} operations, ${requests} requests in ${((Date.now() - started) / 1000).toFixed(1)} s, statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
    expect([...new Set(failures)].slice(0, 30)).toEqual([]);
    expect(requests).toBeGreaterThanOrEqual(ops.length * 4 * 2);
  }, 240_000);
});
