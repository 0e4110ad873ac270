import type { App } from '../core/app-types.ts';
import { ErrorResponse } from '../auth/schemas.ts';
import { InviteChannels, ResetCompleteBody, ResetCompleteResponse, ResetRequestBody, ResetRequestResponse } from './schemas.ts';
import { requestPasswordReset } from './request-reset.ts';
import { completePasswordReset } from './complete-reset.ts';

/** "Glemt adgangskode?" on the login page, and the page the reset link opens (/password-reset). */
export async function accessRoutes(app: App) {
  const { db, config } = app.deps;

  app.post('/api/password-reset/request', {
    config: { permission: 'public' },
    schema: {
      tags: ['auth'], description: 'Ask for a link to choose a new password; the same answer whether or not the e-mail belongs to a user',
      body: ResetRequestBody, response: { 202: ResetRequestResponse, 429: ErrorResponse },
    },
  }, async (req, reply) => {
    const out = await requestPasswordReset(db, config, { email: req.body.email, ip: req.ip }, (m) => req.log.warn(m));
    return reply.code(202).send(out);
  });

  app.get('/api/invitations/channels', {
    config: { authenticated: true },
    schema: { tags: ['auth'], description: 'Which ways an invitation can go in this installation (e-mail, SMS; a link always)', response: { 200: InviteChannels } },
  }, async () => ({ email: Boolean(config.SMTP_URL), sms: Boolean(config.SMS_URL), link: true as const }));

  app.post('/api/password-reset/complete', {
    config: { permission: 'public' },
    schema: {
      tags: ['auth'], description: 'Choose a new password with the one-time link; ends every session of the user',
      body: ResetCompleteBody, response: { 200: ResetCompleteResponse, 400: ErrorResponse },
    },
  }, async (req) => completePasswordReset(db, req.body));
}
