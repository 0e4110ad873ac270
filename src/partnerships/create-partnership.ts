import type { Db, Trx } from '../core/db.ts';
import { auditMany } from '../core/audit.ts';
import { badRequest, conflict } from '../core/errors.ts';
import { validateGoals } from '../reports/goals.ts';
import { findMunicipality, municipalityName } from './municipalities.ts';
import { addMembership, DEFAULT_COVERAGE, insertPartnership, replaceMunicipalities, saveCoverage, saveReportSettings, slugTaken } from './queries.ts';
import type { CreatePartnershipBody } from './schemas.ts';

export const DEFAULT_AGE = { from: 15, to: 29 } as const;
export const DEFAULT_SUPPRESSION = 5;

/** Plain-Danish checks shared by creation and the settings page; returns the clean values. */
export async function checkPartnershipFields(trx: Trx, body: { name: string; slug: string; municipalities: string[]; ageFrom?: number; ageTo?: number }, exceptId?: string) {
  const name = body.name.trim();
  const slug = body.slug.trim().toLowerCase();
  if (name.length < 2) throw badRequest('Skriv partnerskabets navn.', [{ field: 'name', message: 'Skriv partnerskabets navn.' }]);
  const unknown = body.municipalities.filter((c) => !findMunicipality(c));
  if (unknown.length || body.municipalities.length === 0) {
    throw badRequest('Vælg kommunerne fra listen over de 98 kommuner.', [{ field: 'municipalities', message: `Ukendt kommunekode: ${unknown.join(', ') || '(ingen valgt)'}.` }]);
  }
  const ageFrom = body.ageFrom ?? DEFAULT_AGE.from;
  const ageTo = body.ageTo ?? DEFAULT_AGE.to;
  if (ageTo < ageFrom) throw badRequest('Den øvre alder skal være den samme som eller højere end den nedre.', [{ field: 'ageTo', message: 'Den øvre alder skal være mindst den nedre.' }]);
  if (await slugTaken(trx, slug, exceptId)) throw conflict(`Kortnavnet "${slug}" bruges allerede af et andet partnerskab. Vælg et andet.`);
  const codes = [...new Set(body.municipalities.map((c) => findMunicipality(c)!.code))].sort();
  return { name, slug, codes, municipalityNames: codes.map(municipalityName).join(', '), ageFrom, ageTo };
}

/**
 * A new partnership with its municipalities, lifeline hours, goals and suppression
 * threshold, all or nothing. From the web the installation administrator who
 * creates it becomes its first administrator (so they can invite its staff).
 */
export function createPartnership(db: Db, body: CreatePartnershipBody, by: { userId: string | null; makeAdmin: boolean }) {
  return db.transaction().execute((trx) => createIn(trx, body, by));
}

async function createIn(trx: Trx, body: CreatePartnershipBody, by: { userId: string | null; makeAdmin: boolean }) {
  const clean = await checkPartnershipFields(trx, body);
  let goals: unknown[] | undefined;
  if (body.goals) {
    const v = validateGoals(body.goals);
    if (!v.ok) throw badRequest(v.problems.join(' '), [{ field: 'goals', message: v.problems[0] }]);
    goals = v.goals;
  }
  const p = await insertPartnership(trx, clean);
  await replaceMunicipalities(trx, p.id, clean.codes);
  await saveCoverage(trx, p.id, body.coverage ?? DEFAULT_COVERAGE);
  await saveReportSettings(trx, p.id, by.userId, { suppressionThreshold: body.suppressionThreshold ?? DEFAULT_SUPPRESSION, goals: goals ?? [] });
  if (by.userId && by.makeAdmin) await addMembership(trx, by.userId, p.id, 'admin');
  await auditMany(trx, { userId: by.userId, partnershipId: p.id, role: null }, [{ action: 'create', subjectKind: 'partnership', subjectId: p.id, purpose: 'installation_administration' }]);
  return { id: p.id, name: p.name, slug: p.slug, municipalities: clean.codes, createdAt: new Date(p.created_at).toISOString() };
}
