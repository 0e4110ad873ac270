import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { limitOf, maxLengths } from './schema-tools.ts';
import { IntakeBody, JournalBody, PlanBody, ScreeningBody } from '../youth/schemas.ts';

describe('maxLengths: the server\'s text limits, read from the TypeBox schema', () => {
  it('finds limits through Optional, nullable unions, composites, arrays and nested objects', () => {
    const schema = Type.Composite([
      Type.Object({ a: Type.Optional(Type.Union([Type.String({ maxLength: 20 }), Type.Null()])), n: Type.Integer() }),
      Type.Object({ list: Type.Array(Type.Object({ title: Type.String({ maxLength: 300 }), tags: Type.Array(Type.String({ maxLength: 60 })) })) }),
    ]);
    expect(maxLengths(schema)).toEqual({ a: 20, 'list.title': 300, 'list.tags': 60 });
    expect(limitOf(maxLengths(schema), 'a')).toEqual({ maxLength: 20 });
    expect(limitOf(maxLengths(schema), 'n')).toEqual({});
  });

  it('gives the young person\'s forms the limits the server enforces', () => {
    expect(maxLengths(JournalBody).body).toBe(10000);
    expect(maxLengths(ScreeningBody)).toMatchObject({ barrierNote: 2000, healthNote: 2000, wishes: 2000, strengths: 60 });
    expect(maxLengths(PlanBody)).toMatchObject({ summary: 2000, 'goals.title': 300, 'goals.subGoals.title': 300, 'agreements.what': 500 });
    expect(maxLengths(IntakeBody)).toMatchObject({ firstName: expect.any(Number), address: 200, preferredContactTimes: 200 });
  });
});
