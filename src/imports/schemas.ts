import { Type, type Static, type TLiteral, type TUnion } from '@sinclair/typebox';
import { IMPORT_SETS } from './set.ts';

const lit = <T extends readonly string[]>(xs: T) => Type.Union(xs.map((x) => Type.Literal(x))) as unknown as TUnion<TLiteral<T[number]>[]>;

export const ImportSetParams = Type.Object({ set: lit(IMPORT_SETS) });
export const ImportQuery = Type.Object({
  /** The file's name; its extension (.csv or .xlsx) must agree with the content type. */
  fileName: Type.Optional(Type.String({ maxLength: 200 })),
});
export const ExportQuery = Type.Object({ format: lit(['csv', 'xlsx'] as const) });

const Problem = Type.Object({ row: Type.Integer(), column: Type.Union([Type.String(), Type.Null()]), message: Type.String() });
export const ImportReport = Type.Object({
  set: lit(IMPORT_SETS),
  format: Type.Union([Type.String(), Type.Null()]),
  encoding: Type.Union([Type.String(), Type.Null()]),
  dryRun: Type.Boolean(),
  imported: Type.Boolean(),
  counts: Type.Object({ rows: Type.Integer(), create: Type.Integer(), match: Type.Integer(), error: Type.Integer() }),
  problems: Type.Array(Problem),
  rows: Type.Array(Type.Object({
    row: Type.Integer(), action: lit(['create', 'match', 'error'] as const), label: Type.String(),
    note: Type.Optional(Type.String()), matchId: Type.Optional(Type.String()), problems: Type.Array(Problem),
  })),
  lines: Type.Array(Type.String()),
  /** Set when the file itself was refused (413: larger than an import takes; 400: not a readable sheet): the HTTP status. */
  fileRefused: Type.Optional(Type.Union([Type.Literal(400), Type.Literal(413)])),
});
export type ImportReport = Static<typeof ImportReport>;
export const ImportColumns = Type.Array(Type.Object({ header: Type.String(), aliases: Type.Array(Type.String()), required: Type.Boolean() }));
