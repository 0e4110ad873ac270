import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCatalogFixture } from '../fixtures/alter.ts';
import { containsHtml, htmlToText } from './html.ts';
import { parseCatalog } from './parse.ts';
import { runs } from '../../../test/property-runs.ts';

const original = loadCatalogFixture();
const originalLines = original.split('\n');

/** Pieces that look like the catalog, so random text also exercises the row and heading paths. */
const fragment = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    '## Herning Kommune', '### Indsats: X', 'Indsats: Café 16+', '**Mercantec**', '---\t---', '\t',
    'Projekt navn (overskrift)\t', 'Kort beskrivelse\t<p><b>Målgruppe:</b> unge 15-25 år', 'Kontaktperson\tA B, a@b.dk 12345678',
    'Projektperiode:\t2019-2022', '<p>', '</ul>', '<li>', '&oslash;', '&#x', 'formål, effekt mv.\tx', 'Favrskov Kommune .....\t4',
  ),
);
const catalogish = fc.array(fc.array(fragment, { maxLength: 4 }).map((parts) => parts.join('')), { maxLength: 40 })
  .map((lines) => lines.join('\n'));

function check(text: string): ReturnType<typeof parseCatalog> {
  const result = parseCatalog(text, { today: '2021-06-01' });
  expect(Array.isArray(result.entries)).toBe(true);
  expect(new Set(result.entries.map((e) => e.key)).size).toBe(result.entries.length);
  for (const p of result.problems) {
    expect(Number.isInteger(p.line)).toBe(true);
    expect(p.message.length).toBeGreaterThan(0);
  }
  return result;
}

describe('parseCatalog never throws', () => {
  it('on random text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), (t) => void check(t)), { numRuns: runs(300) });
  }, 60_000);

  it('on random catalog-like lines', () => {
    fc.assert(fc.property(catalogish, (t) => void check(t)), { numRuns: runs(300) });
  }, 60_000);

  it('on the catalog with random lines dropped, repeated and swapped', () => {
    const edits = fc.array(
      fc.tuple(fc.constantFrom('drop', 'repeat', 'swap', 'cut'), fc.nat(originalLines.length - 1), fc.nat(originalLines.length - 1)),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(edits, (ops) => {
        const lines = [...originalLines];
        for (const [op, a, b] of ops) {
          const i = a % lines.length;
          const j = b % lines.length;
          if (op === 'drop') lines.splice(i, 1);
          else if (op === 'repeat') lines.splice(i, 0, lines[i]);
          else if (op === 'swap') [lines[i], lines[j]] = [lines[j], lines[i]];
          else lines[i] = lines[i].slice(0, j % (lines[i].length + 1));
        }
        for (const e of check(lines.join('\n')).entries) {
          expect(containsHtml(JSON.stringify(e))).toBe(false);
        }
      }),
      { numRuns: runs(20) },
    );
  }, 120_000);
});

describe('htmlToText', () => {
  it('never throws and never leaves a known tag', () => {
    const tag = fc.constantFrom('<p>', '</p>', '<b>', '</b>', '<ul>', '</ul>', '<ol>', '<li>', '</li>', '<br>', '<br/>', '<a href="mailto:x@y.dk">', '</a>', '&nbsp;', '&aelig;', '&#248;');
    const html = fc.array(fc.oneof(tag, fc.string({ maxLength: 10 })), { maxLength: 60 }).map((p) => p.join(''));
    fc.assert(
      fc.property(html, (h) => {
        const text = htmlToText(h);
        expect(text).not.toMatch(/<\/?(p|b|ul|ol|li|br|a)\b[^<>]*>/);
        expect(text).not.toMatch(/&(nbsp|aelig|#248);/);
      }),
      { numRuns: runs(500) },
    );
  });
});
