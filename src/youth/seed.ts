import type { SeedContext } from '../demo/context.ts';

const FIRST = ['Sofie', 'Mikkel', 'Emma', 'Oliver', 'Ida', 'Lucas', 'Freja', 'Noah', 'Clara', 'Victor', 'Asta', 'Magnus', 'Alma', 'Frederik', 'Ella', 'Mads', 'Josefine', 'Oscar', 'Laura', 'Emil', 'Anna', 'William', 'Karla', 'Malthe', 'Nanna', 'Rasmus', 'Mathilde', 'Jonas', 'Sara', 'Tobias'];
const LAST = ['Møller', 'Sørensen', 'Jørgensen', 'Åberg', 'Nielsen', 'Kristensen', 'Østergaard', 'Thomsen', 'Lauridsen', 'Bæk', 'Madsen', 'Ærenlund', 'Poulsen', 'Aagaard', 'Krogh'];

/** About 30 fictional young people; the first is the demo young person's own record. */
export async function seedYouth(ctx: SeedContext) {
  const ids: string[] = [];
  for (let i = 0; i < 30; i++) {
    const age = 16 + Math.floor(ctx.random() * 12);
    const birth = new Date(ctx.today.getFullYear() - age, Math.floor(ctx.random() * 12), 1 + Math.floor(ctx.random() * 28));
    const row = await ctx.trx
      .insertInto('young_people')
      .values({
        partnership_id: ctx.partnershipId,
        user_id: i === 0 ? ctx.users.young_person : null,
        counsellor_id: ctx.users.counsellor,
        first_name: FIRST[i % FIRST.length],
        last_name: i === 0 ? 'Møller' : LAST[Math.floor(ctx.random() * LAST.length)],
        birth_date: birth.toISOString().slice(0, 10),
        phone: `2${String(10000000 + Math.floor(ctx.random() * 9999999)).slice(1)}`,
        email: `${FIRST[i % FIRST.length].toLowerCase()}${i}@eksempel.invalid`,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(row.id);
  }
  // A young person in the other partnership, so tenancy shows in the demo and in tests.
  await ctx.trx
    .insertInto('young_people')
    .values({ partnership_id: ctx.otherPartnershipId, first_name: 'Ukendt', last_name: 'Andensen', birth_date: '2005-05-05' })
    .execute();
  ctx.refs.youth = ids;
}
