import type { Db } from '../core/db.ts';
import { audit } from '../core/audit.ts';
import type { Actor } from '../core/policy.ts';
import { checkPartnershipFields } from './create-partnership.ts';
import { loadSettings, replaceMunicipalities, saveCoverage, saveReportSettings, updatePartnership } from './queries.ts';
import type { PartnershipSettingsBody } from './schemas.ts';

/** "Indstillinger for partnerskabet": one transaction for the partnership row, its municipalities, lifeline hours and threshold. */
export function updatePartnershipSettings(db: Db, actor: Actor, body: PartnershipSettingsBody) {
  return db.transaction().execute(async (trx) => {
  const clean = await checkPartnershipFields(trx, body, actor.partnershipId);
  await updatePartnership(trx, actor.partnershipId, clean);
  await replaceMunicipalities(trx, actor.partnershipId, clean.codes);
  await saveCoverage(trx, actor.partnershipId, body.coverage);
  await saveReportSettings(trx, actor.partnershipId, actor.userId, { suppressionThreshold: body.suppressionThreshold });
  await audit(trx, actor, { action: 'change', subjectKind: 'partnership', subjectId: actor.partnershipId, purpose: 'partnership_administration' });
  return loadSettings(trx, actor.partnershipId);
  });
}
