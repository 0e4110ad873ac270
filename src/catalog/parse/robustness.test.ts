import { describe, expect, it } from 'vitest';
import {
  boldHeadings,
  duplicateRows,
  loadCatalogFixture,
  removeHeading,
  reorderEntries,
  shiftHeadings,
  toCrlf,
} from '../fixtures/alter.ts';
import { containsHtml } from './html.ts';
import { formatProblems, parseCatalog } from './parse.ts';
import type { CatalogEntryDraft } from './types.ts';

const TODAY = '2021-06-01';
const original = loadCatalogFixture();
const reference = parseCatalog(original, { today: TODAY });

/** Entries by key, without the source line (which moves when lines move). */
function contentByKey(entries: CatalogEntryDraft[]): Map<string, string> {
  return new Map(entries.map(({ sourceLine: _line, ...rest }) => [rest.key, JSON.stringify(rest)]));
}

const referenceContent = contentByKey(reference.entries);

function expectSameEntries(text: string): void {
  const { entries } = parseCatalog(text, { today: TODAY });
  expect(entries).toHaveLength(54);
  const content = contentByKey(entries);
  expect([...content.keys()].sort()).toEqual([...referenceContent.keys()].sort());
  for (const [key, value] of content) expect(value, key).toBe(referenceContent.get(key));
}

describe('parseCatalog on altered copies of the catalog', () => {
  it('gives the same entries, lines included, when every heading is one level deeper', () => {
    const { entries } = parseCatalog(shiftHeadings(original), { today: TODAY });
    expect(entries).toEqual(reference.entries);
  });

  it('gives the same entries when headings are bold lines instead of markdown', () => {
    const { entries } = parseCatalog(boldHeadings(original), { today: TODAY });
    expect(entries).toEqual(reference.entries);
  });

  it('gives the same entries when headings are plain lines', () => {
    const plain = original
      .split('\n')
      .map((l) => l.replace(/^#{1,6}\s+/, '').replace(/\*\*/g, ''))
      .join('\n');
    expectSameEntries(plain);
  });

  it('gives the same entries and problems with Windows line endings', () => {
    const result = parseCatalog(toCrlf(original), { today: TODAY });
    expect(result).toEqual(reference);
  });

  it('gives the same entries when owners and initiatives come in another order', () => {
    const reordered = reorderEntries(original);
    expect(reordered).not.toBe(original);
    const { entries } = parseCatalog(reordered, { today: TODAY });
    expect(entries[0].owner).toBe('VIA University College');
    expectSameEntries(reordered);
  });

  it.each(['Støberiet', 'Indsats: Ung i uddannelse', 'Café 16+', 'Flere småjobs til unge', 'Ungevejen - Et forebyggende'])(
    'gives the same entries when the heading "%s" is removed',
    (needle) => expectSameEntries(removeHeading(original, needle)),
  );

  it('gives the same entries when every row is duplicated', () => {
    expectSameEntries(duplicateRows(original));
  });

  it('gives the same entries with all alterations at once', () => {
    expectSameEntries(toCrlf(reorderEntries(shiftHeadings(duplicateRows(removeHeading(original, 'Støberiet'))))));
  });
});

describe('parseCatalog on broken input', () => {
  it('reports garbage lines by line number and keeps all initiatives', () => {
    const lines = original.split('\n');
    const broken = [...lines.slice(0, 300), 'asdf qwer zxcv', '<<<>>>\tværdi', 'Budget\t100.000 kr.', ...lines.slice(300)].join('\n');
    const { entries, problems } = parseCatalog(broken, { today: TODAY });
    expect(entries).toHaveLength(54);
    const report = formatProblems(problems);
    expect(report).toContain('Linje 301: løs tekst uden for tabellen');
    expect(report).toContain('Linje 302: ukendt felt "<<<>>>"');
    expect(report).toContain('Linje 303: ukendt felt "Budget"');
    const silkeborg = entries.find((e) => e.title === 'Styrket tidlig indsats for de 15-17-årige');
    expect(silkeborg?.description.general).toContain('Budget: 100.000 kr.');
  });

  it.each([0.05, 0.23, 0.5, 0.61, 0.9, 0.999])('survives a file truncated at %s of its length', (fraction) => {
    const cut = original.slice(0, Math.floor(original.length * fraction));
    const { entries, problems } = parseCatalog(cut, { today: TODAY });
    expect(entries.length).toBeLessThanOrEqual(54);
    for (const p of problems) expect(p.line).toBeGreaterThan(0);
    for (const e of entries) expect(containsHtml(JSON.stringify(e))).toBe(false);
    if (entries.length > 0) {
      const last = entries[entries.length - 1];
      expect(last.key).toMatch(/\//);
    }
  });

  it('reports what a truncated last initiative is missing', () => {
    const lines = original.split('\n');
    const cut = lines.slice(0, 168).join('\n'); // Holstebro: name row and half the description
    const { entries, problems } = parseCatalog(`${cut.slice(0, -40)}`, { today: TODAY });
    expect(entries.at(-1)?.title).toBe('Projekt jobkurs');
    expect(formatProblems(problems)).toContain('Linje 165: indsatsen "Projekt jobkurs" mangler feltet Kontaktperson');
  });

  it('reports a missing project name when both heading and name row are gone', () => {
    const lines = original.split('\n').filter((l) => !l.startsWith('### Indsats: Støberiet') && !l.includes('<b>STØBERIET</b>'));
    const { entries, problems } = parseCatalog(lines.join('\n'), { today: TODAY });
    expect(entries).toHaveLength(53);
    expect(formatProblems(problems)).toMatch(/Linje 1\d\d: kunne ikke finde projektnavn; indsatsen er sprunget over/);
  });

  it('returns nothing, without throwing, for text that is not a catalog', () => {
    for (const text of ['', '\n\n\n', 'bare tekst', '\t\t\t', '<p>', '# \n## \n###', '\u0000\uFFFF\uD800', 'Projektnavn\t']) {
      const result = parseCatalog(text, { today: TODAY });
      expect(result.entries.every((e) => e.title.length > 0)).toBe(true);
    }
    expect(parseCatalog('## Herning Kommune\nProjektnavn\tX\n', { today: TODAY }).entries[0]).toMatchObject({ title: 'X', owner: 'Herning Kommune' });
  });

  it('reads rows written "Label: value" when the tab was lost', () => {
    const text = '## Herning Kommune\nProjektnavn: Ung i job\nKort beskrivelse: Målgruppe: unge 18-25 år.\nKontaktperson: Anna Berg, anna@herning.dk, 12345678\nProjektperiode: 2019-2020\n';
    const { entries, problems } = parseCatalog(text, { today: TODAY });
    expect(problems).toEqual([]);
    expect(entries[0]).toMatchObject({
      title: 'Ung i job',
      ageRange: { min: 18, max: 25 },
      contacts: [{ name: 'Anna Berg', email: 'anna@herning.dk', phone: '12345678' }],
      period: { text: '2019-2020', start: '2019-01-01', end: '2020-12-31' },
      status: 'ended',
    });
  });

  it('reports a row that does not belong to any initiative', () => {
    const { problems } = parseCatalog('## Herning Kommune\nFoo\tbar\n', { today: TODAY });
    expect(formatProblems(problems)).toBe('Linje 2: rækken "Foo" hører ikke til nogen indsats og er sprunget over');
  });
});
