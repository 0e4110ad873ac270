import type { TFunction } from 'i18next';

export function ageText(t: TFunction, min: number | null, max: number | null): string {
  if (min !== null && max !== null) return t('catalog:age.range', { min, max });
  if (min !== null) return t('catalog:age.from', { min });
  if (max !== null) return t('catalog:age.to', { max });
  return t('catalog:age.none');
}

/** Paragraphs and "- " lists from the catalog's clean text. */
export function paragraphsOf(text: string): { kind: 'p' | 'ul'; items: string[] }[] {
  const blocks: { kind: 'p' | 'ul'; items: string[] }[] = [];
  for (const block of text.split(/\n{2,}/)) {
    const lines = block.split('\n').map((l) => l.trim()).filter(Boolean);
    if (lines.length === 0) continue;
    if (lines.every((l) => l.startsWith('- '))) blocks.push({ kind: 'ul', items: lines.map((l) => l.slice(2)) });
    else blocks.push({ kind: 'p', items: [lines.join(' ')] });
  }
  return blocks;
}
