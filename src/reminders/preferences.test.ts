import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { makePartnership, makeUser, makeYoungPerson } from '../../test/helpers/factories.ts';
import { userAddresses } from './outbox.ts';

let t: TestApp;
let partnershipId: string;

beforeAll(async () => {
  t = await createTestApp();
  partnershipId = (await makePartnership(t.db)).id;
});
afterAll(async () => {
  await t?.close();
});

describe('a young person\'s reminder settings (#21)', () => {
  it('show the phone number written on the record and send SMS to it when the login has none', async () => {
    const u = await makeUser(t.db, partnershipId, 'young_person');
    const yp = await makeYoungPerson(t.db, partnershipId, { userId: u.id });
    await t.db.updateTable('young_people').set({ phone: '20 30 40 50' }).where('id', '=', yp.id).execute();
    const client = await t.login(u.email);

    const prefs = (await client.get('/api/reminders/preferences')).json();
    expect(prefs.phone).toBe('20 30 40 50');

    expect((await client.put('/api/reminders/preferences', { byEmail: false, bySms: true })).statusCode).toBe(200);
    expect(await userAddresses(t.db, u.id)).toEqual([{ channel: 'sms', recipient: '20 30 40 50' }]);
  });

  it('prefer the login\'s own number, and say there is none when neither has one', async () => {
    const own = await makeUser(t.db, partnershipId, 'young_person');
    await t.db.updateTable('users').set({ phone: '11 22 33 44' }).where('id', '=', own.id).execute();
    const yp = await makeYoungPerson(t.db, partnershipId, { userId: own.id });
    await t.db.updateTable('young_people').set({ phone: '20 30 40 50' }).where('id', '=', yp.id).execute();
    expect((await (await t.login(own.email)).get('/api/reminders/preferences')).json().phone).toBe('11 22 33 44');

    const none = await makeUser(t.db, partnershipId, 'young_person');
    await makeYoungPerson(t.db, partnershipId, { userId: none.id });
    expect((await (await t.login(none.email)).get('/api/reminders/preferences')).json().phone).toBeNull();
  });
});
