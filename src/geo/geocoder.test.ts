// The DAWA geocoder against a local HTTP server that answers in DAWA's shapes
// (/adresser?struktur=mini → [{ x, y, betegnelse }], /postnumre/{nr} → { visueltcenter: [x, y] }).
// The coordinates below are test fixtures served by this test only; nothing is shipped.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { makePartnership, makeUser } from '../../test/helpers/factories.ts';
import { makeCompanyWithOpening, makeScreenedYouth } from '../matching/testkit.ts';
import { DawaGeocoder } from './geocoder.ts';
import { fillCoordinates } from './fill.ts';

const ADDRESSES: Record<string, { x: number; y: number; betegnelse: string }> = {
  'Vestergade 3, 7490': { x: 8.79, y: 56.265, betegnelse: 'Vestergade 3, 7490 Aulum' },
};
const POSTAL: Record<string, [number, number]> = { '7490': [8.79, 56.26], '7400': [8.98, 56.14], '9999': [0, 0] };
const requests: string[] = [];
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url!, 'http://x');
    requests.push(url.pathname + url.search);
    res.setHeader('content-type', 'application/json; charset=utf-8');
    if (url.pathname === '/adresser') {
      expect(url.searchParams.get('struktur')).toBe('mini');
      const hit = ADDRESSES[url.searchParams.get('q') ?? ''];
      res.end(JSON.stringify(hit ? [{ id: 'a1', vejnavn: 'Vestergade', husnr: '3', postnr: '7490', postnrnavn: 'Aulum', ...hit }] : []));
      return;
    }
    const m = /^\/postnumre\/(\d{4})$/.exec(url.pathname);
    if (m && POSTAL[m[1]]) {
      res.end(JSON.stringify({ nr: m[1], navn: 'By', visueltcenter: POSTAL[m[1]], bbox: [8, 56, 9, 57] }));
      return;
    }
    if (url.pathname === '/postnumre/5000') { res.statusCode = 500; res.end('{}'); return; }
    res.statusCode = 404;
    res.end(JSON.stringify({ type: 'ResourceNotFoundError', title: 'The resource was not found' }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('DawaGeocoder', () => {
  it('finds an address, falls back to the postal code, and answers null when neither is known', async () => {
    const g = new DawaGeocoder(base);
    expect(await g.geocode({ address: 'Vestergade 3', postalCode: '7490' })).toEqual({ lat: 56.265, lon: 8.79, precision: 'address' });
    expect(await g.geocode({ address: 'Ukendt vej 1', postalCode: '7400' })).toEqual({ lat: 56.14, lon: 8.98, precision: 'postal_code' });
    expect(await g.geocode({ postalCode: '1234' })).toBeNull();
    // An answer outside Denmark is a wrong answer, not a location.
    expect(await g.geocode({ postalCode: '9999' })).toBeNull();
    expect(await g.geocode({ postalCode: 'abcd' })).toBeNull();
    await expect(g.geocode({ postalCode: '5000' })).rejects.toThrow(/Adresseopslag fejlede/);
  });
});

describe('coordinates in matching', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp({ GEOCODER_URL: base }); });
  afterAll(() => t.close());

  it('stores coordinates once per address, and ranking then judges travel time', async () => {
    const pid = (await makePartnership(t.db)).id;
    const counsellor = await t.login((await makeUser(t.db, pid, 'counsellor')).email);
    const y = await makeScreenedYouth(t.db, pid, { interests: ['Lager'], address: 'Vestergade 3', postalCode: '7490', maxTravel: 30, transport: ['bus'] });
    const near = (await makeCompanyWithOpening(t.db, pid, { postalCode: '7490', title: 'Lager nær' })).openingId;
    const far = (await makeCompanyWithOpening(t.db, pid, { postalCode: '7400', title: 'Lager i Herning' })).openingId;
    const unknown = (await makeCompanyWithOpening(t.db, pid, { postalCode: '1234', title: 'Lager ukendt' })).openingId;
    const body = (await counsellor.get(`/api/youth/${y}/suggestions`)).json();
    expect(body.travelJudged).toBe(true);
    const byId = new Map(body.suggestions.map((s: { candidateId: string }) => [s.candidateId, s])) as Map<string, { contributions: { criterion: string; text: string }[]; excluded: { text: string }[] }>;
    expect(byId.get(near)!.contributions.find((c) => c.criterion === 'travel')!.text).toMatch(/Rejsetid ca\. \d+ min (til fods|med bus)/);
    // Aulum → Herning is ~17 km in a straight line: more than 30 minutes by bus with the detour and waiting.
    expect(byId.get(far)!.excluded[0].text).toMatch(/Rejsetid ca\. \d+ min med bus – mere end de 30 min/);
    expect(byId.get(unknown)!.contributions.find((c) => c.criterion === 'travel')!.text).toMatch(/Afstand ikke vurderet/);
    const row = await t.db.selectFrom('young_people').select(['lat', 'lon', 'geo_key']).where('id', '=', y).executeTakeFirstOrThrow();
    expect(row).toEqual({ lat: 56.265, lon: 8.79, geo_key: 'Vestergade 3|7490' });
    // A second ranking asks the service for nothing new; a changed address is looked up again.
    const before = requests.length;
    await counsellor.get(`/api/youth/${y}/suggestions`);
    expect(requests.length).toBe(before);
    await t.db.updateTable('young_people').set({ address: null, postal_code: '7400' }).where('id', '=', y).execute();
    expect(await fillCoordinates(t.db, new DawaGeocoder(base), pid)).toEqual({ looked_up: 1, found: 1, failed: 0 });
    expect(await t.db.selectFrom('young_people').select(['lat', 'lon']).where('id', '=', y).executeTakeFirstOrThrow()).toEqual({ lat: 56.14, lon: 8.98 });
  });
});
