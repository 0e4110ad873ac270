import type { SeedContext } from '../demo/context.ts';
import { loadCatalogFixture } from './fixtures/alter.ts';
import { parseCatalog } from './parse/parse.ts';
import { applyEntries } from './import.ts';

/**
 * The real regional catalog (54 initiatives from Region Midtjylland). It is
 * shared by all partnerships, so it is loaded only when no catalog exists yet.
 * Some demo young people are linked to one initiative, so its page shows
 * aggregated outcomes.
 */
export async function seedCatalog(ctx: SeedContext) {
  const { trx } = ctx;
  const existing = await trx.selectFrom('initiatives').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  if (Number(existing.n) === 0) {
    const { entries } = parseCatalog(loadCatalogFixture(), { today: ctx.today });
    await applyEntries(trx, entries, { fileName: 'indsatskatalog-midtjylland.md', format: 'text', via: 'demo' });
    ctx.progress(`catalog: ${entries.length} initiatives`);
  }
  const target = await trx.selectFrom('initiatives').select('id').where('owner', '=', 'Herning Kommune').orderBy('key').executeTakeFirst();
  const youth = (ctx.refs.youth ?? []).slice(0, 7);
  if (!target || youth.length === 0) return;
  await trx.insertInto('initiative_links')
    .values(youth.map((id) => ({ partnership_id: ctx.partnershipId, young_person_id: id, initiative_id: target.id, linked_by: ctx.users.counsellor })))
    .onConflict((oc) => oc.doNothing()).execute();
}
