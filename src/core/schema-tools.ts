import type { TSchema } from '@sinclair/typebox';
import type { RouteOptions } from 'fastify';

/**
 * Makes every object in a route's request schemas refuse unknown fields
 * (additionalProperties: false) unless the schema says otherwise, so a typo in
 * a client or an attacker's extra field gives 400 instead of being ignored.
 */
export function closeRequestSchemas(route: RouteOptions) {
  const schema = route.schema as Record<string, unknown> | undefined;
  if (!schema) return;
  for (const part of ['body', 'querystring', 'params'] as const) {
    if (schema[part]) schema[part] = close(structuredClone(schema[part]));
  }
}

/**
 * Response schemas get the same `nullable` in place of anyOf [x, null]: the
 * serializer (fast-json-stringify) picks an anyOf branch by running a validator
 * on every value, which was a large part of a caseload list's serialization time.
 */
export function nullableResponseSchemas(route: RouteOptions) {
  const response = (route.schema as { response?: Record<string, unknown> } | undefined)?.response;
  if (!response) return;
  for (const status of Object.keys(response)) response[status] = nullableDeep(structuredClone(response[status]));
}

function nullableDeep(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(nullableDeep);
  if (!node || typeof node !== 'object') return node;
  const obj = node as Record<string, unknown>;
  for (const [k, v] of Object.entries(obj)) if (typeof v === 'object') obj[k] = nullableDeep(v);
  return nullableInPlaceOfAnyOf(obj);
}

function close(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(close);
  if (!node || typeof node !== 'object') return node;
  const obj = node as Record<string, unknown>;
  for (const [k, v] of Object.entries(obj)) {
    if (k === 'properties' && v && typeof v === 'object') {
      for (const [name, sub] of Object.entries(v)) (v as Record<string, unknown>)[name] = close(sub);
    } else if (typeof v === 'object') obj[k] = close(v);
  }
  if (obj.type === 'object' && obj.properties && obj.additionalProperties === undefined) obj.additionalProperties = false;
  return nullableInPlaceOfAnyOf(obj);
}

const PRIMITIVE = new Set(['string', 'number', 'integer', 'boolean']);

/**
 * Rewrites anyOf [x, null] for a primitive x into { ...x, nullable: true }. Ajv
 * coerces types (query strings need that), and inside anyOf it tries x first, so a
 * null sent to clear a number or yes/no would be stored as 0 or false (a string
 * as ""). With `nullable` a null stays null and every other value is checked as x.
 */
function nullableInPlaceOfAnyOf(obj: Record<string, unknown>) {
  const branches = obj.anyOf;
  if (!Array.isArray(branches) || branches.length !== 2) return obj;
  const isNull = (b: Record<string, unknown>) => b.type === 'null' && Object.keys(b).length === 1;
  const [a, b] = branches as Record<string, unknown>[];
  const value = isNull(a) ? b : isNull(b) ? a : null;
  if (!value || typeof value.type !== 'string' || !PRIMITIVE.has(value.type)) return obj;
  const { anyOf: _, ...rest } = obj;
  return { ...rest, ...value, nullable: true };
}

/**
 * The longest text the server takes in each field of a request schema, found in the
 * TypeBox schema itself, so a form can set the same `maxLength` in the browser and
 * nobody types 24,000 characters before hearing the limit (#21). Nested fields are
 * named with dots through objects and arrays: `goals.subGoals.title`.
 */
export function maxLengths(schema: TSchema): Record<string, number> {
  const out: Record<string, number> = {};
  walk(schema, '', out);
  return out;
}

function walk(s: TSchema, path: string, out: Record<string, number>) {
  if (typeof s.maxLength === 'number' && path) out[path] = Math.min(out[path] ?? Infinity, s.maxLength);
  for (const member of (s.anyOf ?? s.oneOf ?? s.allOf ?? []) as TSchema[]) walk(member, path, out);
  if (s.items && !Array.isArray(s.items)) walk(s.items as TSchema, path, out);
  if (s.properties) {
    for (const [key, child] of Object.entries(s.properties as Record<string, TSchema>)) walk(child, path ? `${path}.${key}` : key, out);
  }
}

/** `{ maxLength }` for one field, to spread on an input or textarea; nothing when the schema sets no limit. */
export function limitOf(limits: Record<string, number>, field: string): { maxLength?: number } {
  return limits[field] === undefined ? {} : { maxLength: limits[field] };
}
