import type { Db, Trx } from '../core/db.ts';
import type { Recipient, RecipientKind } from './ledger.ts';

/**
 * A party that could see something about a young person: a company with a
 * placement, a mentor, an association, the network. Features that create such
 * relationships (companies, mentors, …) register a provider; "Hvem må se hvad"
 * lists every recipient any provider returns, plus anyone in the ledger.
 */
export interface RecipientEntry extends Recipient {
  /** Plain Danish, as the young person would say it: "Virksomheden Nettoline", "Din mentor Jens". */
  label: string;
  /** Why this party may see anything, recorded in the ledger: 'placement', 'mentoring', … */
  purpose: string;
  /** The info items (src/consent/items.ts) this party may ask for; [] means all items. */
  items: string[];
  /** Whether the relationship is current (an ended placement still shows, but as earlier). */
  active: boolean;
}

export interface RecipientProvider {
  kind: RecipientKind;
  /** Every party of this kind with a relationship to the young person. */
  list(db: Db | Trx, youngPersonId: string): Promise<RecipientEntry[]>;
  /** Names one party (also one only found in the ledger). Undefined when unknown. */
  describe(db: Db | Trx, recipientId: string): Promise<Pick<RecipientEntry, 'label' | 'purpose' | 'items'> | undefined>;
}

const providers = new Map<RecipientKind, RecipientProvider>();

/** Called at import time by the feature that owns the relationship. One provider per kind. */
export function registerRecipientProvider(p: RecipientProvider): void {
  if (providers.has(p.kind)) throw new Error(`Recipient provider for ${p.kind} is registered twice`);
  providers.set(p.kind, p);
}

export const recipientProvider = (kind: RecipientKind) => providers.get(kind);

const FALLBACK: Record<RecipientKind, string> = {
  company: 'En virksomhed',
  mentor: 'En mentor',
  association: 'En forening',
  network: 'Netværket',
};

/**
 * Everyone who could see something: from every provider, then those only found
 * in the ledger (e.g. after a relationship ended), so an old grant can still be revoked.
 */
export async function recipientsFor(db: Db | Trx, youngPersonId: string, ledger: Recipient[]): Promise<RecipientEntry[]> {
  const out: RecipientEntry[] = [];
  const seen = new Set<string>();
  const key = (r: Recipient) => `${r.kind}:${r.id}`;
  for (const p of providers.values()) {
    for (const r of await p.list(db, youngPersonId)) {
      if (seen.has(key(r))) continue;
      seen.add(key(r));
      out.push(r);
    }
  }
  for (const r of ledger) {
    if (seen.has(key(r))) continue;
    seen.add(key(r));
    const d = await providers.get(r.kind)?.describe(db, r.id);
    out.push({ ...r, label: d?.label ?? FALLBACK[r.kind], purpose: d?.purpose ?? 'earlier', items: d?.items ?? [], active: false });
  }
  return out;
}

/** Whether a recipient is known to any provider as related to the young person now. */
export async function isCurrentRecipient(db: Db | Trx, youngPersonId: string, r: Recipient): Promise<boolean> {
  const p = providers.get(r.kind);
  if (!p) return false;
  return (await p.list(db, youngPersonId)).some((e) => e.id === r.id && e.active);
}
