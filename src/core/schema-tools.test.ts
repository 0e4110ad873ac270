import { describe, expect, it } from 'vitest';
import Fastify, { type RouteOptions } from 'fastify';
import { Type } from '@sinclair/typebox';
import { nullableResponseSchemas } from './schema-tools.ts';

const Nullable = <T extends ReturnType<typeof Type.String> | ReturnType<typeof Type.Integer>>(t: T) => Type.Union([t, Type.Null()]);
const Row = Type.Object({
  day: Nullable(Type.String({ format: 'date' })),
  count: Nullable(Type.Integer()),
  tags: Type.Array(Type.Object({ label: Nullable(Type.String()) })),
  either: Type.Union([Type.String(), Type.Integer()]),
});

describe('response schemas', () => {
  it('serialize anyOf [x, null] as `nullable` x, also nested in arrays, and leave other unions alone', () => {
    const route = { schema: { response: { 200: Row } } } as unknown as RouteOptions;
    nullableResponseSchemas(route);
    const out = (route.schema as { response: Record<number, { properties: Record<string, Record<string, unknown>> }> }).response[200];
    expect(out.properties.day).toMatchObject({ type: 'string', format: 'date', nullable: true });
    expect(out.properties.day.anyOf).toBeUndefined();
    expect(out.properties.count).toMatchObject({ type: 'integer', nullable: true });
    expect((out.properties.tags.items as { properties: Record<string, unknown> }).properties.label).toMatchObject({ type: 'string', nullable: true });
    expect(out.properties.either.anyOf).toHaveLength(2);
    // The shared schema object is not changed for other routes.
    expect(Row.properties.day.anyOf).toHaveLength(2);
  });

  it('a null stays null and 0, "" and a date stay what they are in the response', async () => {
    const app = Fastify();
    app.addHook('onRoute', nullableResponseSchemas);
    app.get('/r', { schema: { response: { 200: Type.Array(Row) } } }, async () => [
      { day: null, count: null, tags: [{ label: null }], either: 'x' },
      { day: '2026-12-03', count: 0, tags: [{ label: '' }], either: 7 },
    ]);
    const res = await app.inject('/r');
    expect(res.json()).toEqual([
      { day: null, count: null, tags: [{ label: null }], either: 'x' },
      { day: '2026-12-03', count: 0, tags: [{ label: '' }], either: 7 },
    ]);
    await app.close();
  });
});
