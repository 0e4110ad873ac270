import type { App } from '../core/app-types.ts';
import { actorOf } from '../core/actor.ts';
import { authorize } from '../core/policy.ts';
import { ErrorResponse } from '../auth/schemas.ts';
import { userPermissions as P } from './policy.ts';
import { CreateUserBody, CreateUserResponse, OidcLinkBody, OidcLinkResponse, UpdateUserBody, UserIdParams, UserList, UserSummary } from './schemas.ts';
import { setOidcLink } from './oidc-link.ts';
import { findMember, listMembers, toSummary } from './queries.ts';
import { createStaffUser, reinviteStaffUser, updateUser } from './manage.ts';
import { InviteChannelQuery } from '../access/handover.ts';

/** User administration for the partnership's administrators (web: /admin/users). */
export async function userRoutes(app: App) {
  const { db, config } = app.deps;

  app.get('/api/users', {
    config: { permission: P['users.list'] },
    schema: { tags: ['users'], description: 'The partnership\'s users (young people excluded) with role, active and last login', response: { 200: UserList } },
  }, async (req) => {
    const actor = actorOf(req);
    return { users: (await listMembers(db, actor.partnershipId)).map(toSummary) };
  });

  app.post('/api/users', {
    config: { permission: P['users.create'] },
    schema: {
      tags: ['users'], description: 'Create a staff user; they get an e-mail with a one-time link to choose a password', body: CreateUserBody,
      response: { 201: CreateUserResponse, 400: ErrorResponse, 409: ErrorResponse, 503: ErrorResponse },
    },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const out = await db.transaction().execute((trx) => createStaffUser(trx, config, actor, req.body));
    return reply.code(201).send(out);
  });

  app.patch('/api/users/:id', {
    config: { permission: P['users.update'] },
    schema: {
      tags: ['users'], description: 'Change a user\'s role, or deactivate / reactivate them (ends their sessions at once)', params: UserIdParams, body: UpdateUserBody,
      response: { 200: UserSummary, 400: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse },
    },
  }, async (req) => {
    const actor = actorOf(req);
    return db.transaction().execute(async (trx) => {
      const member = await authorize(actor, P['users.update'], await findMember(trx, actor.partnershipId, req.params.id), trx);
      return updateUser(trx, actor, member, req.body);
    });
  });

  app.post('/api/users/:id/invite', {
    config: { permission: P['users.update'] },
    schema: {
      tags: ['users'], description: 'Send an invited staff member a new one-time link (earlier links stop working)', params: UserIdParams, querystring: InviteChannelQuery,
      response: { 200: CreateUserResponse, 400: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 503: ErrorResponse },
    },
  }, async (req) => {
    const actor = actorOf(req);
    return db.transaction().execute(async (trx) => {
      const member = await authorize(actor, P['users.update'], await findMember(trx, actor.partnershipId, req.params.id), trx);
      return reinviteStaffUser(trx, config, actor, member, req.query.channel);
    });
  });

  app.put('/api/users/:id/oidc-link', {
    config: { permission: P['users.update'] },
    schema: {
      tags: ['users'], description: 'Link a staff user to their account at the municipality\'s login by the provider\'s subject, or remove the link (null)', params: UserIdParams, body: OidcLinkBody,
      response: { 200: OidcLinkResponse, 400: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse },
    },
  }, async (req) => {
    const actor = actorOf(req);
    return db.transaction().execute(async (trx) => {
      const member = await authorize(actor, P['users.update'], await findMember(trx, actor.partnershipId, req.params.id), trx);
      return setOidcLink(trx, actor, member, req.body.subject);
    });
  });
}
