/**
 * TypeBox writes JSON Schema 2019 keywords; the API document is OpenAPI 3.0,
 * whose schema dialect differs in a few places. This rewrites those so the
 * document stays valid OpenAPI 3 whatever schemas features declare
 * (checked by test/security/fuzz.test.ts):
 * - numeric exclusiveMinimum/exclusiveMaximum → minimum/maximum + boolean flag
 * - `const` → a one-value `enum`
 */
export function toOpenApi30<T>(doc: T): T {
  walk(doc);
  return doc;
}

function walk(node: unknown, isPropertyMap = false): void {
  if (Array.isArray(node)) {
    node.forEach((n) => walk(n));
    return;
  }
  if (!node || typeof node !== 'object') return;
  const o = node as Record<string, unknown>;
  if (isPropertyMap) {
    // Keys here are field names ("const", "minimum" …), not keywords.
    for (const v of Object.values(o)) walk(v);
    return;
  }
  for (const [bound, flag] of [['minimum', 'exclusiveMinimum'], ['maximum', 'exclusiveMaximum']] as const) {
    if (typeof o[flag] === 'number') {
      o[bound] = o[flag];
      o[flag] = true;
    }
  }
  if ('const' in o && !('enum' in o)) {
    o.enum = [o.const];
    delete o.const;
  }
  for (const [k, v] of Object.entries(o)) walk(v, k === 'properties' || k === 'patternProperties');
}
