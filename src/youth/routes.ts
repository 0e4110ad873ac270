import { Type } from '@sinclair/typebox';
import type { App } from '../core/app-types.ts';
import { actorOf } from '../core/actor.ts';
import { audit } from '../core/audit.ts';
import { authorize } from '../core/policy.ts';
import { ErrorResponse } from '../auth/schemas.ts';
import { youthPermissions as P } from './policy.ts';
import { findYoungPerson, listYoungPeople } from './queries.ts';
import { IdParams, YoungPersonDetail, YoungPersonSummary, YouthListQuery } from './schemas.ts';

export async function youthRoutes(app: App) {
  const { db } = app.deps;

  app.get('/api/youth', {
    config: { permission: P['youth.list'] },
    schema: { tags: ['youth'], querystring: YouthListQuery, response: { 200: Type.Array(YoungPersonSummary) } },
  }, async (req) => {
    const actor = actorOf(req);
    return db.transaction().execute(async (trx) => {
      const rows = await listYoungPeople(trx, actor.partnershipId, req.query);
      await audit(trx, actor, { action: 'search', subjectKind: 'young_person', criterion: req.query.q ? 'name' : 'caseload', purpose: 'casework' });
      return rows.map((r) => ({ id: r.id, firstName: r.first_name, lastName: r.last_name, birthDate: r.birth_date, counsellorId: r.counsellor_id }));
    });
  });

  app.get('/api/youth/:id', {
    config: { permission: P['youth.read'] },
    schema: { tags: ['youth'], params: IdParams, response: { 200: YoungPersonDetail, 404: ErrorResponse } },
  }, async (req) => {
    const actor = actorOf(req);
    return db.transaction().execute(async (trx) => {
      const yp = await authorize(actor, P['youth.read'], await findYoungPerson(trx, actor.partnershipId, req.params.id), trx);
      await audit(trx, actor, { action: 'read', subjectKind: 'young_person', subjectId: yp.id, purpose: actor.role === 'young_person' ? 'own_data' : 'casework' });
      return {
        id: yp.id, firstName: yp.first_name, lastName: yp.last_name, birthDate: yp.birth_date,
        counsellorId: yp.counsellor_id, phone: yp.phone, email: yp.email, version: yp.version,
      };
    });
  });
}
