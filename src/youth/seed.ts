import type { SeedContext } from '../demo/context.ts';
import { recordConsent } from '../consent/ledger.ts';
import type { Stage } from './domain.ts';

const FIRST = ['Sofie', 'Mikkel', 'Emma', 'Oliver', 'Ida', 'Lucas', 'Freja', 'Noah', 'Clara', 'Victor', 'Asta', 'Magnus', 'Alma', 'Frederik', 'Ella', 'Mads', 'Josefine', 'Oscar', 'Laura', 'Emil', 'Anna', 'William', 'Karla', 'Malthe', 'Nanna', 'Rasmus', 'Mathilde', 'Jonas', 'Sara', 'Tobias'];
const LAST = ['Møller', 'Sørensen', 'Jørgensen', 'Åberg', 'Nielsen', 'Kristensen', 'Østergaard', 'Thomsen', 'Lauridsen', 'Bæk', 'Madsen', 'Ærenlund', 'Poulsen', 'Aagaard', 'Krogh'];

/** Aulum Milen's first year: 30 young people, most now in placements, paid hours or jobs. */
const PLAN: { stage: Stage; outcome?: [string, string | null] }[] = [
  { stage: 'in_placement' }, // Sofie, the demo young person
  ...Array.from({ length: 2 }, () => ({ stage: 'referred' as const })),
  ...Array.from({ length: 3 }, () => ({ stage: 'screening' as const })),
  ...Array.from({ length: 5 }, () => ({ stage: 'clarification' as const })),
  ...Array.from({ length: 8 }, () => ({ stage: 'in_placement' as const })),
  ...Array.from({ length: 3 }, () => ({ stage: 'in_education' as const })),
  ...Array.from({ length: 4 }, () => ({ stage: 'employed' as const })),
  { stage: 'ended', outcome: ['ordinary_employment', null] },
  { stage: 'ended', outcome: ['ordinary_employment', null] },
  { stage: 'ended', outcome: ['education', 'EUD'] },
  { stage: 'ended', outcome: ['moved', null] },
];
const ROUTE: Stage[] = ['referred', 'screening', 'clarification', 'in_placement'];
const SOURCES = ['municipality', 'municipality', 'municipality', 'school', 'parent', 'self', 'other'];
const BARRIER_SETS = [['self_esteem', 'isolation_bullying'], ['schooling'], ['diagnosis', 'self_esteem'], ['upbringing', 'schooling'], ['not_assessed'], ['cognitive'], ['substance_abuse'], ['crime', 'schooling'], []];
const STRENGTHS = ['Grundig', 'Mødestabil', 'God med hænderne', 'Hjælpsom', 'Rolig', 'Kreativ', 'God til tal', 'Stærk fysisk'];
const INTERESTS = ['Dyr', 'Lager', 'Biler', 'Gaming', 'Fitness', 'Madlavning', 'Tømrerarbejde', 'Butik', 'Landbrug', 'IT'];
const WISHES = ['Lager og logistik', 'Dyrepasser', 'Mekaniker', 'Køkkenhjælp', 'Tømrer', 'Butik', 'Landbrug', 'Pædagogmedhjælper'];
const NOTES: [string, string, 'ordinary' | 'special'][] = [
  ['meeting', 'Første samtale i Ungdomshuset. Vil gerne noget praktisk. Aftalt at vi mødes igen om en uge.', 'ordinary'],
  ['phone', 'Ringede for at høre om praktikstart. Glad for at skulle prøve lageret.', 'ordinary'],
  ['note', 'Har været til fitness med UngeMilen to gange. Godt fremmøde.', 'ordinary'],
  ['meeting', 'Opfølgning med virksomhedens mentor. Mødestabiliteten er god; vil gerne op på tre dage.', 'ordinary'],
  ['concern', 'Udeblev to dage i træk. Fortæller om søvnproblemer og angst; aftalt kontakt til egen læge.', 'special'],
  ['phone', 'Mor ringede: bussen kører ikke tidligt nok. Vi kigger på cykel.', 'ordinary'],
];

