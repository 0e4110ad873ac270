import type { SeedContext } from '../demo/context.ts';
import { recordConsent } from '../consent/ledger.ts';
import { STORY_ITEM } from './stories.ts';
import { addDays, isoWeekday, mondayOf, todayInDenmark } from '../placements/dates.ts';
import type { PlacementKind } from './schemas.ts';

type Membership = 'fixed_partner' | 'steering_group' | 'network_member' | 'occasional';
type Kind = 'training' | 'hiring' | 'both';
interface CompanySpec { name: string; industry: string; membership: Membership; kind: Kind; size: string; city: string; postal: string; tags: string[]; opening: [string, string, PlacementKind[]]; note?: string }

const PARTNER_NOTE = 'Fast partner i Aulum Milen. Tager gerne de første, svære skridt.';

/**
 * Aulum Milen's eight fixed partners as fictional look-alikes (see
 * ../shared/seeds/aulum-milen-folder.txt): five local companies (a production
 * company, a kitchen maker, a builder, a packaging producer and a worktop maker),
 * the local associations, the business council and the municipal youth guidance.
 * Then the wider circle. The first ten get ladders (active), 10–11 had a young
 * person long ago only (passive): about a third active, as in PÅ VEJ (10 of 30).
 */
const COMPANIES: CompanySpec[] = [
  { name: 'Bøgh & Søn Metal', industry: 'Metal og maskiner', membership: 'fixed_partner', kind: 'both', size: '50-249', city: 'Aulum', postal: '7490', tags: ['anxiety', 'adhd', 'no_danish'], note: PARTNER_NOTE, opening: ['Værksted og pakning', 'Slibe, montere og pakke emner til forsendelse', ['trial', 'work_placement', 'wage_subsidy', 'paid_hours', 'apprenticeship']] },
  { name: 'Aulum Køkkenfabrik', industry: 'Køkkener', membership: 'fixed_partner', kind: 'training', size: '50-249', city: 'Aulum', postal: '7490', tags: ['autism', 'anxiety'], note: PARTNER_NOTE, opening: ['Lager og pakning', 'Plukke beslag, pakke køkkenlåger og fylde hylder op', ['trial', 'work_placement', 'paid_hours', 'leisure_job']] },
  { name: 'Hodsager Træ', industry: 'Bordplader og træ', membership: 'fixed_partner', kind: 'both', size: '50-249', city: 'Hodsager', postal: '7490', tags: ['adhd', 'substance_history'], note: PARTNER_NOTE, opening: ['Bordplader og snedkeri', 'Slibe, olie og pakke bordplader', ['trial', 'work_placement', 'wage_subsidy', 'apprenticeship']] },
  { name: 'Midtvest Byg & Montage', industry: 'Byggeri', membership: 'fixed_partner', kind: 'hiring', size: '10-49', city: 'Aulum', postal: '7490', tags: ['anxiety', 'no_danish'], note: PARTNER_NOTE, opening: ['Hjælper på byggepladsen', 'Bære materialer, rydde op, hjælpe montøren', ['trial', 'work_placement', 'paid_hours', 'apprenticeship', 'ordinary_job']] },
  { name: 'Grønkassen Emballage', industry: 'Emballage', membership: 'fixed_partner', kind: 'both', size: '10-49', city: 'Aulum', postal: '7490', tags: ['adhd', 'autism'], note: PARTNER_NOTE, opening: ['Produktion og pakning', 'Folde kasser, passe pakkemaskinen, gøre klar til afhentning', ['trial', 'work_placement', 'leisure_job', 'ordinary_job']] },
  { name: 'Aulum-Hodsager Erhvervsudvikling', industry: 'Erhvervsråd', membership: 'fixed_partner', kind: 'hiring', size: '1-9', city: 'Aulum', postal: '7490', tags: [], note: 'Fast partner: det lokale erhvervsråd. Åbner døre til virksomhederne.', opening: ['Kontorhjælp', 'Kopiere, pakke materialer til arrangementer', ['trial', 'leisure_job']] },
  { name: 'Haderup Kro', industry: 'Hotel og restaurant', membership: 'steering_group', kind: 'both', size: '10-49', city: 'Haderup', postal: '7540', tags: ['no_danish'], opening: ['Køkkenhjælp', 'Opvask, grøntsager, klargøring', ['trial', 'work_placement', 'paid_hours', 'leisure_job']] },
  { name: 'Herning Plast', industry: 'Industri', membership: 'network_member', kind: 'hiring', size: '250+', city: 'Herning', postal: '7400', tags: ['autism'], opening: ['Maskinpasser', 'Passe sprøjtestøbemaskiner, kontrollere emner', ['work_placement', 'wage_subsidy', 'ordinary_job']] },
  { name: 'Grøn Have Anlæg', industry: 'Anlægsgartner', membership: 'network_member', kind: 'training', size: '1-9', city: 'Aulum', postal: '7490', tags: ['anxiety', 'substance_history'], opening: ['Haver og grønne områder', 'Luge, slå græs, plante', ['trial', 'work_placement', 'wage_subsidy']] },
  { name: 'Ørnhøj Landbrug', industry: 'Landbrug', membership: 'network_member', kind: 'both', size: '1-9', city: 'Ørnhøj', postal: '6973', tags: ['adhd'], opening: ['Staldarbejde', 'Fodre, muge ud, passe kalve', ['trial', 'work_placement', 'paid_hours']] },
  { name: 'Tvis Tømrer & Snedker', industry: 'Byggeri', membership: 'network_member', kind: 'both', size: '10-49', city: 'Tvis', postal: '7500', tags: [], opening: ['Tømrerhjælper', 'Bære materialer, rydde byggeplads, hjælpe svenden', ['trial', 'work_placement', 'apprenticeship']] },
  { name: 'Aulum Tekstil', industry: 'Tekstil', membership: 'network_member', kind: 'training', size: '10-49', city: 'Aulum', postal: '7490', tags: ['anxiety'], opening: ['Lager og tekstil', 'Folde, pakke og mærke varer', ['trial', 'work_placement']] },
  { name: 'Sunds Bageri', industry: 'Fødevarer', membership: 'occasional', kind: 'hiring', size: '1-9', city: 'Sunds', postal: '7451', tags: [], opening: ['Bagerimedhjælper', 'Ekspedition og opvask, tidligt om morgenen', ['trial', 'leisure_job', 'paid_hours']] },
  { name: 'Foreningerne i Aulum', industry: 'Foreningsliv', membership: 'fixed_partner', kind: 'training', size: '1-9', city: 'Aulum', postal: '7490', tags: ['anxiety', 'autism'], note: 'Fast partner: idræts- og fritidsforeningerne. Fællesskab uden for arbejdet.', opening: ['Hjælper i hallen', 'Stille op til kampe, passe kiosken, rydde op', ['trial', 'leisure_job']] },
  { name: 'Ungevejledningen (kommunen)', industry: 'Kommune', membership: 'fixed_partner', kind: 'training', size: '10-49', city: 'Herning', postal: '7400', tags: ['anxiety', 'autism', 'adhd', 'cognitive'], note: 'Fast partner: kommunens ungevejledning koordinerer forløbene.', opening: ['Caféhjælper i UngeMilen', 'Handle ind, lave kaffe og mad til ungdomsnetværkets møder', ['trial', 'leisure_job']] },
  { name: 'Milen Dagligvarer', industry: 'Detailhandel', membership: 'steering_group', kind: 'hiring', size: '10-49', city: 'Aulum', postal: '7490', tags: ['anxiety', 'no_danish'], opening: ['Fylde varer op i butikken', 'Fylde varer op, tage imod varer, rydde op', ['trial', 'leisure_job', 'paid_hours', 'ordinary_job']] },
  { name: 'Vildbjerg Rengøring', industry: 'Service', membership: 'network_member', kind: 'both', size: '50-249', city: 'Vildbjerg', postal: '7480', tags: ['no_danish'], opening: ['Rengøringsassistent', 'Rengøring af kontorer efter lukketid', ['work_placement', 'paid_hours', 'ordinary_job']] },
  { name: 'Midtjysk Genbrug', industry: 'Genbrug', membership: 'network_member', kind: 'training', size: '10-49', city: 'Herning', postal: '7400', tags: ['substance_history', 'autism'], opening: ['Sortering', 'Sortere og prissætte genbrugsvarer', ['trial', 'work_placement']] },
];
const MORE = ['Aulum El-service', 'Herning VVS', 'Hammerum Malerfirma', 'Karup Transport', 'Gullestrup Cykler', 'Ikast Emballage', 'Feldborg Maskinstation', 'Skinderholm Camping', 'Rind Dyreklinik', 'Vind Smedie', 'Birk IT-værksted', 'Vestjysk Autoservice'];
const MORE_INDUSTRY = ['El', 'VVS', 'Maler', 'Transport', 'Detailhandel', 'Industri', 'Landbrug', 'Turisme', 'Dyr', 'Metal', 'IT', 'Auto'];

