import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { CATALOG_STATUSES } from './parse/types.ts';

const Enum = <T extends readonly string[]>(values: T) => Type.Union(values.map((v) => Type.Literal(v))) as unknown as TSchema & { static: T[number] };
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
export const AGE_BAND_VALUES = ['under_15', '15_17', '18_24', '25_29', '30_plus', 'none'] as const;

export const CatalogQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200 })),
  owner: Type.Optional(Type.String({ maxLength: 200 })),
  municipality: Type.Optional(Type.String({ maxLength: 200 })),
  ageBand: Type.Optional(Enum(AGE_BAND_VALUES)),
  tag: Type.Optional(Type.String({ maxLength: 100 })),
  status: Type.Optional(Enum(CATALOG_STATUSES)),
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  offset: Type.Integer({ minimum: 0, maximum: 100000, default: 0 }),
});
export type CatalogQuery = Static<typeof CatalogQuery>;

const FacetValue = Type.Object({ value: Type.String(), count: Type.Integer() });
export const CatalogFacets = Type.Object({
  owner: Type.Array(FacetValue), municipality: Type.Array(FacetValue), ageBand: Type.Array(FacetValue),
  tag: Type.Array(FacetValue), status: Type.Array(FacetValue),
});

export const InitiativeSummary = Type.Object({
  key: Type.String(),
  title: Type.String(),
  owner: Type.String(),
  municipality: Nullable(Type.String()),
  ageMin: Nullable(Type.Integer()),
  ageMax: Nullable(Type.Integer()),
  tags: Type.Array(Type.String()),
  status: Enum(CATALOG_STATUSES),
  periodText: Nullable(Type.String()),
  /** The start of the purpose (or the description): a few sentences for the list. */
  excerpt: Type.String(),
});
export type InitiativeSummary = Static<typeof InitiativeSummary>;

export const CatalogSearchResult = Type.Object({
  total: Type.Integer(),
  items: Type.Array(InitiativeSummary),
  facets: CatalogFacets,
  tookMs: Type.Number(),
});
export type CatalogSearchResult = Static<typeof CatalogSearchResult>;

export const KeyParams = Type.Object({ key: Type.String({ pattern: '^[a-z0-9-]+/[a-z0-9-]+$', maxLength: 300 }) });

const Contact = Type.Object({
  name: Type.String(), role: Type.Optional(Type.String()), phone: Type.Optional(Type.String()), email: Type.Optional(Type.String()),
});
/** A count, or null when it is under 5 (shown as "under 5" so no young person can be recognised). */
const SuppressedCount = Nullable(Type.Integer());
export const InitiativeOutcomes = Type.Object({
  linked: SuppressedCount,
  inProgress: SuppressedCount,
  ended: Type.Array(Type.Object({ outcome: Type.String(), count: SuppressedCount })),
});
export type InitiativeOutcomes = Static<typeof InitiativeOutcomes>;

export const InitiativeView = Type.Object({
  key: Type.String(),
  title: Type.String(),
  owner: Type.String(),
  municipality: Nullable(Type.String()),
  description: Type.Object({
    background: Nullable(Type.String()), purpose: Nullable(Type.String()), targetGroup: Nullable(Type.String()),
    actors: Nullable(Type.String()), economy: Nullable(Type.String()), effect: Nullable(Type.String()), general: Nullable(Type.String()),
  }),
  ageMin: Nullable(Type.Integer()),
  ageMax: Nullable(Type.Integer()),
  tags: Type.Array(Type.String()),
  contacts: Type.Array(Contact),
  periodText: Nullable(Type.String()),
  periodStart: Nullable(Type.String()),
  periodEnd: Nullable(Type.String()),
  status: Enum(CATALOG_STATUSES),
  source: Type.String(),
  importedAt: Type.String(),
  updatedAt: Type.String(),
  outcomes: InitiativeOutcomes,
});
export type InitiativeView = Static<typeof InitiativeView>;

export const ImportResult = Type.Object({
  format: Type.String(),
  total: Type.Integer(),
  added: Type.Integer(),
  changed: Type.Integer(),
  unchanged: Type.Integer(),
  changedKeys: Type.Array(Type.String()),
  problems: Type.Array(Type.Object({ place: Type.String(), at: Type.Integer(), severity: Type.String(), message: Type.String() })),
  refused: Nullable(Type.String()),
  report: Type.Array(Type.String()),
});

export const ExportQuery = Type.Object({ format: Enum(['csv', 'xlsx'] as const) });
export const ImportQuery = Type.Object({ fileName: Type.Optional(Type.String({ maxLength: 200 })) });

export const YouthParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
export const LinkParams = Type.Object({ id: Type.String({ format: 'uuid' }), '*': Type.String({ maxLength: 300 }) });
export const LinkBody = Type.Object({ initiativeKey: Type.String({ pattern: '^[a-z0-9-]+/[a-z0-9-]+$', maxLength: 300 }) });

export const CatalogSuggestion = Type.Object({
  initiative: InitiativeSummary,
  score: Type.Number(),
  reasons: Type.Array(Type.String()),
  linked: Type.Boolean(),
});
export const CatalogSuggestions = Type.Object({
  items: Type.Array(CatalogSuggestion),
  /** Why needs were or were not used, in plain Danish. */
  needsNote: Type.String(),
  linked: Type.Array(InitiativeSummary),
});
export type CatalogSuggestions = Static<typeof CatalogSuggestions>;
