import { registerRecipientProvider } from '../consent/recipients.ts';

/**
 * A young person's mentors can be given access to items on "Hvem må se hvad".
 * The recipient id is the mentor's login (users.id): that is who reads through
 * the presenter (src/mentors/mentorship-routes.ts). A mentor without a login
 * cannot see anything in Fodfæste, so is not offered. Active = a mentorship
 * that is not ended; an ended one still shows so an old grant can be revoked.
 */
const label = (name: string) => `Din mentor ${name}`;

registerRecipientProvider({
  kind: 'mentor',
  async list(db, youngPersonId) {
    const rows = await db.selectFrom('mentorships as ms').innerJoin('mentors as m', 'm.id', 'ms.mentor_id')
      .select(['m.user_id', 'm.name', 'ms.status'])
      .where('ms.young_person_id', '=', youngPersonId).where('m.user_id', 'is not', null)
      .orderBy('ms.started_on', 'desc').execute();
    const byUser = new Map<string, { name: string; active: boolean }>();
    for (const r of rows) {
      const prev = byUser.get(r.user_id!);
      byUser.set(r.user_id!, { name: prev?.name ?? r.name, active: (prev?.active ?? false) || r.status === 'active' });
    }
    return [...byUser.entries()].map(([id, m]) => ({
      kind: 'mentor' as const, id, label: label(m.name), purpose: 'mentoring', items: [], active: m.active,
    }));
  },
  async describe(db, recipientId) {
    const m = await db.selectFrom('mentors').select('name').where('user_id', '=', recipientId).executeTakeFirst();
    return m ? { label: label(m.name), purpose: 'mentoring', items: [] } : undefined;
  },
});