export async function seedCompanies(ctx: SeedContext) {
  const { trx, random, partnershipId: pid } = ctx;
  const today = todayInDenmark(ctx.today);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const specs: CompanySpec[] = [...COMPANIES, ...MORE.map((name, i): CompanySpec => ({
    name, industry: MORE_INDUSTRY[i], membership: i % 4 === 0 ? 'occasional' : 'network_member', kind: pick(['training', 'hiring', 'both'] as const),
    size: pick(['1-9', '10-49', '50-249']), city: 'Herning', postal: '7400', tags: [], opening: ['Medhjælper', 'Forefaldende arbejde i virksomheden', ['trial', 'work_placement', 'leisure_job']],
  }))];
  const companies: { id: string; openingId: string; mentorId: string; name: string }[] = [];
  for (const [i, s] of specs.entries()) {
    const c = await trx.insertInto('companies').values({
      partnership_id: pid, name: s.name, cvr: cvrFor(i), address: `${pick(['Industrivej', 'Hovedgaden', 'Stationsvej', 'Fabriksvej'])} ${1 + i}`,
      postal_code: s.postal, city: s.city, industry: s.industry, size: s.size, membership: s.membership, kind: s.kind, experience_tags: s.tags,
      notes: s.note ?? null,
    }).returning('id').executeTakeFirstOrThrow();
    const mentorName = i === 0 ? 'Lone Bøgh' : `${pick(['Karsten', 'Bente', 'Henrik', 'Pia', 'Ole', 'Lis'])} ${pick(['Holm', 'Dahl', 'Kjær', 'Vinther', 'Bak'])}`;
    const mentor = await trx.insertInto('company_contacts').values({
      partnership_id: pid, company_id: c.id, name: mentorName, title: 'Virksomhedsmentor', phone: `9${String(7000000 + i * 1731).padStart(7, '0')}`,
    }).returning('id').executeTakeFirstOrThrow();
    if (i === 0) {
      await trx.insertInto('company_contacts').values({
        partnership_id: pid, company_id: c.id, user_id: ctx.users.company_contact, name: 'Jens Bøgh', title: 'Direktør', phone: '97 47 12 00', email: 'virksomhed@demo.fodfaeste.dk',
      }).execute();
    }
    const [title, tasks, kinds] = s.opening;
    const o = await trx.insertInto('openings').values({
      partnership_id: pid, company_id: c.id, title, tasks, placement_kinds: kinds, start_days_per_week: 1, start_hours_per_day: '4',
      max_hours_per_week: i < 5 ? '37' : '20', growth: 'Start 1 dag om ugen, op i tempo efter aftale', capacity: i < 5 ? 4 : 2,
      requirements: i === 12 ? ['early_mornings'] : i === 10 ? ['lifting', 'driving_licence'] : [], mentor_contact_id: mentor.id,
      mentor_after_hours: i % 3 === 0, postal_code: s.postal, location: s.city,
    }).returning('id').executeTakeFirstOrThrow();
    companies.push({ id: c.id, openingId: o.id, mentorId: mentor.id, name: s.name });
  }
  ctx.refs.companies = companies.map((c) => c.id);
  await seedLadders(ctx, companies, today);
  await seedEvents(ctx, companies.map((c) => c.id), today);
}

