import { Type, type Static } from '@sinclair/typebox';

export const YoungPersonSummary = Type.Object({
  id: Type.String({ format: 'uuid' }),
  firstName: Type.String(),
  lastName: Type.String(),
  birthDate: Type.String({ format: 'date' }),
  counsellorId: Type.Union([Type.String(), Type.Null()]),
});
export type YoungPersonSummary = Static<typeof YoungPersonSummary>;

export const YoungPersonDetail = Type.Composite([
  YoungPersonSummary,
  Type.Object({
    phone: Type.Union([Type.String(), Type.Null()]),
    email: Type.Union([Type.String(), Type.Null()]),
    version: Type.Integer(),
  }),
]);
export type YoungPersonDetail = Static<typeof YoungPersonDetail>;

export const YouthListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
});

export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
