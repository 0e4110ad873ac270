/**
 * Information items a young person can share, each with the plain-Danish wording
 * shown on "Hvem må se hvad" and its GDPR class. Features register the items they
 * read through (e.g. the youth feature registers screening fields).
 * Bump `version` when the wording changes: the ledger records which wording the
 * young person saw.
 */
export interface InfoItem {
  key: string;
  /** Plain Danish, first person: "mit telefonnummer". */
  da: string;
  en: string;
  /** special = GDPR art. 9/10 (health, diagnoses, abuse, crime). */
  classification: 'ordinary' | 'special';
  version: number;
}

const items = new Map<string, InfoItem>();

export function defineInfoItems(defs: InfoItem[]): void {
  for (const d of defs) {
    if (items.has(d.key)) throw new Error(`Info item ${d.key} is defined twice`);
    items.set(d.key, d);
  }
}

export const infoItem = (key: string) => items.get(key);
export const allInfoItems = () => [...items.values()];

defineInfoItems([
  { key: 'contact.phone', da: 'mit telefonnummer', en: 'my phone number', classification: 'ordinary', version: 1 },
  { key: 'contact.email', da: 'min e-mail', en: 'my e-mail', classification: 'ordinary', version: 1 },
  { key: 'schedule', da: 'mine mødetider', en: 'my working hours', classification: 'ordinary', version: 1 },
  // The young person's record (src/youth/fields.ts maps each field to one of these).
  { key: 'identity.age', da: 'min alder', en: 'my age', classification: 'ordinary', version: 1 },
  { key: 'contact.address', da: 'min adresse', en: 'my address', classification: 'ordinary', version: 1 },
  { key: 'screening.strengths', da: 'hvad jeg er god til, og hvad jeg kan lide', en: 'my strengths and interests', classification: 'ordinary', version: 1 },
  { key: 'screening.wishes', da: 'hvad jeg gerne vil arbejde med', en: 'what I would like to work with', classification: 'ordinary', version: 1 },
  { key: 'screening.practical', da: 'hvor meget jeg kan arbejde, og hvordan jeg kommer frem', en: 'how much I can work and how I get there', classification: 'ordinary', version: 1 },
  { key: 'barrier.schooling', da: 'at skolen har været svær for mig', en: 'that school has been hard for me', classification: 'ordinary', version: 1 },
  { key: 'barrier.upbringing', da: 'at jeg har haft det svært derhjemme', en: 'that things have been hard at home', classification: 'ordinary', version: 1 },
  { key: 'barrier.self_esteem', da: 'at jeg tit tvivler på mig selv', en: 'that I often doubt myself', classification: 'ordinary', version: 1 },
  { key: 'barrier.isolation_bullying', da: 'at jeg har været ensom eller mobbet', en: 'that I have been lonely or bullied', classification: 'ordinary', version: 1 },
  { key: 'barrier.diagnosis', da: 'at jeg har en diagnose', en: 'that I have a diagnosis', classification: 'special', version: 1 },
  { key: 'barrier.cognitive', da: 'at jeg skal have tid til at lære nyt', en: 'that I need time to learn new things', classification: 'special', version: 1 },
  { key: 'barrier.substance_abuse', da: 'at jeg har haft et misbrug', en: 'that I have had a substance problem', classification: 'special', version: 1 },
  { key: 'barrier.crime', da: 'at jeg har været dømt for noget', en: 'that I have a criminal record', classification: 'special', version: 1 },
  { key: 'health.note', da: 'det, jeg har sagt om mit helbred (fx at jeg har angst)', en: 'what I have said about my health (e.g. that I have anxiety)', classification: 'special', version: 1 },
]);
