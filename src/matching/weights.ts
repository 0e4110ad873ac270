// Weights per partnership: defaults from the engine, overridden criterion by
// criterion. Unknown criteria are refused with a Danish message.
import type { Db, Trx } from '../core/db.ts';
import { badRequest } from '../core/errors.ts';
import { DEFAULT_MENTOR_WEIGHTS, DEFAULT_WEIGHTS, type Weights } from './engine/index.ts';
import type { CandidateKind } from './schemas.ts';

type Q = Db | Trx;

export const DEFAULTS: Record<CandidateKind, Weights> = { opening: DEFAULT_WEIGHTS, mentor: DEFAULT_MENTOR_WEIGHTS };

export async function weightsOf(db: Q, partnershipId: string, kind: CandidateKind): Promise<{ weights: Weights; custom: boolean }> {
  const row = await db.selectFrom('match_weights').select('weights').where('partnership_id', '=', partnershipId).where('kind', '=', kind).executeTakeFirst();
  if (!row) return { weights: DEFAULTS[kind], custom: false };
  const stored = (typeof row.weights === 'string' ? JSON.parse(row.weights) : row.weights) as Record<string, number>;
  const merged: Record<string, number> = { ...DEFAULTS[kind] };
  for (const k of Object.keys(merged)) if (typeof stored[k] === 'number') merged[k] = stored[k];
  return { weights: merged, custom: true };
}

export async function saveWeights(trx: Trx, partnershipId: string, userId: string, kind: CandidateKind, weights: Record<string, number> | null) {
  if (weights === null) {
    await trx.deleteFrom('match_weights').where('partnership_id', '=', partnershipId).where('kind', '=', kind).execute();
    return;
  }
  const known = DEFAULTS[kind];
  const unknown = Object.keys(weights).filter((k) => !(k in known));
  if (unknown.length) {
    throw badRequest(`Ukendt kriterium: ${unknown.join(', ')}.`, unknown.map((k) => ({ field: `weights.${k}`, message: 'Kriteriet findes ikke.' })));
  }
  const merged = { ...known, ...weights };
  if (Object.values(merged).every((w) => w === 0)) throw badRequest('Mindst ét kriterium skal have en vægt over 0.');
  const json = JSON.stringify(merged);
  await trx.insertInto('match_weights').values({ partnership_id: partnershipId, kind, weights: json, updated_by: userId })
    .onConflict((oc) => oc.columns(['partnership_id', 'kind']).doUpdateSet({ weights: json, updated_by: userId, updated_at: new Date() }))
    .execute();
}
