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
]);
