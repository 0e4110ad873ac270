import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { Schema } from './schema-arbitrary.ts';

// ajv-formats is CommonJS; its default export arrives wrapped under ESM.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;

export interface Operation {
  method: string;
  /** OpenAPI path, e.g. /api/youth/{id} */
  path: string;
  pathParams: { name: string; schema: Schema }[];
  query: Schema | null;
  body: Schema | null;
  responses: Record<string, Schema | null>;
}

export interface OpenApiDoc {
  paths: Record<string, Record<string, { parameters?: { in: string; name: string; required?: boolean; schema: Schema }[]; requestBody?: { content?: Record<string, { schema: Schema }> }; responses?: Record<string, { content?: Record<string, { schema: Schema }> }> }>>;
  components?: { schemas?: Record<string, Schema> };
}

export function operations(doc: OpenApiDoc): Operation[] {
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const params = op.parameters ?? [];
      const queryParams = params.filter((p) => p.in === 'query');
      const query: Schema | null = queryParams.length
        ? { type: 'object', properties: Object.fromEntries(queryParams.map((p) => [p.name, p.schema])), required: queryParams.filter((p) => p.required).map((p) => p.name) }
        : null;
      const responses: Record<string, Schema | null> = {};
      for (const [status, r] of Object.entries(op.responses ?? {})) responses[status] = r.content?.['application/json']?.schema ?? null;
      ops.push({
        method: method.toUpperCase(),
        path,
        pathParams: params.filter((p) => p.in === 'path').map((p) => ({ name: p.name, schema: p.schema })),
        query,
        body: op.requestBody?.content?.['application/json']?.schema ?? null,
        responses,
      });
    }
  }
  return ops;
}

/** Resolves '#/components/schemas/X' refs within the document. */
export const resolver = (doc: OpenApiDoc) => (ref: string): Schema => {
  const name = ref.replace('#/components/schemas/', '');
  const s = doc.components?.schemas?.[name];
  if (!s) throw new Error(`unresolved $ref ${ref}`);
  return s;
};

/** Response validators for the document's declared JSON responses (OpenAPI 3.0 dialect: nullable). */
export function responseValidators(doc: OpenApiDoc) {
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  ajv.addSchema({ $id: 'openapi.json', components: doc.components ?? {} });
  const cache = new Map<Schema, ValidateFunction>();
  return (schema: Schema) => {
    let v = cache.get(schema);
    if (!v) {
      v = ajv.compile(rewriteRefs(structuredClone(schema)) as object);
      cache.set(schema, v);
    }
    return v;
  };
}

function rewriteRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewriteRefs);
  if (!node || typeof node !== 'object') return node;
  const o = node as Record<string, unknown>;
  // OpenAPI 3.0's boolean exclusiveMinimum/Maximum → the numeric form Ajv (draft 7) knows.
  for (const [bound, flag] of [['minimum', 'exclusiveMinimum'], ['maximum', 'exclusiveMaximum']] as const) {
    if (o[flag] === true && typeof o[bound] === 'number') {
      o[flag] = o[bound];
      delete o[bound];
    } else if (o[flag] === false) delete o[flag];
  }
  for (const [k, v] of Object.entries(o)) {
    if (k === '$ref' && typeof v === 'string' && v.startsWith('#/components/')) o[k] = `openapi.json${v}`;
    else o[k] = rewriteRefs(v);
  }
  return o;
}

/** Fills an OpenAPI path template: /api/youth/{id} → /api/youth/<value>. */
export const fillPath = (path: string, values: Record<string, string>) =>
  path.replace(/\{(\w+|\*)\}/g, (_m, name: string) => values[name] ?? 'x');