/** Valid CVR numbers (modulus 11), fictional. */
function cvrFor(i: number): string {
  const weights = [2, 7, 6, 5, 4, 3, 2, 1];
  for (let n = 31_000_000 + i * 97_331; ; n++) {
    const s = String(n);
    if ([...s].reduce((sum, d, k) => sum + Number(d) * weights[k], 0) % 11 === 0) return s;
  }
}

interface Step { kind: PlacementKind; weeks: number; end: 'hired' | 'education' | 'ended_as_planned' | 'breakdown' | null; cause?: 'match' | 'expectations' | 'health' }

/** Ladders by the young person's stage (from the youth seed), so pathway and placements agree. */
function ladderFor(stage: string, i: number): Step[] {
  const trial: Step = { kind: 'trial', weeks: 1, end: 'ended_as_planned' };
  switch (stage) {
    case 'in_placement':
      return i % 3 === 0
        ? [trial, { kind: 'work_placement', weeks: 6, end: 'breakdown', cause: i % 2 ? 'expectations' : 'match' }, { ...trial }, { kind: 'work_placement', weeks: 10, end: null }]
        : [trial, { kind: 'work_placement', weeks: 12, end: i % 2 ? null : 'ended_as_planned' }, ...(i % 2 ? [] : [{ kind: 'wage_subsidy' as const, weeks: 8, end: null }])];
    case 'employed':
      return [trial, { kind: 'work_placement', weeks: 10, end: 'ended_as_planned' }, { kind: 'paid_hours', weeks: 12, end: 'hired' }, { kind: 'ordinary_job', weeks: 20, end: null }];
    case 'in_education':
      return [trial, { kind: 'work_placement', weeks: 14, end: 'education' }];
    case 'ended':
      return i % 2 ? [trial, { kind: 'work_placement', weeks: 8, end: 'hired' }] : [trial, { kind: 'work_placement', weeks: 6, end: 'ended_as_planned' }];
    default:
      return [];
  }
}

