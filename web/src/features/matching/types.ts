import type { Static } from '@sinclair/typebox';
import type { BatchResponse, DecisionView, SuggestionsResponse } from '../../../../src/matching/schemas.ts';

export type Suggestions = Static<typeof SuggestionsResponse>;
export type Suggestion = Suggestions['suggestions'][number];
export type Batch = Static<typeof BatchResponse>;
export type Proposal = Batch['proposals'][number];
export type Decision = Static<typeof DecisionView>;
export type Kind = 'openings' | 'mentors';
export type SuggestKind = Kind | 'initiatives';
