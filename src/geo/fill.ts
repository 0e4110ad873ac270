// Fills coordinates on demand: every young person, company and opening whose
// address text changed since it was last geocoded (geo_key) is looked up once.
// Runs outside any transaction (HTTP calls must not hold locks); each row is
// written on its own, so an interrupted run keeps what it found.
import { sql } from 'kysely';
import type { Db } from '../core/db.ts';
import type { Geocoder } from './geocoder.ts';

interface Source { table: 'young_people' | 'companies' | 'openings'; address: string }
const SOURCES: Source[] = [
  { table: 'young_people', address: 'address' },
  { table: 'companies', address: 'address' },
  { table: 'openings', address: 'location' },
];

/** What was geocoded: the address text and postal code together. */
export const geoKeyOf = (address: string | null, postalCode: string | null) => `${(address ?? '').trim()}|${(postalCode ?? '').trim()}`;

export interface FillResult { looked_up: number; found: number; failed: number }

export async function fillCoordinates(db: Db, geocoder: Geocoder, partnershipId: string, limit = 500): Promise<FillResult> {
  const out: FillResult = { looked_up: 0, found: 0, failed: 0 };
  for (const s of SOURCES) {
    const { rows } = await sql<{ id: string; address: string | null; postal_code: string | null; geo_key: string | null }>`
      SELECT id, ${sql.ref(s.address)} AS address, postal_code, geo_key FROM ${sql.table(s.table)}
      WHERE partnership_id = ${partnershipId}
        AND (${sql.ref(s.address)} IS NOT NULL OR postal_code IS NOT NULL)
        AND geo_key IS DISTINCT FROM (coalesce(trim(${sql.ref(s.address)}), '') || '|' || coalesce(trim(postal_code), ''))
      LIMIT ${limit}`.execute(db);
    for (const r of rows) {
      out.looked_up++;
      let hit;
      try {
        hit = await geocoder.geocode({ address: r.address, postalCode: r.postal_code });
      } catch {
        // The service is down or refused: leave the row for the next run.
        out.failed++;
        continue;
      }
      if (hit) out.found++;
      await sql`UPDATE ${sql.table(s.table)} SET lat = ${hit?.lat ?? null}, lon = ${hit?.lon ?? null},
        geo_key = ${geoKeyOf(r.address, r.postal_code)}, geocoded_at = now() WHERE id = ${r.id}`.execute(db);
    }
  }
  return out;
}
