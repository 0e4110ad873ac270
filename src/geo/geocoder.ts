// Turns Danish addresses and postal codes into coordinates through a
// DAWA-style address service (Danmarks Adressers Web API; Datafordeleren
// offers the same lookups). Nothing is invented: no answer = no coordinates.
import type { GeoPoint } from '../matching/engine/index.ts';

export interface GeocodeResult extends GeoPoint {
  /** 'address' = the address itself; 'postal_code' = the postal district's visual centre. */
  readonly precision: 'address' | 'postal_code';
}

export interface Geocoder {
  /** An address line ("Vestergade 3, 7400 Herning"), falling back to the postal code. Null when unknown. */
  geocode(query: { address?: string | null; postalCode?: string | null }): Promise<GeocodeResult | null>;
}

export class GeocoderError extends Error {}

const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
/** Denmark incl. Bornholm, with a margin: anything outside is a wrong answer, not a location. */
const inDenmark = (lat: number, lon: number) => lat > 54 && lat < 58 && lon > 7.5 && lon < 15.5;

/**
 * DAWA responses (WGS84, x = longitude, y = latitude):
 * - GET /adresser?q=…&struktur=mini&per_side=1 → [{ x, y, betegnelse, postnr, … }]
 * - GET /postnumre/{nr} → { nr, navn, visueltcenter: [x, y], bbox: [...] } (404 when unknown)
 */
export class DawaGeocoder implements Geocoder {
  constructor(private readonly baseUrl: string, private readonly timeoutMs = 5000) {}

  private async get(path: string): Promise<unknown> {
    const url = `${this.baseUrl.replace(/\/+$/, '')}${path}`;
    const res = await fetch(url, { signal: AbortSignal.timeout(this.timeoutMs), headers: { accept: 'application/json' } });
    if (res.status === 404) return null;
    if (!res.ok) throw new GeocoderError(`Adresseopslag fejlede (${res.status})`);
    return res.json();
  }

  async byAddress(address: string): Promise<GeocodeResult | null> {
    const body = await this.get(`/adresser?q=${encodeURIComponent(address)}&struktur=mini&per_side=1`);
    const first = Array.isArray(body) ? (body[0] as { x?: unknown; y?: unknown } | undefined) : undefined;
    if (!first || !isNum(first.x) || !isNum(first.y) || !inDenmark(first.y, first.x)) return null;
    return { lat: first.y, lon: first.x, precision: 'address' };
  }

  async byPostalCode(postalCode: string): Promise<GeocodeResult | null> {
    if (!/^[0-9]{4}$/.test(postalCode)) return null;
    const body = (await this.get(`/postnumre/${postalCode}`)) as { visueltcenter?: unknown } | null;
    const c = body?.visueltcenter;
    if (!Array.isArray(c) || !isNum(c[0]) || !isNum(c[1]) || !inDenmark(c[1], c[0])) return null;
    return { lat: c[1], lon: c[0], precision: 'postal_code' };
  }

  async geocode(q: { address?: string | null; postalCode?: string | null }): Promise<GeocodeResult | null> {
    const address = q.address?.trim();
    if (address) {
      const line = q.postalCode && !address.includes(q.postalCode) ? `${address}, ${q.postalCode}` : address;
      const hit = await this.byAddress(line);
      if (hit) return hit;
    }
    return q.postalCode ? this.byPostalCode(q.postalCode.trim()) : null;
  }
}

/** The configured geocoder, or null when GEOCODER_URL is not set. */
export function geocoderFromConfig(config: { GEOCODER_URL?: string }): Geocoder | null {
  return config.GEOCODER_URL ? new DawaGeocoder(config.GEOCODER_URL) : null;
}
