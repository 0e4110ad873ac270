// Criteria for suggesting catalog initiatives (indsatser) to a young person:
// the region's open question "how do we ensure the right match between a young
// person and an initiative?". Needs are used only with the young person's consent.
import { interestTagsOf, listDa, notJudged, tagOverlap } from './criteria-shared.ts';
import { memoByObject, stemSet } from './text.ts';
import type { Assessment, Criterion, Initiative, Weights, YoungPersonProfile } from './types.ts';

export type InitiativeCriterionName = 'needs' | 'interests' | 'municipality' | 'age';

/**
 * Default weights for initiatives (sum 100): what the initiative works with
 * (needs) matters most, then interests; a local offer beats a regional one.
 */
export const DEFAULT_INITIATIVE_WEIGHTS: Weights<InitiativeCriterionName> = {
  needs: 35,
  interests: 30,
  municipality: 20,
  age: 15,
};

const tagStemsOf = memoByObject((i: Initiative) => stemSet(i.tags));

function ageRangeDa(i: Initiative): string {
  if (i.ageMin !== null && i.ageMax !== null) return `${i.ageMin}–${i.ageMax} år`;
  if (i.ageMin !== null) return `fra ${i.ageMin} år`;
  return `op til ${i.ageMax} år`;
}

const outsideAge: Criterion<YoungPersonProfile, Initiative> = {
  name: 'outside_age_range',
  hard(y, i) {
    const age = y.age;
    if (age === undefined || age === null) return null;
    if ((i.ageMin === null || age >= i.ageMin) && (i.ageMax === null || age <= i.ageMax)) return null;
    return { criterion: 'outside_age_range', text: `Målgruppen er ${ageRangeDa(i)} – den unge er ${age}` };
  },
};

const otherMunicipality: Criterion<YoungPersonProfile, Initiative> = {
  name: 'other_municipality',
  hard(y, i) {
    if (!y.municipality || i.municipalities.length === 0 || i.municipalities.includes(y.municipality)) return null;
    return { criterion: 'other_municipality', text: `Tilbydes kun i ${listDa(i.municipalities)}` };
  },
};

const needs: Criterion<YoungPersonProfile, Initiative> = {
  name: 'needs',
  soft(y, i): Assessment {
    if (y.needs.length === 0) return notJudged('Ingen behov delt til matchning');
    if (!y.needsConsent) return notJudged('Behov ikke vurderet: ingen samtykke til at bruge behov');
    const { hits, fit } = tagOverlap(y.needs, tagStemsOf(i));
    return hits.length === 0
      ? { fit: 0, text: 'Indsatsen arbejder ikke med den unges behov' }
      : { fit, text: `Indsatsen arbejder med: ${listDa(hits)}` };
  },
};

const interests: Criterion<YoungPersonProfile, Initiative> = {
  name: 'interests',
  soft(y, i): Assessment {
    const tags = interestTagsOf(y);
    if (tags.length === 0) return notJudged('Interesser ikke vurderet: ingen interesser registreret');
    const { hits, fit } = tagOverlap(tags, tagStemsOf(i));
    return hits.length === 0
      ? { fit: 0, text: 'Indsatsen matcher ikke de registrerede interesser' }
      : { fit, text: `Indsatsen passer til interesser: ${listDa(hits)}` };
  },
};

const municipality: Criterion<YoungPersonProfile, Initiative> = {
  name: 'municipality',
  soft(y, i): Assessment {
    if (i.municipalities.length === 0) return notJudged('Tilbydes i hele regionen');
    if (!y.municipality) return notJudged('Kommune ikke vurderet: ikke registreret');
    return { fit: 1, text: `Tilbydes i ${y.municipality}` };
  },
};

const age: Criterion<YoungPersonProfile, Initiative> = {
  name: 'age',
  soft(y, i): Assessment {
    if (i.ageMin === null && i.ageMax === null) return { fit: 1, text: 'Ingen aldersgrænse' };
    if (y.age === undefined || y.age === null) return notJudged('Alder ikke vurderet: ikke registreret');
    return { fit: 1, text: `Passer til målgruppen (${ageRangeDa(i)})` };
  },
};

export const INITIATIVE_CRITERIA: readonly Criterion<YoungPersonProfile, Initiative>[] = [
  outsideAge,
  otherMunicipality,
  needs,
  interests,
  municipality,
  age,
];
