import { registerRecipientProvider } from '../consent/recipients.ts';

/**
 * The network itself (the partnership) is one party a young person may share
 * with: an anonymous profile for finding a match. Companies, mentors and
 * associations are registered by their own features.
 */
// Shared with the network for matching: the needs (barriers) are used to find a company or
// initiative with experience in them only when the young person switches them on here.
const NETWORK_ITEMS = [
  'identity.age', 'screening.strengths', 'screening.wishes', 'screening.practical',
  'barrier.schooling', 'barrier.upbringing', 'barrier.self_esteem', 'barrier.isolation_bullying',
  'barrier.diagnosis', 'barrier.cognitive', 'barrier.substance_abuse', 'barrier.crime',
];

registerRecipientProvider({
  kind: 'network',
  async list(db, youngPersonId) {
    const row = await db
      .selectFrom('young_people as y')
      .innerJoin('partnerships as p', 'p.id', 'y.partnership_id')
      .select(['p.id', 'p.name'])
      .where('y.id', '=', youngPersonId)
      .executeTakeFirst();
    return row ? [{ kind: 'network', id: row.id, label: `Netværket ${row.name}`, purpose: 'matching', items: NETWORK_ITEMS, active: true }] : [];
  },
  async describe(db, id) {
    const p = await db.selectFrom('partnerships').select('name').where('id', '=', id).executeTakeFirst();
    if (p) return { label: `Netværket ${p.name}`, purpose: 'matching', items: NETWORK_ITEMS };
    // A success story is shared with the network under the story's own id (src/companies/stories.ts).
    const story = await db.selectFrom('success_stories').select('title').where('id', '=', id).executeTakeFirst();
    return story ? { label: `Netværket: historien "${story.title}"`, purpose: 'success_story', items: ['success_story'] } : undefined;
  },
});
