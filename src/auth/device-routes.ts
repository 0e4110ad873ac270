import type { App } from '../core/app-types.ts';
import { notFound } from '../core/errors.ts';
import { DEVICE_COOKIE } from './sessions.ts';
import { listDevices, mayRememberDevice, revokeDevice } from './trusted-devices.ts';
import { DeviceIdParams, ErrorResponse, TrustedDeviceList } from './schemas.ts';

/** The user's remembered devices ("husk denne telefon"), listed and revocable in /settings. */
export async function deviceRoutes(app: App) {
  const { db } = app.deps;

  app.get('/api/auth/devices', {
    config: { authenticated: true },
    schema: { tags: ['auth'], description: 'Devices that keep a 30-day session (company contacts only)', response: { 200: TrustedDeviceList } },
  }, async (req) => {
    const s = req.session!;
    const [available, devices] = await Promise.all([mayRememberDevice(db, s.userId), listDevices(db, s.userId, req.cookies[DEVICE_COOKIE])]);
    return { available, devices };
  });

  app.delete('/api/auth/devices/:id', {
    config: { authenticated: true },
    schema: { tags: ['auth'], description: 'Forget a device: its session ends at once', params: DeviceIdParams, response: { 204: { type: 'null' }, 404: ErrorResponse } },
  }, async (req, reply) => {
    if (!(await revokeDevice(db, req.session!.userId, req.params.id))) throw notFound();
    return reply.status(204).send();
  });
}
