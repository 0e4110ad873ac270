import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../test/helpers/app.ts';
import { CookieClient } from '../../test/helpers/cookie-client.ts';
import { testClock } from '../../test/helpers/clock.ts';
import { makePartnership, makeUser } from '../../test/helpers/factories.ts';
import { createSession, DEVICE_COOKIE, findSession, SESSION_COOKIE } from './sessions.ts';
import { rememberDevice, REMEMBER_DAYS, REMEMBER_IDLE_MINUTES } from './trusted-devices.ts';

/**
 * Session lifetimes with an injected clock (issue 22 "also test"): no real sleeps.
 * The process cache is off, so every lookup reads the database.
 */
let t: TestApp;
let partnershipId: string;
const settings = { idleMinutes: 30, absoluteHours: 12 };
const MIN = 60_000;

beforeAll(async () => {
  t = await createTestApp({ SESSION_CACHE: false });
  partnershipId = (await makePartnership(t.db)).id;
});
afterAll(() => t?.close());

describe('session timeouts', () => {
  it('ends a session after 30 idle minutes; use keeps it alive', async () => {
    const user = await makeUser(t.db, partnershipId, 'counsellor');
    const clock = testClock(new Date('2026-12-01T08:00:00Z'));
    const { id } = await createSession(t.db, user.id, partnershipId, settings, {}, clock);
    clock.advance(29 * MIN);
    expect(await findSession(t.db, id, settings, { clock })).toMatchObject({ userId: user.id });
    clock.advance(29 * MIN); // 29 minutes after the last use, 58 after login
    expect(await findSession(t.db, id, settings, { clock })).toMatchObject({ userId: user.id });
    clock.advance(31 * MIN);
    expect(await findSession(t.db, id, settings, { clock })).toBeNull();
  });

  it('ends a session 12 hours after login however busy it is', async () => {
    const user = await makeUser(t.db, partnershipId, 'counsellor');
    const clock = testClock(new Date('2026-12-01T08:00:00Z'));
    const { id } = await createSession(t.db, user.id, partnershipId, settings, {}, clock);
    for (let m = 20; m < 12 * 60; m += 20) {
      clock.set(new Date(Date.parse('2026-12-01T08:00:00Z') + m * MIN));
      expect(await findSession(t.db, id, settings, { clock }), `after ${m} minutes`).not.toBeNull();
    }
    clock.set(new Date('2026-12-01T20:00:00Z'));
    expect(await findSession(t.db, id, settings, { clock })).toBeNull();
  });

  it('a remembered device keeps its session through idle hours, needs the device cookie, and still ends after 14 idle days or 30 days', async () => {
    const user = await makeUser(t.db, partnershipId, 'company_contact');
    const clock = testClock(new Date('2026-12-01T08:00:00Z'));
    const device = await rememberDevice(t.db, user.id, undefined, 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Safari/604.1', clock);
    const opts = { deviceId: device.id, absoluteHours: REMEMBER_DAYS * 24, idleMinutes: REMEMBER_IDLE_MINUTES };
    const { id } = await createSession(t.db, user.id, partnershipId, settings, opts, clock);
    clock.advance(3 * 60 * MIN);
    expect(await findSession(t.db, id, settings, { clock, deviceToken: device.token })).toMatchObject({ userId: user.id });
    // The session id alone (without this device's cookie) is not enough.
    expect(await findSession(t.db, id, settings, { clock })).toBeNull();
    expect(await findSession(t.db, id, settings, { clock, deviceToken: 'en-anden-enheds-token' })).toBeNull();
    // Used every 10 days: alive until day 30, not after.
    for (const day of [10, 20, 29]) {
      clock.set(new Date(Date.parse('2026-12-01T08:00:00Z') + day * 1440 * MIN));
      expect(await findSession(t.db, id, settings, { clock, deviceToken: device.token }), `day ${day}`).not.toBeNull();
    }
    clock.set(new Date('2026-12-31T08:00:01Z'));
    expect(await findSession(t.db, id, settings, { clock, deviceToken: device.token })).toBeNull();
    // A second remembered session left alone for 15 days ends.
    const second = await createSession(t.db, user.id, partnershipId, settings, opts, clock);
    clock.advance(15 * 1440 * MIN);
    expect(await findSession(t.db, second.id, settings, { clock, deviceToken: device.token })).toBeNull();
  });
});

describe('"husk denne telefon" for company contacts', () => {
  const iphone = { 'user-agent': 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile/15E148 Safari/604.1' };
  const cookieHeader = (c: CookieClient, names: string[]) => names.map((n) => `${n}=${c.jar.get(n)}`).join('; ');

  it('gives a company contact a 30-day session bound to this phone, listed and revocable in /settings', async () => {
    const contact = await makeUser(t.db, partnershipId, 'company_contact');
    const phone = new CookieClient(t.app);
    const res = await phone.post('/api/auth/login', { email: contact.email, password: TEST_PASSWORD, rememberDevice: true }, iphone);
    expect(res.statusCode, res.body).toBe(200);
    const device = res.cookies.find((c) => c.name === DEVICE_COOKIE)!;
    const session = res.cookies.find((c) => c.name === SESSION_COOKIE)!;
    expect(device).toMatchObject({ httpOnly: true, sameSite: 'Lax', maxAge: 30 * 86_400 });
    expect(session.maxAge).toBe(30 * 86_400);

    // The session needs the device cookie beside it.
    const probe = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie } });
    expect((await probe(cookieHeader(phone, [SESSION_COOKIE, DEVICE_COOKIE]))).statusCode).toBe(200);
    expect((await probe(cookieHeader(phone, [SESSION_COOKIE]))).statusCode).toBe(401);

    const list = (await phone.get('/api/auth/devices')).json();
    expect(list).toMatchObject({ available: true, devices: [{ label: 'iPhone · Safari', current: true }] });
    // Logging in again on the same phone keeps one device.
    await phone.post('/api/auth/login', { email: contact.email, password: TEST_PASSWORD, rememberDevice: true }, iphone);
    expect((await phone.get('/api/auth/devices')).json().devices).toHaveLength(1);

    // Someone else cannot forget it; the contact can, from another browser, and the phone is logged out at once.
    const other = await t.login((await makeUser(t.db, partnershipId, 'company_contact')).email);
    const deviceId = list.devices[0].id as string;
    expect((await other.delete(`/api/auth/devices/${deviceId}`)).statusCode).toBe(404);
    const desk = await t.login(contact.email);
    expect((await desk.get('/api/auth/devices')).json().devices[0]).toMatchObject({ id: deviceId, current: false });
    expect((await desk.delete(`/api/auth/devices/${deviceId}`)).statusCode).toBe(204);
    expect((await phone.get('/api/auth/session')).statusCode).toBe(401);
    expect((await desk.get('/api/auth/devices')).json().devices).toEqual([]);
  });

  it('is not given to other roles: a counsellor who ticks it gets an ordinary session', async () => {
    const counsellor = await makeUser(t.db, partnershipId, 'counsellor');
    const c = new CookieClient(t.app);
    const res = await c.post('/api/auth/login', { email: counsellor.email, password: TEST_PASSWORD, rememberDevice: true }, iphone);
    expect(res.statusCode).toBe(200);
    expect(res.cookies.find((k) => k.name === DEVICE_COOKIE)).toBeUndefined();
    expect(res.cookies.find((k) => k.name === SESSION_COOKIE)!.maxAge).toBe(t.config.SESSION_ABSOLUTE_HOURS * 3600);
    expect((await c.get('/api/auth/devices')).json()).toEqual({ available: false, devices: [] });
  });
});
