import { Type } from '@sinclair/typebox';
import type { App } from '../core/app-types.ts';
import { actorOf } from '../core/actor.ts';
import { audit } from '../core/audit.ts';
import { sql } from 'kysely';
import type { Queryable } from '../core/db.ts';
import type { Actor } from '../core/policy.ts';
import { badRequest, notFound } from '../core/errors.ts';
import { ErrorResponse } from '../auth/schemas.ts';
import { allInfoItems, infoItem } from '../consent/items.ts';
import { consentState, recordConsent, type RecipientKind } from '../consent/ledger.ts';
import { recipientsFor } from '../consent/recipients.ts';
import { youthPermissions as P } from './policy.ts';
import { findOwnYoungPerson, findOwnYoungPersonWithCounsellor } from './queries.ts';
import { visibleYoungPerson } from './presenter.ts';
import { contactPersonFor, loadOwnPlan, loadPlan, planPrintHtml } from './plan.ts';
import { exportData, exportHtml } from './export.ts';
import { AccessLogEntry, MeOverview, SharingChange, SharingRecipient } from './me-schemas.ts';
import './recipients.ts';

/** The young person's own record; a young person without one sees 404 everywhere here. */
async function own(trx: Queryable, actor: Actor) {
  const yp = await findOwnYoungPerson(trx, actor.partnershipId, actor.userId);
  if (!yp) throw notFound('Dine oplysninger');
  return yp;
}

/** Every party that could see something, with each offered item and whether it is shared now. */
export async function sharingFor(trx: Queryable, youngPersonId: string): Promise<SharingRecipient[]> {
  const state = await consentState(trx, youngPersonId);
  const ledgerRecipients = [...new Map(state.map((s) => [`${s.recipient_kind}:${s.recipient_id}`, { kind: s.recipient_kind, id: s.recipient_id }])).values()];
  const recipients = await recipientsFor(trx, youngPersonId, ledgerRecipients);
  const all = allInfoItems();
  return recipients.map((r) => {
    const offered = r.items.length ? all.filter((i) => r.items.includes(i.key)) : all;
    const granted = new Set(state.filter((s) => s.recipient_kind === r.kind && s.recipient_id === r.id && s.granted).map((s) => s.item));
    // An item granted earlier but no longer offered still shows, so it can be revoked.
    const shown = [...offered, ...all.filter((i) => granted.has(i.key) && !offered.includes(i))];
    return {
      kind: r.kind, id: r.id, label: r.label, purpose: r.purpose, active: r.active,
      items: shown.map((i) => ({ key: i.key, label: i.da, labelEn: i.en, classification: i.classification, granted: granted.has(i.key) })),
    };
  });
}

export async function accessLog(trx: Queryable, youngPersonId: string, ownUserId: string) {
  // A company contact or association contact reads on behalf of their own organisation, so that is
  // what the young person should see; everyone else reads for the partnership.
  const rows = await trx
    .selectFrom('audit_log as a')
    .leftJoin('partnerships as p', 'p.id', 'a.partnership_id')
    .select((eb) => [
      'a.at', 'a.role', 'a.action', 'a.subject_kind', 'a.purpose', 'a.subject_id',
      eb.fn.coalesce(
        eb.selectFrom('company_contacts as cc').innerJoin('companies as co', 'co.id', 'cc.company_id')
          .select('co.name').whereRef('cc.user_id', '=', 'a.user_id').where('a.role', '=', 'company_contact').limit(1),
        eb.selectFrom('associations as s').select('s.name')
          .whereRef('s.contact_user_id', '=', 'a.user_id').where('a.role', '=', 'association_contact').limit(1),
        eb.ref('p.name'),
      ).as('organisation'),
    ])
    // Rows about them, and lists they appeared in (one row per list naming everyone on it; GIN index, migration 0137).
    .where((eb) => eb.or([eb('a.subject_id', '=', youngPersonId), sql<boolean>`a.subject_ids @> ARRAY[${youngPersonId}]::uuid[]`]))
    .where((eb) => eb.or([eb('a.user_id', 'is', null), eb('a.user_id', '<>', ownUserId)]))
    .orderBy('a.id', 'desc')
    .limit(500)
    .execute();
  return rows.map((r) => ({ at: new Date(r.at).toISOString(), organisation: r.organisation, role: r.role, action: r.action, what: r.subject_kind, purpose: r.purpose, listed: r.subject_id !== youngPersonId }));
}

/** Everything the young person may take with them (GDPR art. 15/20); the export is put on record first. */
async function ownExport(db: Queryable, actor: Actor) {
  const yp = await own(db, actor);
  await audit(db, actor, { action: 'export', subjectKind: 'young_person', subjectId: yp.id, purpose: 'own_data' });
  return exportData(db, yp, visibleYoungPerson({ actor }, yp, new Set())!, await accessLog(db, yp.id, actor.userId), await sharingFor(db, yp.id));
}

