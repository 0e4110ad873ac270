import type { SelectQueryBuilder } from 'kysely';
import type { Db, Trx } from '../core/db.ts';
import type { DB } from '../core/db-types.ts';
import type { PlanView } from './schemas.ts';
import { userNames } from './queries.ts';

type Q = Db | Trx;

export function loadPlan(db: Q, youngPersonId: string): Promise<PlanView | null> {
  return latestPlan(db, youngPersonId);
}

/** The signed-in young person's plan, found from their login: read alongside their own record, not after it. */
export function loadOwnPlan(db: Q, partnershipId: string, userId: string): Promise<PlanView | null> {
  return latestPlan(db, db.selectFrom('young_people').select('id').where('partnership_id', '=', partnershipId).where('user_id', '=', userId));
}

async function latestPlan(db: Q, youngPerson: string | SelectQueryBuilder<DB, 'young_people', { id: string }>): Promise<PlanView | null> {
  const row = await db.selectFrom('plans as p').leftJoin('users as u', 'u.id', 'p.contact_person_id')
    .selectAll('p').select(['u.id as contact_id', 'u.name as contact_name', 'u.phone as contact_phone', 'u.email as contact_email'])
    .where('p.young_person_id', '=', youngPerson).orderBy('p.version', 'desc').limit(1).executeTakeFirst();
  if (!row) return null;
  return {
    version: row.version,
    contactPerson: row.contact_id ? { id: row.contact_id, name: row.contact_name!, phone: row.contact_phone, email: row.contact_email! } : null,
    summary: row.summary,
    goals: row.goals as PlanView['goals'],
    agreements: row.agreements as PlanView['agreements'],
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/** The young person's contact person: the one named in the plan, else their counsellor. */
export async function contactPersonFor(db: Q, counsellorId: string | null, plan: PlanView | null) {
  if (plan?.contactPerson) return plan.contactPerson;
  if (!counsellorId) return null;
  return (await db.selectFrom('users').select(['id', 'name', 'phone', 'email']).where('id', '=', counsellorId).executeTakeFirst()) ?? null;
}

export async function planHistory(db: Q, youngPersonId: string) {
  const rows = await db.selectFrom('plans').select(['version', 'created_at', 'created_by']).where('young_person_id', '=', youngPersonId).orderBy('version', 'desc').execute();
  const names = await userNames(db, rows.map((r) => r.created_by));
  return rows.map((r) => ({ version: r.version, createdAt: new Date(r.created_at).toISOString(), createdByName: r.created_by ? names.get(r.created_by) ?? null : null }));
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const day = (d: string | null) => (d ? new Date(`${d}T12:00:00`).toLocaleDateString('da-DK', { day: 'numeric', month: 'long', year: 'numeric' }) : '');
/** The goal statuses in Danish, as the counsellor and the young person see them too (one word each, #21). */
export const GOAL_STATUS_DA: Record<string, string> = { not_started: 'Ikke startet', in_progress: 'I gang', done: 'Klaret', dropped: 'Droppet' };

/** The plan as a page the young person can print: plain Danish, no styling needs beyond the browser's own. */
export function planPrintHtml(firstName: string, plan: PlanView | null, contact: PlanView['contactPerson']): string {
  const goals = (plan?.goals ?? []).map((g) => `<li><strong>${esc(g.title)}</strong>${g.dueDate ? ` – inden ${day(g.dueDate)}` : ''} (${GOAL_STATUS_DA[g.status]})${
    g.subGoals.length ? `<ul>${g.subGoals.map((s) => `<li>${esc(s.title)}${s.dueDate ? ` – inden ${day(s.dueDate)}` : ''} (${GOAL_STATUS_DA[s.status]})</li>`).join('')}</ul>` : ''}</li>`).join('');
  const agreements = (plan?.agreements ?? []).map((a) => `<tr><td>${esc(a.who)}</td><td>${esc(a.what)}</td><td>${day(a.byWhen)}</td></tr>`).join('');
  const c = contact;
  return `<!doctype html>
<html lang="da"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Din plan – ${esc(firstName)}</title></head>
<body>
<h1>Din plan, ${esc(firstName)}</h1>
${plan ? '' : '<p>Du har ikke en plan endnu. Den laver du sammen med din vejleder.</p>'}
${plan?.summary ? `<p>${esc(plan.summary)}</p>` : ''}
${c ? `<h2>Din kontaktperson</h2><p>${esc(c.name)}${c.phone ? `, tlf. <a href="tel:${esc(c.phone.replace(/\s/g, ''))}">${esc(c.phone)}</a>` : ''}, ${esc(c.email)}</p>` : ''}
${goals ? `<h2>Dine mål</h2><ul>${goals}</ul>` : ''}
${agreements ? `<h2>Det har vi aftalt</h2><table><thead><tr><th scope="col">Hvem</th><th scope="col">Gør hvad</th><th scope="col">Hvornår</th></tr></thead><tbody>${agreements}</tbody></table>` : ''}
${plan ? `<p>Planen er fra ${new Date(plan.createdAt).toLocaleDateString('da-DK')} (version ${plan.version}).</p>` : ''}
</body></html>`;
}
