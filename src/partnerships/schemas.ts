import { Type, type Static } from '@sinclair/typebox';

const Time = Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' });

/** The hours the lifeline's rota should cover (local time, Europe/Copenhagen). */
export const CoverageHours = Type.Object({
  weekdayEveningStart: Time,
  weekdayEveningEnd: Time,
  weekendStart: Time,
  weekendEnd: Time,
});
export type CoverageHours = Static<typeof CoverageHours>;

const Fields = {
  name: Type.String({ minLength: 2, maxLength: 200 }),
  /** Lower-case letters, digits and dashes: the partnership's short name in the CLI (--partnership SLUG). */
  slug: Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', minLength: 2, maxLength: 60 }),
  /** Official three-digit municipality codes (src/partnerships/municipalities.ts). */
  municipalities: Type.Array(Type.String({ pattern: '^\\d{3}$' }), { minItems: 1, maxItems: 98, uniqueItems: true }),
  ageFrom: Type.Integer({ minimum: 10, maximum: 40 }),
  ageTo: Type.Integer({ minimum: 10, maximum: 40 }),
  coverage: CoverageHours,
  suppressionThreshold: Type.Integer({ minimum: 3, maximum: 20 }),
};

export const CreatePartnershipBody = Type.Object({
  ...Fields,
  ageFrom: Type.Optional(Fields.ageFrom),
  ageTo: Type.Optional(Fields.ageTo),
  coverage: Type.Optional(CoverageHours),
  suppressionThreshold: Type.Optional(Fields.suppressionThreshold),
  /** Goal definitions as on the goals page (src/reports/goals.ts), checked by validateGoals. */
  goals: Type.Optional(Type.Array(Type.Unknown(), { maxItems: 50 })),
});
export type CreatePartnershipBody = Static<typeof CreatePartnershipBody>;

/** "Indstillinger for partnerskabet": everything but the goals, which have their own page (/reports/goals). */
export const PartnershipSettingsBody = Type.Object(Fields);
export type PartnershipSettingsBody = Static<typeof PartnershipSettingsBody>;

export const PartnershipSettings = Type.Object({
  id: Type.String(),
  ...Fields,
  /** Empty for a partnership made before municipalities were recorded by code: the form asks for them. */
  municipalities: Type.Array(Type.String({ pattern: '^\\d{3}$' }), { maxItems: 98 }),
  goalCount: Type.Integer(),
});
export type PartnershipSettings = Static<typeof PartnershipSettings>;

export const PartnershipSummary = Type.Object({
  id: Type.String(), name: Type.String(), slug: Type.String(), municipalities: Type.Array(Type.String()), createdAt: Type.String(),
});
export const PartnershipList = Type.Object({ partnerships: Type.Array(PartnershipSummary) });
export type PartnershipList = Static<typeof PartnershipList>;

export const CreatePartnershipResponse = Type.Object({ partnership: PartnershipSummary });
export type CreatePartnershipResponse = Static<typeof CreatePartnershipResponse>;

export const CHECKLIST_STEPS = ['counsellor', 'companies', 'lifeline', 'activities', 'goals', 'catalog'] as const;
export type ChecklistStep = (typeof CHECKLIST_STEPS)[number];

/** The setup checklist on a new partnership's administrator start page; each step is computed from data. */
export const SetupChecklist = Type.Object({
  steps: Type.Array(Type.Object({
    key: Type.Union(CHECKLIST_STEPS.map((s) => Type.Literal(s))),
    done: Type.Boolean(),
    /** Where the step is done in the app. */
    href: Type.String(),
  })),
  complete: Type.Boolean(),
});
export type SetupChecklist = Static<typeof SetupChecklist>;

export const InstallationMe = Type.Object({ installationAdmin: Type.Boolean() });
export type InstallationMe = Static<typeof InstallationMe>;