export async function meRoutes(app: App) {
  const { db } = app.deps;

  app.get('/api/me', {
    config: { permission: P['me.read'] },
    schema: { tags: ['me'], response: { 200: MeOverview, 404: ErrorResponse } },
  }, async (req) => {
    const actor = actorOf(req);
    // The start page is the young person's first view: its two reads run side by side (one wait for the pool, not two).
    const [yp, plan] = await Promise.all([
      findOwnYoungPersonWithCounsellor(db, actor.partnershipId, actor.userId),
      loadOwnPlan(db, actor.partnershipId, actor.userId),
    ]);
    if (!yp) throw notFound('Dine oplysninger');
    await audit(db, actor, { action: 'read', subjectKind: 'young_person', subjectId: yp.id, purpose: 'own_data' });
    const counsellor = yp.counsellor_name !== null && yp.counsellor_email !== null ? { name: yp.counsellor_name, phone: yp.counsellor_phone, email: yp.counsellor_email } : null;
    const contact = plan?.contactPerson ?? counsellor;
    const upcoming = yp.next_appointment_at && new Date(yp.next_appointment_at) > new Date(Date.now() - 3_600_000);
    return {
      firstName: yp.first_name,
      nextAppointment: upcoming ? { at: new Date(yp.next_appointment_at!).toISOString(), place: yp.next_appointment_place } : null,
      contactPerson: contact ? { name: contact.name, phone: contact.phone, email: contact.email } : null,
      plan,
    };
  });

  app.get('/api/me/plan/print', {
    config: { permission: P['me.read'] },
    schema: { tags: ['me'] },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const yp = await own(db, actor);
    await audit(db, actor, { action: 'read', subjectKind: 'plan', subjectId: yp.id, purpose: 'own_data' });
    const plan = await loadPlan(db, yp.id);
    const html = planPrintHtml(yp.first_name, plan, await contactPersonFor(db, yp.counsellor_id, plan));
    return reply.type('text/html; charset=utf-8').send(html);
  });

  app.get('/api/me/sharing', {
    config: { permission: P['me.read'] },
    schema: { tags: ['me'], response: { 200: Type.Array(SharingRecipient), 404: ErrorResponse } },
  }, async (req) => {
    const actor = actorOf(req);
    const yp = await own(db, actor);
    await audit(db, actor, { action: 'read', subjectKind: 'consent', subjectId: yp.id, purpose: 'own_data' });
    return sharingFor(db, yp.id);
  });

  app.put('/api/me/sharing', {
    config: { permission: P['me.consent'] },
    schema: { tags: ['me'], body: SharingChange, response: { 200: Type.Array(SharingRecipient), 400: ErrorResponse, 404: ErrorResponse } },
  }, async (req) => {
    const actor = actorOf(req);
    const b = req.body;
    return db.transaction().execute(async (trx) => {
      const yp = await own(trx, actor);
      const item = infoItem(b.item);
      if (!item) throw badRequest('Den oplysning kender vi ikke.', [{ field: 'item', message: 'Ukendt oplysning.' }]);
      const current = await sharingFor(trx, yp.id);
      const recipient = current.find((r) => r.kind === b.recipientKind && r.id === b.recipientId);
      const offered = recipient?.items.find((i) => i.key === b.item);
      if (!recipient) throw notFound('Modtageren');
      if (!offered) throw badRequest('Den oplysning kan ikke deles med dem.', [{ field: 'item', message: 'Kan ikke deles med denne modtager.' }]);
      if (b.granted && !recipient.active) throw badRequest('I har ikke et samarbejde lige nu, så du kan kun slå deling fra.', [{ field: 'granted', message: 'Kun fra.' }]);
      await recordConsent(trx, {
        partnershipId: actor.partnershipId, youngPersonId: yp.id, recipient: { kind: b.recipientKind as RecipientKind, id: b.recipientId },
        item: b.item, granted: b.granted, purpose: recipient.purpose, changedBy: actor.userId,
      });
      await audit(trx, actor, { action: 'change', subjectKind: 'consent', subjectId: yp.id, purpose: 'own_data' });
      return sharingFor(trx, yp.id);
    });
  });

  app.get('/api/me/access-log', {
    config: { permission: P['me.read'] },
    schema: { tags: ['me'], response: { 200: Type.Array(AccessLogEntry), 404: ErrorResponse } },
  }, async (req) => {
    const actor = actorOf(req);
    const yp = await own(db, actor);
    const log = await accessLog(db, yp.id, actor.userId);
    await audit(db, actor, { action: 'read', subjectKind: 'access_log', subjectId: yp.id, purpose: 'own_data' });
    return log;
  });

  app.get('/api/me/export', {
    config: { permission: P['me.export'] },
    schema: { tags: ['me'] },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const data = await ownExport(db, actor);
    reply.header('content-disposition', 'attachment; filename="mine-data.json"');
    return reply.type('application/json; charset=utf-8').send(JSON.stringify(data, null, 2));
  });

  app.get('/api/me/export.html', {
    config: { permission: P['me.export'] },
    schema: { tags: ['me'] },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const html = exportHtml(await ownExport(db, actor));
    return reply.type('text/html; charset=utf-8').send(html);
  });
}
