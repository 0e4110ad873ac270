import fc from 'fast-check';

/**
 * fast-check arbitraries from the JSON schemas in the OpenAPI document:
 * `valid(schema)` draws values the schema accepts (as far as these keywords
 * go), `invalid(schema)` draws values that break it in typical ways (wrong
 * type, missing or unknown field, out of range, junk).
 */
export type Schema = Record<string, unknown>;
export type Resolve = (ref: string) => Schema;

const FORMAT: Record<string, fc.Arbitrary<string>> = {
  uuid: fc.uuid(),
  date: fc.date({ min: new Date('1990-01-01'), max: new Date('2035-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  'date-time': fc.date({ min: new Date('1990-01-01'), max: new Date('2035-12-31'), noInvalidDate: true }).map((d) => d.toISOString()),
  email: fc.emailAddress(),
  uri: fc.webUrl(),
  time: fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00`),
};

export function valid(schema: Schema, resolve: Resolve, ids: fc.Arbitrary<string>, depth = 0): fc.Arbitrary<unknown> {
  if (typeof schema.$ref === 'string') return valid(resolve(schema.$ref), resolve, ids, depth);
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  const alts = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (alts) return fc.oneof(...alts.map((s) => valid(s, resolve, ids, depth + 1)));
  if (Array.isArray(schema.allOf)) return valid(mergeAll(schema.allOf as Schema[], resolve), resolve, ids, depth);
  const base = validByType(schema, resolve, ids, depth);
  return schema.nullable ? fc.oneof(base, fc.constant(null)) : base;
}

function validByType(schema: Schema, resolve: Resolve, ids: fc.Arbitrary<string>, depth: number): fc.Arbitrary<unknown> {
  const type = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string | undefined];
  const arbs = type.map((t) => {
    switch (t) {
      case 'string':
        return validString(schema, ids);
      case 'integer':
        return fc.integer({ min: num(schema.minimum, -1000), max: num(schema.maximum, 100_000) });
      case 'number':
        return fc.double({ min: num(schema.minimum, -1000), max: num(schema.maximum, 100_000), noNaN: true, noDefaultInfinity: true });
      case 'boolean':
        return fc.boolean();
      case 'null':
        return fc.constant(null);
      case 'array': {
        const items = (schema.items as Schema | undefined) ?? {};
        const minLength = num(schema.minItems, 0);
        return fc.array(depth > 4 ? fc.constant(null) : valid(items, resolve, ids, depth + 1), {
          minLength,
          maxLength: Math.min(num(schema.maxItems, minLength + 3), minLength + 3),
        }).map((a) => (schema.uniqueItems ? [...new Set(a.map((x) => JSON.stringify(x)))].map((x) => JSON.parse(x) as unknown) : a));
      }
      case 'object':
      case undefined:
        if (!schema.properties) return t === 'object' ? fc.constant({}) : fc.constant('x');
        return validObject(schema, resolve, ids, depth);
      default:
        return fc.constant(null);
    }
  });
  return arbs.length === 1 ? arbs[0] : fc.oneof(...arbs);
}

function validString(schema: Schema, ids: fc.Arbitrary<string>): fc.Arbitrary<string> {
  if (schema.format === 'uuid') return ids;
  const f = FORMAT[schema.format as string];
  if (f) return f;
  const minLength = num(schema.minLength, 0);
  const maxLength = Math.min(num(schema.maxLength, minLength + 30), minLength + 60);
  if (typeof schema.pattern === 'string') {
    return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length >= minLength && s.length <= num(schema.maxLength, Infinity));
  }
  return fc.string({ minLength, maxLength, unit: fc.constantFrom(...'abcæøå ABCÆØÅ-019.'.split('')) })
    .filter((s) => s.trim().length >= Math.min(minLength, 1) || minLength === 0);
}

function validObject(schema: Schema, resolve: Resolve, ids: fc.Arbitrary<string>, depth: number) {
  const props = schema.properties as Record<string, Schema>;
  const required = new Set((schema.required as string[] | undefined) ?? []);
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [k, v] of Object.entries(props)) model[k] = depth > 4 ? fc.constant(null) : valid(v, resolve, ids, depth + 1);
  return fc.record(model, { requiredKeys: [...required].filter((k) => k in props) });
}

export function invalid(schema: Schema, resolve: Resolve, ids: fc.Arbitrary<string>): fc.Arbitrary<unknown> {
  const s = typeof schema.$ref === 'string' ? resolve(schema.$ref) : schema;
  const junk = fc.oneof(
    fc.constant(null),
    fc.constant(''),
    fc.constant('x'.repeat(5000)),
    fc.constant('\u0000'),
    fc.constant('navn\u0000'),
    fc.constant(nested(40)),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant([]),
    fc.constant({ __proto__: { admin: true } }),
    fc.jsonValue({ maxDepth: 3 }),
  );
  const props = s.properties as Record<string, Schema> | undefined;
  if (!props) return junk;
  const names = Object.keys(props);
  const required = (s.required as string[] | undefined) ?? [];
  const mutations: fc.Arbitrary<unknown>[] = [
    junk,
    // an unknown field
    valid(s, resolve, ids).map((v) => ({ ...(v as object), ukendtFelt: 'x' })),
  ];
  if (names.length) {
    // one field of the wrong type or out of range
    mutations.push(fc.tuple(valid(s, resolve, ids), fc.constantFrom(...names), junk).map(([v, k, bad]) => ({ ...(v as object), [k]: bad })));
  }
  // a valid value with a NUL byte in every string (issue #22: PostgreSQL refused them with a 500)
  mutations.push(valid(s, resolve, ids).map(withNul));
  if (names.length) {
    // one field nested far deeper than any form (the input guard refuses more than 32 levels)
    mutations.push(fc.tuple(valid(s, resolve, ids), fc.constantFrom(...names)).map(([v, k]) => ({ ...(v as object), [k]: nested(40) })));
  }
  if (required.length) {
    mutations.push(fc.tuple(valid(s, resolve, ids), fc.constantFrom(...required)).map(([v, k]) => {
      const copy = { ...(v as Record<string, unknown>) };
      delete copy[k];
      return copy;
    }));
  }
  return fc.oneof(...mutations);
}

/** Junk for a path parameter: not an id, too long, odd characters. */
export const junkParam = fc.oneof(
  fc.constant('abc'),
  fc.constant('0'),
  fc.constant('-1'),
  fc.constant('x'.repeat(300)),
  fc.constant('%00'),
  fc.constant('..%2F..%2Fetc'),
  fc.constant("1'%20OR%201=1"),
  fc.string({ minLength: 1, maxLength: 40 }).map(encodeURIComponent),
);

/** The same value with a NUL byte appended to every string in it (keys too). */
export function withNul(v: unknown): unknown {
  if (typeof v === 'string') return `${v}\u0000`;
  if (Array.isArray(v)) return v.map(withNul);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, withNul(x)]));
  return v;
}

/** `levels` of objects and arrays inside each other. */
export function nested(levels: number): unknown {
  let v: unknown = 'x';
  for (let i = 0; i < levels; i++) v = i % 2 ? { a: v } : [v];
  return v;
}

/** Raw JSON bodies nested 5,000 levels (built as text: JSON.stringify itself would overflow the stack). */
export const DEEP_JSON_BODIES = [
  `${'['.repeat(5000)}${']'.repeat(5000)}`,
  `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`,
  `{"population":${'{"not":'.repeat(5000)}{"field":"startedAt","op":"exists"}${'}'.repeat(5000)}}`,
];

/** Origin headers that are not a same-site URL: each write with one must be refused with 403 (was 500 for non-URLs). */
export const BAD_ORIGINS = ['not a url', 'http://', '://x', 'javascript:alert(1)', 'http://[::1', 'https://evil.example'];

function mergeAll(list: Schema[], resolve: Resolve): Schema {
  const out: Schema = { type: 'object', properties: {}, required: [] };
  for (const raw of list) {
    const s = typeof raw.$ref === 'string' ? resolve(raw.$ref) : raw;
    Object.assign(out.properties as object, s.properties ?? {});
    (out.required as string[]).push(...((s.required as string[] | undefined) ?? []));
  }
  return out;
}

const num = (v: unknown, dflt: number) => (typeof v === 'number' ? v : dflt);
