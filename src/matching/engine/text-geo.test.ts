import { describe, expect, it } from 'vitest';
import { estimateTravel, haversineKm, reachKm } from './geo.ts';
import { DEFAULT_WEIGHTS, OPENING_CRITERIA } from './criteria.ts';
import { opening, youth } from './fixtures.test-helpers.ts';
import { ReachIndex, SpatialGrid } from './grid.ts';
import { rank } from './score.ts';
import { matchingTags, stemDanish, stemSet, stemsOf } from './text.ts';

describe('Danish word normalisation', () => {
  it('strips plural and definite endings so inflected forms meet', () => {
    const same = [
      ['lager', 'lageret', 'lagerne'],
      ['værksted', 'værkstedet', 'værksteder'],
      ['dyr', 'dyrene'],
      ['butik', 'butikken', 'butikker'],
      ['køkken', 'køkkenet'],
      ['bil', 'biler', 'bilerne'],
      ['pige', 'piger', 'pigerne'],
    ];
    for (const forms of same) expect(new Set(forms.map(stemDanish)).size, forms.join('/')).toBe(1);
  });

  it('keeps æøå and lowercases; never strips below three letters', () => {
    expect(stemDanish('Gærtneriet')).toBe('gærtneri');
    expect(stemDanish('øen')).toBe('øen');
    expect(stemsOf('Pakke varer på LAGERET og i butikken')).toEqual(['pak', 'var', 'lag', 'butik']);
  });

  it('matches multi-word tags by any meaningful word and reports the original tag', () => {
    expect(matchingTags(['arbejde med dyr', 'musik'], stemSet(['Fodre dyrene i stalden']))).toEqual(['arbejde med dyr']);
    expect(matchingTags(['arbejde med børn'], stemSet(['arbejde på lager']))).toEqual([]);
  });
});

describe('travel estimates', () => {
  it('computes haversine distance (Herning–Aarhus ≈ 76 km)', () => {
    expect(haversineKm({ lat: 56.1367, lon: 8.9735 }, { lat: 56.1572, lon: 10.2107 })).toBeCloseTo(76.7, 0);
  });

  it('uses the fastest mode available and walking always', () => {
    const a = { lat: 56.0, lon: 9.0 }, b = { lat: 56.02, lon: 9.0 }; // 2.2 km
    expect(estimateTravel({ drivingLicence: false, bike: false, bus: false }, a, b).mode).toBe('walk');
    expect(estimateTravel({ drivingLicence: false, bike: true, bus: true }, a, b).mode).toBe('bike');
    expect(estimateTravel({ drivingLicence: true, bike: true, bus: true }, a, b).mode).toBe('car');
  });

  it('reachKm is exactly the distance where travel time hits the limit', () => {
    const t = { drivingLicence: false, bike: true, bus: true };
    const r = reachKm(t, 40);
    const from = { lat: 56, lon: 9 };
    const at = (km: number) => ({ lat: 56 + km / 111.195, lon: 9 });
    expect(estimateTravel(t, from, at(r * 0.999)).minutes).toBeLessThanOrEqual(40);
    expect(estimateTravel(t, from, at(r * 1.001)).minutes).toBeGreaterThan(40);
  });
});

describe('spatial grid', () => {
  it('returns exactly the points within the radius (vs brute force)', () => {
    let x = 12345;
    const rnd = () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const pts = Array.from({ length: 3000 }, (_, i) =>
      i % 50 === 0 ? null : { lat: 54.6 + rnd() * 3.2, lon: 8.1 + rnd() * 4.5 },
    );
    const grid = SpatialGrid.build(pts, 4);
    for (let q = 0; q < 40; q++) {
      const c = { lat: 54.6 + rnd() * 3.2, lon: 8.1 + rnd() * 4.5 };
      const radius = rnd() * 60;
      const expected = pts.flatMap((p, i) => (p && haversineKm(c, p) <= radius ? [i] : []));
      expect(grid.within(c, radius).sort((a, b) => a - b)).toEqual(expected);
    }
  });
});

describe('reach index', () => {
  it('gives the same eligible suggestions as ranking every opening', () => {
    let x = 777;
    const rnd = () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const spot = () => ({ lat: 55.9 + rnd() * 0.6, lon: 8.7 + rnd() * 0.9 });
    const openings = Array.from({ length: 400 }, (_, i) => opening({ id: `o${i}`, location: i % 25 === 0 ? null : spot() }));
    const index = new ReachIndex(openings, 3);
    const eligible = (list: ReturnType<typeof rank>) => list.filter((s) => !s.excluded).map((s) => [s.candidateId, s.score]);
    for (let k = 0; k < 30; k++) {
      const y = youth({ location: k % 10 === 0 ? null : spot(), maxTravelMinutes: 15 + Math.floor(rnd() * 45) });
      const viaIndex = eligible(rank(y, index.near(y), OPENING_CRITERIA, DEFAULT_WEIGHTS));
      expect(viaIndex).toEqual(eligible(rank(y, openings, OPENING_CRITERIA, DEFAULT_WEIGHTS)));
      expect(viaIndex.length).toBeGreaterThan(0);
    }
  });
});
