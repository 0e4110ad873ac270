// "Forslag fra kataloget": initiatives that fit a young person by age,
// municipality and needs, ranked by the matching engine's INITIATIVE_CRITERIA.
// Needs (barriers) are used only when the young person shares them with the
// network for that purpose; an admin never gets special-category needs used.
import { sql } from 'kysely';
import type { Queryable } from '../core/db.ts';
import type { Actor } from '../core/policy.ts';
import { sharedItems } from '../consent/ledger.ts';
import { barrierClass, type YoungPersonRecord } from '../youth/presenter.ts';
import { ageOn } from '../youth/domain.ts';
import { DEFAULT_INITIATIVE_WEIGHTS, INITIATIVE_CRITERIA, rank, type Initiative, type YoungPersonProfile } from '../matching/engine/index.ts';
import type { SearchHit } from './queries.ts';
import { summaryOf } from './present.ts';
import type { CatalogSuggestions } from './schemas.ts';

/** A barrier from the screening → the catalog tags of initiatives that work with it. */
export const TAGS_FOR_BARRIER: Record<string, string[]> = {
  schooling: ['STU/FGU', 'vejledning', 'uddannelse'],
  upbringing: ['håndholdt indsats', 'mentor'],
  self_esteem: ['mentor', 'psykisk sårbare'],
  isolation_bullying: ['fritid og fællesskab', 'psykisk sårbare'],
  diagnosis: ['autisme og diagnoser', 'psykisk sårbare'],
  cognitive: ['STU/FGU', 'håndholdt indsats'],
  substance_abuse: ['misbrug'],
  crime: ['kriminalitet'],
};

/** "Herning" (the partnership's municipality) as the catalog writes it: "Herning Kommune". */
export const municipalityName = (m: string | null) => (!m ? null : /kommune$/i.test(m.trim()) ? m.trim() : `${m.trim()} Kommune`);

export async function suggestInitiatives(db: Queryable, actor: Actor, person: YoungPersonRecord, limit = 10): Promise<CatalogSuggestions> {
  const partnership = await db.selectFrom('partnerships').select('municipality').where('id', '=', person.partnership_id).executeTakeFirstOrThrow();
  const barriers = person.screening?.barriers ?? [];
  const shared = await sharedItems(db, person.id, { kind: 'network', id: person.partnership_id });
  const usable = barriers.filter((b) => TAGS_FOR_BARRIER[b] && shared.has(`barrier.${b}`) && (actor.role !== 'admin' || barrierClass(b) === 'ordinary'));
  const needs = [...new Set(usable.flatMap((b) => TAGS_FOR_BARRIER[b]!))];
  const withheld = barriers.filter((b) => TAGS_FOR_BARRIER[b]).length - usable.length;
  const needsNote = barriers.length === 0
    ? 'Der er ingen udfordringer registreret i afklaringen.'
    : withheld > 0 && usable.length === 0
      ? 'Den unges udfordringer er ikke brugt: den unge har ikke givet samtykke til at dele dem med netværket.'
      : withheld > 0
        ? `${usable.length} af den unges udfordringer er brugt; resten er ikke delt med netværket.`
        : 'Den unges udfordringer er brugt, som den unge har givet samtykke til.';
  const municipality = municipalityName(partnership.municipality);
  const profile: YoungPersonProfile = {
    interests: person.screening?.interests ?? [], wishes: person.screening?.wishes ? [person.screening.wishes] : [],
    daysPerWeek: 7, hoursPerDay: 24, earliestStart: null, location: null, maxTravelMinutes: 600,
    transport: { drivingLicence: false, bike: false, bus: false },
    needs, needsConsent: needs.length > 0, needsAfterHoursMentor: false, canDoEarlyMornings: true,
    age: ageOn(person.birth_date), municipality,
  };
  const { rows } = await sql<SearchHit & { id: string }>`
    SELECT id, key, title, owner, municipality, age_min, age_max, tags, status, period_text, purpose, general_text, target_group, 0::float8 AS rank
    FROM initiatives WHERE status <> 'ended'`.execute(db);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const candidates: Initiative[] = rows.map((r) => ({
    id: r.id, name: r.title, ageMin: r.age_min, ageMax: r.age_max, municipalities: r.municipality ? [r.municipality] : [], tags: r.tags,
  }));
  const links = await db.selectFrom('initiative_links').select('initiative_id').where('young_person_id', '=', person.id).execute();
  const linkedIds = new Set(links.map((l) => l.initiative_id));
  const ranked = rank(profile, candidates, INITIATIVE_CRITERIA, DEFAULT_INITIATIVE_WEIGHTS).filter((s) => !s.excluded);
  const linkedRows = await db.selectFrom('initiatives').selectAll().where('id', 'in', [...linkedIds, '00000000-0000-0000-0000-000000000000']).execute();
  return {
    items: ranked.slice(0, limit).map((s) => ({
      initiative: summaryOf(byId.get(s.candidateId)!),
      score: s.score,
      reasons: s.contributions.filter((c) => c.points > 0).sort((a, b) => b.points - a.points).map((c) => c.text),
      linked: linkedIds.has(s.candidateId),
    })),
    needsNote,
    linked: linkedRows.map(summaryOf),
  };
}
