import { registerRecipientProvider } from '../consent/recipients.ts';

/**
 * Companies a young person has (or had) a placement with can be given access to
 * items on "Hvem må se hvad". Active = a placement that is not ended.
 */
registerRecipientProvider({
  kind: 'company',
  async list(db, youngPersonId) {
    const rows = await db.selectFrom('placements as p').innerJoin('companies as c', 'c.id', 'p.company_id')
      .select(['c.id', 'c.name', 'p.status']).where('p.young_person_id', '=', youngPersonId).execute();
    const byCompany = new Map<string, { name: string; active: boolean }>();
    for (const r of rows) {
      const prev = byCompany.get(r.id);
      byCompany.set(r.id, { name: r.name, active: (prev?.active ?? false) || r.status !== 'ended' });
    }
    return [...byCompany.entries()].map(([id, c]) => ({
      kind: 'company' as const, id, label: `Virksomheden ${c.name}`, purpose: 'placement', items: [], active: c.active,
    }));
  },
  async describe(db, recipientId) {
    const c = await db.selectFrom('companies').select('name').where('id', '=', recipientId).executeTakeFirst();
    return c ? { label: `Virksomheden ${c.name}`, purpose: 'placement', items: [] } : undefined;
  },
});

// Success stories use recipient {kind 'network', id: the story's id} (see stories.ts). The 'network'
// provider belongs to src/youth/recipients.ts; its describe() names the story, so a grant shows on
// "Hvem må se hvad" as that story (only the item success_story) and can be withdrawn there too.
