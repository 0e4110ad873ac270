// One rule for every request, before schema validation: no NUL character in any
// string (PostgreSQL text cannot hold one: it gave 500 "invalid byte sequence for
// encoding UTF8"), and no structure nested deeper than MAX_INPUT_DEPTH (a report
// goal nested 5,000 levels overflowed the validator's stack). Both answer 400.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { badRequest } from './errors.ts';

/** Deeper than any form of ours (report goals stop at 8 levels); far below any stack limit. */
export const MAX_INPUT_DEPTH = 32;

export type InputProblem = { kind: 'nul' | 'depth'; field: string };

const fieldName = (path: (string | number)[]) => path.length ? path.join('.') : 'værdi';

/**
 * Walks a parsed value without recursion (so a hostile depth cannot overflow the
 * stack here either) and returns the first NUL or over-deep place, or null.
 */
export function findInputProblem(value: unknown, maxDepth = MAX_INPUT_DEPTH): InputProblem | null {
  const stack: [unknown, (string | number)[]][] = [[value, []]];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return { kind: 'nul', field: fieldName(path) };
      continue;
    }
    if (!v || typeof v !== 'object' || Buffer.isBuffer(v) || ArrayBuffer.isView(v)) continue;
    if (path.length >= maxDepth) return { kind: 'depth', field: fieldName(path) };
    if (Array.isArray(v)) v.forEach((x, i) => stack.push([x, [...path, i]]));
    else {
      for (const [k, x] of Object.entries(v)) {
        if (k.includes('\u0000')) return { kind: 'nul', field: fieldName(path) };
        stack.push([x, [...path, k]]);
      }
    }
  }
  return null;
}

/** The depth of nested arrays/objects in a value, counted without recursion and stopping past `limit`. */
export function depthOf(value: unknown, limit: number): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (!v || typeof v !== 'object') continue;
    max = Math.max(max, d + 1);
    if (max > limit) return max;
    for (const x of Array.isArray(v) ? v : Object.values(v)) stack.push([x, d + 1]);
  }
  return max;
}

export function problemError(p: InputProblem, where: string) {
  const field = where === 'body' ? p.field : `${where}.${p.field}`;
  const message = p.kind === 'nul'
    ? `Feltet «${field}» indeholder et NUL-tegn (\\u0000), som ikke er tilladt.`
    : `Feltet «${field}» er indlejret for dybt (højst ${MAX_INPUT_DEPTH} niveauer).`;
  return badRequest(message, [{ field, message }]);
}

/** Checks body, query, route parameters and headers of one request; throws 400. */
export function guardInput(req: FastifyRequest) {
  const parts: [string, unknown][] = [['body', req.body], ['query', req.query], ['params', req.params], ['header', req.headers]];
  for (const [where, value] of parts) {
    const p = findInputProblem(value);
    if (p) throw problemError(p, where);
  }
}

/** Runs the guard on every route before its schema is checked (preValidation). */
export function registerInputGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (req) => guardInput(req));
}