async function seedLadders(ctx: SeedContext, companies: { id: string; openingId: string; mentorId: string; name: string }[], today: string) {
  const { trx, random } = ctx;
  const youth = ctx.refs.youth ?? [];
  if (youth.length === 0) return;
  const rows = await trx.selectFrom('young_people').select(['id', 'stage', 'first_name']).where('id', 'in', youth).execute();
  const stageOf = new Map(rows.map((r) => [r.id, r.stage]));
  const held = new Map<string, number>();
  // About a third of the network is active: ladders use the first ten companies; two more only long ago.
  const activePool = companies.slice(0, 10);
  let storyPlacement: { id: string; youngPersonId: string; companyId: string } | null = null;
  const bogh: string[] = [];
  for (const [i, ypId] of youth.entries()) {
    const steps = ladderFor(stageOf.get(ypId) ?? '', i);
    if (steps.length === 0) continue;
    const totalWeeks = steps.reduce((s, x) => s + x.weeks, 0);
    let start = mondayOf(addDays(today, -7 * (steps.at(-1)!.end === null ? totalWeeks - steps.at(-1)!.weeks + 3 + (i % 4) : totalWeeks + 2 + (i % 6))));
    let prev: string | null = null;
    for (const [k, step] of steps.entries()) {
      const current = step.end === null;
      // Sofie (the demo young person) and two others are at the demo company contact's company now.
      let company = (i === 0 && current) || (current && bogh.length < 3 && i % 4 === 1) ? companies[0] : activePool[(i + k * 3) % activePool.length];
      if (current && (held.get(company.id) ?? 0) >= (company === companies[0] ? 4 : 2)) company = activePool.find((c) => (held.get(c.id) ?? 0) < 2 && c !== companies[0])!;
      const end = current ? null : addDays(start, step.kind === 'trial' ? 1 : step.weeks * 7 - 3);
      const p = await trx.insertInto('placements').values({
        partnership_id: ctx.partnershipId, young_person_id: ypId, company_id: company.id, opening_id: company.openingId,
        previous_placement_id: prev, kind: step.kind, start_date: start, end_date: end, status: current ? 'active' : 'ended',
        end_reason: step.end, breakdown_cause: step.end === 'breakdown' ? step.cause ?? 'other' : null,
        end_note: step.end === 'breakdown' ? 'Forventningerne til arbejdstiden passede ikke. Vi prøver et andet sted.' : null,
        mentor_contact_id: company.mentorId, created_by: ctx.users.counsellor,
      }).returning('id').executeTakeFirstOrThrow();
      // Working days differ between young people (Monday–Friday), so some are due on any weekday.
      const wd = (n: number) => Array.from({ length: n }, (_, j) => ((i + j * 2) % 5) + 1).sort();
      const schedule: [string, number[], number][] = step.kind === 'trial' ? [[start, wd(2), 6]]
        : [[start, wd(1), 4], [addDays(start, 28), wd(2), 5], [addDays(start, 56), wd(3), 6]];
      for (const [from, weekdays, hours] of schedule) {
        if (end && from > end) continue;
        await trx.insertInto('placement_schedules').values({ placement_id: p.id, valid_from: from, weekdays, hours_per_day: String(hours) }).execute();
      }
      if (current) {
        held.set(company.id, (held.get(company.id) ?? 0) + 1);
        if (company === companies[0]) bogh.push(ypId);
        await seedAttendance(ctx, p.id, start, schedule.map(([from, weekdays]) => ({ from, weekdays })), today, i % 7 === 3, company === companies[0]);
      }
      if (step.end === 'hired' && !storyPlacement) storyPlacement = { id: p.id, youngPersonId: ypId, companyId: company.id };
      prev = p.id;
      start = mondayOf(addDays(end ?? start, 7));
    }
  }
  // Two companies with a young person long ago only: members, but passive now.
  for (const [k, c] of companies.slice(10, 12).entries()) {
    const ypId = youth[(k + 2) % youth.length];
    const start = addDays(today, -600 - k * 40);
    await trx.insertInto('placements').values({
      partnership_id: ctx.partnershipId, young_person_id: ypId, company_id: c.id, opening_id: c.openingId, kind: 'trial',
      start_date: start, end_date: addDays(start, 1), status: 'ended', end_reason: 'ended_as_planned', created_by: ctx.users.counsellor,
    }).execute();
  }
  await demoCompanyConsents(ctx, companies[0].id, bogh);
  if (storyPlacement) {
    const s = await trx.insertInto('success_stories').values({
      partnership_id: ctx.partnershipId, placement_id: storyPlacement.id, young_person_id: storyPlacement.youngPersonId, company_id: storyPlacement.companyId,
      title: 'Fra én dag om ugen til fast job', created_by: ctx.users.counsellor,
      body: 'Han startede med én dag om ugen og en mentor, der tog sig tid. Efter et halvt år med lønnede timer blev han fastansat. "Det var første gang, nogen regnede med mig," siger han.',
    }).returning('id').executeTakeFirstOrThrow();
    await recordConsent(trx, {
      partnershipId: ctx.partnershipId, youngPersonId: storyPlacement.youngPersonId, recipient: { kind: 'network', id: s.id },
      item: STORY_ITEM, granted: true, purpose: 'success_story', changedBy: ctx.users.counsellor,
    });
  }
  if (bogh[1]) {
    await trx.insertInto('tasks').values({
      partnership_id: ctx.partnershipId, assignee_id: ctx.users.counsellor, kind: 'call_me', young_person_id: bogh[1],
      placement_id: (await trx.selectFrom('placements').select('id').where('young_person_id', '=', bogh[1]).where('status', '=', 'active').executeTakeFirstOrThrow()).id,
      title: 'Ring til Jens Bøgh (Bøgh & Søn Metal) på 97 47 12 00', body: 'Han er kommet for sent tre gange i denne uge og virker træt. Kan vi tage en snak?',
      created_by: ctx.users.company_contact, due_at: new Date(ctx.today),
    }).execute();
  }
  void random;
}