const dayOffset = (today: Date, days: number) => {
  const d = new Date(today.getFullYear(), today.getMonth(), today.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

export async function seedYouth(ctx: SeedContext) {
  const { trx, random, today, users } = ctx;
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const ids: string[] = [];
  await trx.updateTable('users').set({ phone: '+45 96 28 00 00' }).where('id', '=', users.counsellor).execute();
  for (let i = 0; i < PLAN.length; i++) {
    const { stage, outcome } = PLAN[i];
    const age = i === 0 ? 19 : 17 + Math.floor(random() * 9);
    const birth = new Date(today.getFullYear() - age, Math.floor(random() * 12), 1 + Math.floor(random() * 28));
    if (birth > new Date(today.getFullYear() - age, today.getMonth(), today.getDate())) birth.setFullYear(birth.getFullYear() - 1);
    const first = FIRST[i % FIRST.length];
    const startedDaysAgo = i === 0 ? 120 : 20 + Math.floor(random() * 330);
    const followUp = stage === 'ended' ? null : dayOffset(today, i % 5 === 0 ? -2 : i % 4 === 0 ? 0 : 1 + Math.floor(random() * 20));
    const row = await trx
      .insertInto('young_people')
      .values({
        partnership_id: ctx.partnershipId,
        user_id: i === 0 ? users.young_person : null,
        counsellor_id: users.counsellor,
        first_name: first,
        last_name: i === 0 ? 'Møller' : pick(LAST),
        birth_date: birth.toISOString().slice(0, 10),
        phone: `2${String(10000000 + Math.floor(random() * 9999999)).slice(1)}`,
        email: i === 0 ? 'ung@demo.fodfaeste.dk' : `${first.toLowerCase()}${i}@eksempel.invalid`,
        referral_source: i === 0 ? 'municipality' : pick(SOURCES),
        address: `${pick(['Hovedgaden', 'Søndergade', 'Vestergade', 'Skolevej'])} ${1 + Math.floor(random() * 60)}`,
        postal_code: pick(['7490', '7400', '7480']),
        guardian_name: age < 18 ? 'Forælder (demo)' : null,
        guardian_phone: age < 18 ? '30303030' : null,
        preferred_contact_times: pick(['Efter kl. 12', 'Formiddag', 'Sms først', null]),
        stage,
        outcome: outcome?.[0] ?? null,
        outcome_education: outcome?.[1] ?? null,
        outcome_date: outcome ? dayOffset(today, -Math.floor(random() * 60)) : null,
        next_follow_up: followUp,
        next_appointment_at: i === 0 ? new Date(today.getFullYear(), today.getMonth(), today.getDate() + 2, 10, 0) : null,
        next_appointment_place: i === 0 ? 'Ungdomshuset, Aulum' : null,
        last_contact_at: new Date(today.getTime() - (i % 6 === 0 ? 40 : Math.floor(random() * 14)) * 86_400_000),
        created_at: new Date(today.getTime() - startedDaysAgo * 86_400_000),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(row.id);
    await history(ctx, row.id, stage, outcome, startedDaysAgo, age, i);
  }
  // A young person in the other partnership, so tenancy shows in the demo and in tests.
  await trx
    .insertInto('young_people')
    .values({ partnership_id: ctx.otherPartnershipId, first_name: 'Ukendt', last_name: 'Andensen', birth_date: '2005-05-05' })
    .execute();
  await demoConsents(ctx, ids[0]);
  ctx.refs.youth = ids;
}

/** Pathway events, screenings, a plan and journal entries that fit the stage reached. */
async function history(ctx: SeedContext, id: string, stage: Stage, outcome: [string, string | null] | undefined, startedDaysAgo: number, age: number, i: number) {
  const { trx, random, today, users } = ctx;
  const at = (daysAgo: number) => new Date(today.getTime() - Math.max(daysAgo, 0) * 86_400_000);
  const path: Stage[] = stage === 'ended' ? [...ROUTE, 'employed'] : stage === 'in_education' || stage === 'employed' ? [...ROUTE, stage] : ROUTE.slice(0, ROUTE.indexOf(stage) + 1);
  if (stage === 'ended' && outcome?.[0] === 'moved') path.splice(3);
  const step = Math.max(Math.floor(startedDaysAgo / (path.length + 1)), 1);
  await trx.insertInto('pathway_events').values({ young_person_id: id, kind: 'intake', to_stage: 'referred', changed_by: users.counsellor, changed_at: at(startedDaysAgo) }).execute();
  for (let s = 1; s < path.length; s++) {
    await trx.insertInto('pathway_events').values({ young_person_id: id, kind: 'stage', from_stage: path[s - 1], to_stage: path[s], changed_by: users.counsellor, changed_at: at(startedDaysAgo - s * step) }).execute();
  }
  if (stage === 'ended' && outcome) {
    await trx.insertInto('pathway_events').values({
      young_person_id: id, kind: 'end', from_stage: path.at(-1)!, to_stage: 'ended', outcome: outcome[0], outcome_education: outcome[1],
      outcome_date: dayOffset(today, -step), changed_by: users.counsellor, changed_at: at(step),
    }).execute();
  }
  if (stage === 'referred') return;
  const barriers = i === 0 ? ['self_esteem', 'diagnosis'] : BARRIER_SETS[Math.floor(random() * BARRIER_SETS.length)];
  const versions = stage === 'screening' ? 1 : 2;
  for (let v = 1; v <= versions; v++) {
    const early = v === 1;
    await trx.insertInto('screenings').values({
      young_person_id: id, version: v,
      barriers: early ? barriers : barriers.filter((b) => b !== 'not_assessed' && b !== 'self_esteem'),
      barrier_note: early ? 'Har haft svært ved at komme ud af døren.' : 'Møder nu stabilt op.',
      health_note: barriers.includes('diagnosis') ? 'Angst. Har det bedst med en rolig start og en gåtur først.' : null,
      strengths: [STRENGTHS[i % STRENGTHS.length], STRENGTHS[(i + 3) % STRENGTHS.length]],
      interests: i === 0 ? ['Dyr', 'Lager'] : [INTERESTS[i % INTERESTS.length], INTERESTS[(i + 4) % INTERESTS.length]],
      wishes: i === 0 ? 'Lager eller arbejde med dyr' : WISHES[i % WISHES.length],
      days_per_week: early ? 2 : 3, hours_per_day: early ? 4 : 6, earliest_start: dayOffset(today, -startedDaysAgo + 30),
      transport: i % 3 === 0 ? ['bike', 'bus'] : i % 3 === 1 ? ['bus'] : ['driving_licence'], max_travel_minutes: 30 + (i % 3) * 15,
      readiness: age < 18 ? (early ? 'not_ready' : 'ready') : early ? 'activity_ready' : i % 2 ? 'ready' : 'activity_ready',
      // The practical questions for matching are asked once the young person is known (not at the first talk).
      can_do_early_mornings: v === versions && versions > 1 ? i % 4 !== 1 : null,
      can_lift: v === versions && versions > 1 ? i % 5 !== 2 : null,
      after_hours_mentor: v === versions && versions > 1 ? (barriers.includes('diagnosis') ? 'wanted' : 'not_needed') : null,
      created_by: users.counsellor, created_at: at(startedDaysAgo - step * v),
    }).execute();
  }
  if (stage !== 'screening') {
    await trx.insertInto('plans').values({
      young_person_id: id, version: 1, contact_person_id: users.counsellor,
      summary: i === 0 ? 'Du vil gerne arbejde på et lager eller med dyr. Vi starter med praktik to dage om ugen.' : 'Du vil gerne i job. Vi tager et skridt ad gangen.',
      goals: JSON.stringify([
        { title: 'Møde op hver gang i praktikken', dueDate: dayOffset(today, 30), status: 'in_progress', subGoals: [{ title: 'Cykle turen en søndag og se, hvor lang tid det tager', dueDate: dayOffset(today, -20), status: 'done' }] },
        { title: 'Finde ud af, om lager er det rigtige', dueDate: dayOffset(today, 60), status: 'not_started', subGoals: [] },
      ]),
      agreements: JSON.stringify([
        { who: 'Mette (vejleder)', what: 'Ringer til virksomheden om praktikstart', byWhen: dayOffset(today, 5), meetingDate: dayOffset(today, -10) },
        { who: i === 0 ? 'Sofie' : 'Den unge', what: 'Køber buskort', byWhen: dayOffset(today, 7), meetingDate: dayOffset(today, -10) },
      ]),
      created_by: users.counsellor, created_at: at(startedDaysAgo - step * 2),
    }).execute();
  }
  const count = 2 + (i % 4);
  for (let n = 0; n < count; n++) {
    const [kind, body, sensitivity] = NOTES[(i + n) % NOTES.length];
    await trx.insertInto('journal_entries').values({
      entry_id: crypto.randomUUID(), version: 1, young_person_id: id, kind, occurred_on: dayOffset(today, -startedDaysAgo + n * step),
      sensitivity, body, author_id: users.counsellor, created_at: at(startedDaysAgo - n * step),
    }).execute();
  }
}

/** Sofie shares a little with the network and has told her mentor about her anxiety. */
async function demoConsents(ctx: SeedContext, youngPersonId: string) {
  const base = { partnershipId: ctx.partnershipId, youngPersonId, changedBy: ctx.users.young_person };
  const network = { kind: 'network' as const, id: ctx.partnershipId };
  for (const item of ['screening.strengths', 'screening.wishes']) {
    await recordConsent(ctx.trx, { ...base, recipient: network, item, granted: true, purpose: 'matching' });
  }
  const mentor = { kind: 'mentor' as const, id: ctx.users.volunteer_mentor };
  for (const item of ['schedule', 'contact.phone', 'health.note']) {
    await recordConsent(ctx.trx, { ...base, recipient: mentor, item, granted: true, purpose: 'mentoring' });
  }
}
