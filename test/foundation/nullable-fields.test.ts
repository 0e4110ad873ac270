import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../helpers/app.ts';
import { makePartnership, makeUser } from '../helpers/factories.ts';

// Query strings need Ajv's type coercion, but a null sent in a JSON body to clear a
// field must stay null: not 0, false or "" (which would read as "0 hours a month").
let t: TestApp;
let counsellor: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  const pid = (await makePartnership(t.db)).id;
  counsellor = await t.login((await makeUser(t.db, pid, 'counsellor')).email);
});
afterAll(() => t.close());

describe('a null in a request body', () => {
  it('stays null for an optional whole number, and a real 0 stays 0', async () => {
    const empty = await counsellor.post('/api/mentors', { kind: 'volunteer', name: 'Uden timer', hoursPerMonth: null, phone: null });
    expect(empty.statusCode).toBe(201);
    expect(empty.json()).toMatchObject({ hoursPerMonth: null, phone: null });
    const zero = await counsellor.post('/api/mentors', { kind: 'volunteer', name: 'Nul timer', hoursPerMonth: 0 });
    expect(zero.json()).toMatchObject({ hoursPerMonth: 0 });
  });

  it('a number in a query string is still read as a number', async () => {
    const res = await counsellor.get('/api/youth?limit=5');
    expect(res.statusCode).toBe(200);
  });
});