/** Past weeks registered (mostly "mødt"); one young person slipping in the last two weeks. Today is left for the demo. */
async function seedAttendance(ctx: SeedContext, placementId: string, start: string, schedule: { from: string; weekdays: number[] }[], today: string, slipping: boolean, leaveToday: boolean) {
  const from = [start, addDays(mondayOf(today), -56)].sort()[1];
  const values = [];
  for (let d = from; d < today || (!leaveToday && d === today); d = addDays(d, 1)) {
    let s = schedule[0];
    for (const x of schedule) if (x.from <= d) s = x;
    if (!s.weekdays.includes(isoWeekday(d))) continue;
    const recent = d >= addDays(mondayOf(today), -7);
    const r = ctx.random();
    const status = slipping && recent ? (r < 0.3 ? 'present' : r < 0.7 ? 'absent' : 'sick') : r < 0.85 ? 'present' : r < 0.93 ? 'late' : r < 0.97 ? 'sick' : 'absent';
    values.push({ placement_id: placementId, day: d, status, recorded_by: ctx.users.company_contact });
  }
  if (values.length) await ctx.trx.insertInto('attendance').values(values).execute();
}

/** At the demo company: Sofie shares her phone, hours and strengths; the next her phone only; the third nothing. */
async function demoCompanyConsents(ctx: SeedContext, companyId: string, youngPeople: string[]) {
  const grants = [['contact.phone', 'schedule', 'screening.strengths'], ['contact.phone'], []];
  for (const [i, ypId] of youngPeople.entries()) {
    for (const item of grants[i] ?? []) {
      await recordConsent(ctx.trx, {
        partnershipId: ctx.partnershipId, youngPersonId: ypId, recipient: { kind: 'company', id: companyId }, item, granted: true,
        purpose: 'placement', changedBy: i === 0 ? ctx.users.young_person : ctx.users.counsellor,
      });
    }
  }
}

