import { Type } from '@sinclair/typebox';
import type { App } from '../core/app-types.ts';
import { actorOf } from '../core/actor.ts';
import { audit } from '../core/audit.ts';
import { definePermissions } from '../core/policy.ts';
import { notFound } from '../core/errors.ts';
import { ErrorResponse } from '../auth/schemas.ts';
import { IdParams } from '../lifeline/schemas.ts';
import { ageOn } from '../youth/domain.ts';
import { userContact } from './outbox.ts';
import { GuardianBody, GuardianView, Preferences, PreferencesView } from './schemas.ts';

const P = definePermissions({
  'reminders.preferences': {
    roles: ['counsellor', 'company_contact', 'volunteer_mentor', 'association_contact', 'young_person', 'steering_group', 'admin'],
    description: 'Choose how your own reminders arrive (e-mail and/or SMS)',
  },
  'reminders.guardian': { roles: ['counsellor'], description: 'Send reminders about a young person under 18 to the guardian too' },
});

export async function reminderRoutes(app: App) {
  const { db } = app.deps;

  app.get('/api/reminders/preferences', {
    config: { permission: P['reminders.preferences'] },
    schema: { tags: ['reminders'], response: { 200: PreferencesView } },
  }, async (req) => {
    const actor = actorOf(req);
    const u = await userContact(db, actor.userId);
    if (!u) throw notFound();
    return { byEmail: u.by_email ?? true, bySms: u.by_sms ?? false, email: u.email, phone: u.phone };
  });

  app.put('/api/reminders/preferences', {
    config: { permission: P['reminders.preferences'] },
    schema: { tags: ['reminders'], body: Preferences, response: { 200: Preferences } },
  }, async (req) => {
    const actor = actorOf(req);
    const values = { by_email: req.body.byEmail, by_sms: req.body.bySms, updated_at: new Date() };
    await db.insertInto('notification_preferences').values({ user_id: actor.userId, ...values })
      .onConflict((oc) => oc.column('user_id').doUpdateSet(values)).execute();
    return req.body;
  });

  app.get('/api/reminders/guardian/:id', {
    config: { permission: P['reminders.guardian'] },
    schema: { tags: ['reminders'], params: IdParams, response: { 200: GuardianView, 404: ErrorResponse } },
  }, async (req) => {
    const actor = actorOf(req);
    const yp = await db.selectFrom('young_people as y').leftJoin('guardian_reminders as g', 'g.young_person_id', 'y.id')
      .select(['y.id', 'y.birth_date', 'y.guardian_name', 'y.guardian_email', 'y.guardian_phone', 'g.by_email', 'g.by_sms'])
      .where('y.id', '=', req.params.id).where('y.partnership_id', '=', actor.partnershipId).executeTakeFirst();
    if (!yp) throw notFound('Den unge');
    // The guardian's contact details are part of the young person's record: a read is logged.
    await audit(db, actor, { action: 'read', subjectKind: 'guardian_reminders', subjectId: yp.id, purpose: 'casework' });
    return {
      enabled: yp.by_email !== null, byEmail: yp.by_email ?? true, bySms: yp.by_sms ?? false, under18: ageOn(yp.birth_date) < 18,
      guardianName: yp.guardian_name, guardianEmail: yp.guardian_email, guardianPhone: yp.guardian_phone,
    };
  });

  app.put('/api/reminders/guardian/:id', {
    config: { permission: P['reminders.guardian'] },
    schema: { tags: ['reminders'], params: IdParams, body: GuardianBody, response: { 204: Type.Null(), 404: ErrorResponse } },
  }, async (req, reply) => {
    const actor = actorOf(req);
    await db.transaction().execute(async (trx) => {
      const yp = await trx.selectFrom('young_people').select('id').where('id', '=', req.params.id).where('partnership_id', '=', actor.partnershipId).executeTakeFirst();
      if (!yp) throw notFound('Den unge');
      if (req.body.enabled) {
        const values = { by_email: req.body.byEmail, by_sms: req.body.bySms, updated_at: new Date() };
        await trx.insertInto('guardian_reminders').values({ young_person_id: yp.id, ...values }).onConflict((oc) => oc.column('young_person_id').doUpdateSet(values)).execute();
      } else {
        await trx.deleteFrom('guardian_reminders').where('young_person_id', '=', yp.id).execute();
      }
      await audit(trx, actor, { action: 'change', subjectKind: 'guardian_reminders', subjectId: yp.id, purpose: 'casework' });
    });
    return reply.status(204).send(null);
  });
}
