// A flat spatial grid over lat/lon points so ranking only scores candidates
// that can be within travel reach (a national run has ~60,000 openings; a young
// person reaches a few thousand). Stored as CSR typed arrays: no per-point objects.
import { haversineKm, reachKm } from './geo.ts';
import type { GeoPoint, YoungPersonProfile } from './types.ts';

const KM_PER_DEG_LAT = 111.2;

export class SpatialGrid {
  private constructor(
    private readonly minLat: number,
    private readonly minLon: number,
    private readonly cellLat: number,
    private readonly cellLon: number,
    private readonly rows: number,
    private readonly cols: number,
    private readonly cellStart: Int32Array,
    private readonly cellItems: Int32Array,
    private readonly lat: Float64Array,
    private readonly lon: Float64Array,
  ) {}

  /** Indexes every non-null point by its position in `points`. */
  static build(points: readonly (GeoPoint | null)[], cellKm = 5): SpatialGrid {
    let minLat = Infinity, maxLat = -Infinity, minLon = Infinity, maxLon = -Infinity;
    const lat = new Float64Array(points.length).fill(NaN);
    const lon = new Float64Array(points.length).fill(NaN);
    points.forEach((p, i) => {
      if (!p) return;
      lat[i] = p.lat;
      lon[i] = p.lon;
      minLat = Math.min(minLat, p.lat); maxLat = Math.max(maxLat, p.lat);
      minLon = Math.min(minLon, p.lon); maxLon = Math.max(maxLon, p.lon);
    });
    if (minLat === Infinity) { minLat = maxLat = minLon = maxLon = 0; }
    const cellLat = cellKm / KM_PER_DEG_LAT;
    // Cells are square at the widest latitude of the data; narrower elsewhere is fine.
    const cosMax = Math.cos((Math.max(Math.abs(minLat), Math.abs(maxLat)) * Math.PI) / 180);
    const cellLon = cellKm / (KM_PER_DEG_LAT * Math.max(cosMax, 0.01));
    const rows = Math.floor((maxLat - minLat) / cellLat) + 1;
    const cols = Math.floor((maxLon - minLon) / cellLon) + 1;
    const cellOf = new Int32Array(points.length).fill(-1);
    const counts = new Int32Array(rows * cols + 1);
    for (let i = 0; i < points.length; i++) {
      if (Number.isNaN(lat[i])) continue;
      const r = Math.floor((lat[i] - minLat) / cellLat);
      const c = Math.floor((lon[i] - minLon) / cellLon);
      cellOf[i] = r * cols + c;
      counts[cellOf[i] + 1]++;
    }
    for (let k = 0; k < rows * cols; k++) counts[k + 1] += counts[k];
    const cellStart = counts.slice();
    const fill = counts.slice(0, rows * cols);
    const cellItems = new Int32Array(cellStart[rows * cols]);
    for (let i = 0; i < points.length; i++) if (cellOf[i] >= 0) cellItems[fill[cellOf[i]]++] = i;
    return new SpatialGrid(minLat, minLon, cellLat, cellLon, rows, cols, cellStart, cellItems, lat, lon);
  }

  /** Indices of points within `radiusKm` (haversine) of `center`, in index order per cell. */
  within(center: GeoPoint, radiusKm: number): number[] {
    const out: number[] = [];
    if (!(radiusKm >= 0)) return out;
    // 5 % margin: the box must be a superset of the haversine disc (great
    // circles bend poleward of parallels); the exact test below decides.
    const dLat = (radiusKm * 1.05) / KM_PER_DEG_LAT;
    const edgeLat = Math.min(89.9, Math.max(Math.abs(center.lat - dLat), Math.abs(center.lat + dLat)));
    const dLon = (radiusKm * 1.05) / (KM_PER_DEG_LAT * Math.cos((edgeLat * Math.PI) / 180));
    const r0 = Math.max(0, Math.floor((center.lat - dLat - this.minLat) / this.cellLat));
    const r1 = Math.min(this.rows - 1, Math.floor((center.lat + dLat - this.minLat) / this.cellLat));
    const c0 = Math.max(0, Math.floor((center.lon - dLon - this.minLon) / this.cellLon));
    const c1 = Math.min(this.cols - 1, Math.floor((center.lon + dLon - this.minLon) / this.cellLon));
    const p = { lat: 0, lon: 0 };
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) {
        const cell = r * this.cols + c;
        for (let k = this.cellStart[cell]; k < this.cellStart[cell + 1]; k++) {
          const i = this.cellItems[k];
          p.lat = this.lat[i];
          p.lon = this.lon[i];
          if (haversineKm(center, p) <= radiusKm) out.push(i);
        }
      }
    }
    return out;
  }
}

interface LocatedCandidate {
  readonly location: GeoPoint | null;
}

/**
 * Candidates a young person can possibly reach: those within `reachKm` of their
 * transport and travel limit, plus those with unknown location (travel is not
 * judged for them). Anything else would be excluded as 'too_far' anyway, so
 * ranking `near(y)` gives the same eligible suggestions as ranking everything.
 */
export class ReachIndex<C extends LocatedCandidate> {
  private readonly grid: SpatialGrid;
  private readonly unlocated: readonly C[];

  constructor(private readonly candidates: readonly C[], cellKm = 5) {
    this.grid = SpatialGrid.build(candidates.map((c) => c.location), cellKm);
    this.unlocated = candidates.filter((c) => !c.location);
  }

  near(youth: YoungPersonProfile): readonly C[] {
    // Without an address nothing is too far: every candidate, shared (not copied: tens of thousands).
    if (!youth.location) return this.candidates;
    // A hair of slack so float rounding never drops a candidate exactly at the limit.
    const hits = this.grid.within(youth.location, reachKm(youth.transport, youth.maxTravelMinutes) + 1e-6);
    hits.sort((a, b) => a - b);
    const out = hits.map((i) => this.candidates[i]);
    for (const c of this.unlocated) out.push(c);
    return out;
  }
}