async function seedEvents(ctx: SeedContext, companyIds: string[], today: string) {
  const { trx, random } = ctx;
  const events: [string, 'network_meeting' | 'job_festival', number, number | null, string][] = [
    ['Netværksmøde: sådan tager vi imod en ung', 'network_meeting', -75, null, 'Erfaringer fra de faste partnere; oplæg om mentorrollen.'],
    ['Netværksmøde og jobfestival i Aulum Hallen', 'job_festival', -21, 72, 'Virksomhederne mødte de unge; 72 småjobs blev skabt på aftenen.'],
    ['Netværksmøde: fremmøde og fravær', 'network_meeting', 24, null, 'Hvordan registrerer vi fremmøde, og hvornår ringer vi til vejlederen?'],
  ];
  for (const [title, kind, offset, jobs, description] of events) {
    const e = await trx.insertInto('network_events').values({
      partnership_id: ctx.partnershipId, title, kind, starts_at: new Date(`${addDays(today, offset)}T17:00:00+01:00`), location: 'Aulum Hallen, mødelokale 2',
      description, jobs_created: jobs, created_by: ctx.users.counsellor,
    }).returning('id').executeTakeFirstOrThrow();
    const past = offset < 0;
    const invited = companyIds.filter((_, i) => i < 8 || random() < 0.5);
    await trx.insertInto('event_invitations').values(invited.map((companyId, i) => {
      const r = random();
      const rsvp = i === 0 ? 'yes' : r < 0.55 ? 'yes' : r < 0.7 ? 'maybe' : r < 0.85 ? 'no' : 'pending';
      return { event_id: e.id, company_id: companyId, rsvp, attended: past ? rsvp === 'yes' && random() < 0.9 : null };
    })).execute();
  }
}
