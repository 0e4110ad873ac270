import type { CatalogEntryDraft } from './parse/types.ts';

/**
 * A catalog of `size` initiatives made from real ones: the real texts with
 * numbered titles and shuffled owners (for scale tests and the catalog bench).
 */
export function syntheticCatalog(real: CatalogEntryDraft[], size: number): CatalogEntryDraft[] {
  const synthetic: CatalogEntryDraft[] = [];
  for (let i = 0; synthetic.length < size - real.length; i++) {
    const e = real[i % real.length]!;
    const owner = real[(i * 7) % real.length]!.owner;
    synthetic.push({ ...e, key: `${e.key.split('/')[0]}/syntetisk-${i}`, title: `${e.title} ${i}`, owner, sourceLine: 0 });
  }
  return synthetic;
}
