// The server's text limits for the young person's forms, read from the request
// schemas (never written twice): spread `limit.<form>(field)` on an input or textarea.
import { limitOf, maxLengths } from '../../../../src/core/schema-tools.ts';
import { IntakeBody, JournalBody, PathwayBody, PlanBody, ScreeningBody, UpdateBody } from '../../../../src/youth/schemas.ts';

const of = (limits: Record<string, number>) => (field: string) => limitOf(limits, field);

export const limit = {
  intake: of(maxLengths(IntakeBody)),
  details: of(maxLengths(UpdateBody)),
  screening: of(maxLengths(ScreeningBody)),
  plan: of(maxLengths(PlanBody)),
  pathway: of(maxLengths(PathwayBody)),
  journal: of(maxLengths(JournalBody)),
  /** Strengths and interests are typed as one comma-separated line: room for every tag the server takes, with ", " between. */
  screeningTags: (field: 'strengths' | 'interests') => ({
    maxLength: (ScreeningBody.properties[field].maxItems ?? 1) * (maxLengths(ScreeningBody)[field] + 2),
  }),
};
