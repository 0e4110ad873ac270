import type { Db } from '../core/db.ts';
import { makeUser } from '../../test/helpers/factories.ts';
import { recordConsent } from '../consent/ledger.ts';

/** Test-only helpers for the companies and placements tests (not used by product code). */
let cvrSeq = 0;
const VALID_CVR = ['10110866', '10388031', '10506816', '10554330', '10609763', '10649358', '10760224', '10815657', '10863171', '10958199', '10981956', '11005713', '11045308', '11108660', '11148255', '11211607', '11314554', '11354149'];
export const nextCvr = () => VALID_CVR[cvrSeq++ % VALID_CVR.length];

export async function makeCompany(db: Db, partnershipId: string, name = `Firma ${Math.random().toString(36).slice(2, 7)}`) {
  return db.insertInto('companies').values({ partnership_id: partnershipId, name, membership: 'network_member', kind: 'training' })
    .returning(['id', 'name']).executeTakeFirstOrThrow();
}

export async function makeOpening(db: Db, partnershipId: string, companyId: string, capacity = 2) {
  return db.insertInto('openings').values({
    partnership_id: partnershipId, company_id: companyId, title: 'Lager og pakning', tasks: 'Pakke varer', capacity,
    placement_kinds: ['trial', 'work_placement', 'wage_subsidy', 'paid_hours', 'ordinary_job'],
  }).returning(['id']).executeTakeFirstOrThrow();
}

/** A company contact with a login, linked to the company. */
export async function makeCompanyContact(db: Db, partnershipId: string, companyId: string, name = 'Jens Kontakt') {
  const user = await makeUser(db, partnershipId, 'company_contact', name);
  await db.insertInto('company_contacts').values({ partnership_id: partnershipId, company_id: companyId, user_id: user.id, name, phone: '12345678' }).execute();
  return user;
}

export async function makePlacement(db: Db, p: { partnershipId: string; youngPersonId: string; companyId: string; openingId: string; startDate: string; status?: string; weekdays?: number[] }) {
  const row = await db.insertInto('placements').values({
    partnership_id: p.partnershipId, young_person_id: p.youngPersonId, company_id: p.companyId, opening_id: p.openingId,
    kind: 'work_placement', start_date: p.startDate, status: p.status ?? 'active',
  }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('placement_schedules').values({ placement_id: row.id, valid_from: p.startDate, weekdays: p.weekdays ?? [1, 2, 3, 4, 5, 6, 7], hours_per_day: '4' }).execute();
  return row;
}

export async function grant(db: Db, partnershipId: string, youngPersonId: string, companyId: string, item: string, granted = true) {
  await db.transaction().execute((trx) => recordConsent(trx, {
    partnershipId, youngPersonId, recipient: { kind: 'company', id: companyId }, item, granted, purpose: 'placement', changedBy: null,
  }));
}
