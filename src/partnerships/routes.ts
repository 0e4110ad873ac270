import type { App } from '../core/app-types.ts';
import { actorOf } from '../core/actor.ts';
import { ErrorResponse } from '../auth/schemas.ts';
import { partnershipPermissions as P } from './policy.ts';
import { InstallationMe, CreatePartnershipBody, CreatePartnershipResponse, PartnershipList, PartnershipSettings, PartnershipSettingsBody, SetupChecklist } from './schemas.ts';
import { assertInstallationAdmin } from './installation.ts';
import { createPartnership } from './create-partnership.ts';
import { updatePartnershipSettings } from './update-settings.ts';
import { loadChecklist } from './load-checklist.ts';
import { isInstallationAdmin, listPartnerships, loadSettings } from './queries.ts';

/**
 * Partnerships: created by an installation administrator (web /installation, or the
 * CLI `partnership create`), then run by their own administrators ("Indstillinger
 * for partnerskabet" and the setup checklist on the start page).
 */
export async function partnershipRoutes(app: App) {
  const { db } = app.deps;

  app.get('/api/installation/me', {
    config: { authenticated: true },
    schema: { tags: ['partnerships'], description: 'Whether the logged-in user is an installation administrator (the web client shows "Opret partnerskab")', response: { 200: InstallationMe } },
  }, async (req) => ({ installationAdmin: await isInstallationAdmin(db, req.session!.userId) }));

  app.get('/api/installation/partnerships', {
    config: { authenticated: true },
    schema: { tags: ['partnerships'], description: 'Every partnership of the installation (installation administrators only)', response: { 200: PartnershipList, 403: ErrorResponse } },
  }, async (req) => {
    await assertInstallationAdmin(db, req);
    return { partnerships: await listPartnerships(db) };
  });

  app.post('/api/installation/partnerships', {
    config: { authenticated: true },
    schema: {
      tags: ['partnerships'], description: 'Create a partnership; the installation administrator becomes its first administrator',
      body: CreatePartnershipBody, response: { 201: CreatePartnershipResponse, 400: ErrorResponse, 403: ErrorResponse, 409: ErrorResponse },
    },
  }, async (req, reply) => {
    const userId = await assertInstallationAdmin(db, req);
    const partnership = await createPartnership(db, req.body, { userId, makeAdmin: true });
    return reply.code(201).send({ partnership });
  });

  app.get('/api/partnership/settings', {
    config: { permission: P['partnership.settings'] },
    schema: { tags: ['partnerships'], description: 'The partnership\'s settings', response: { 200: PartnershipSettings } },
  }, async (req) => loadSettings(db, actorOf(req).partnershipId));

  app.put('/api/partnership/settings', {
    config: { permission: P['partnership.settings'] },
    schema: {
      tags: ['partnerships'], description: 'Change the partnership\'s name, short name, municipalities, age band, lifeline hours and suppression threshold',
      body: PartnershipSettingsBody, response: { 200: PartnershipSettings, 400: ErrorResponse, 409: ErrorResponse },
    },
  }, async (req) => updatePartnershipSettings(db, actorOf(req), req.body));

  app.get('/api/partnership/checklist', {
    config: { permission: P['partnership.checklist'] },
    schema: { tags: ['partnerships'], description: 'The setup checklist: first counsellor, companies, lifeline rota, activities, goals, catalog', response: { 200: SetupChecklist } },
  }, async (req) => loadChecklist(db, actorOf(req).partnershipId));
}
