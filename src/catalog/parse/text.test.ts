import { describe, expect, it } from 'vitest';
import { parseAgeRange } from './age.ts';
import { decodeEntities, htmlToText } from './html.ts';
import { classifyRowLabel, isLabelFragment } from './labels.ts';
import { normaliseOwner } from './owners.ts';
import { splitDescription } from './sections.ts';
import { deriveTags, TAG_RULES, TAG_VOCABULARY } from './tags.ts';
import { emptyDescription } from './types.ts';

describe('htmlToText', () => {
  it('keeps paragraphs as blank lines and lists as "- item"', () => {
    expect(htmlToText('<p>Et</p> <p>To <b>fed</b> og <em>kursiv</em></p><ul><li>• a</li><li>- b</li></ul><p>Slut</p>')).toBe(
      'Et\n\nTo fed og kursiv\n\n- a\n- b\n\nSlut',
    );
  });

  it('numbers ordered lists unless the items carry their own numbers, and indents nested lists', () => {
    expect(htmlToText('<ol><li>a</li><li>b</li></ol>')).toBe('1. a\n2. b');
    expect(htmlToText('<ol style="x"><li>1. a</li><li>2. b</li></ol>')).toBe('1. a\n2. b');
    expect(htmlToText('<ul><li>top<ul><li>inner</li></ul></li><li>next</li></ul>')).toBe('- top\n  - inner\n- next');
  });

  it('turns <br> into line breaks and decodes named and numeric entities', () => {
    expect(htmlToText('a<br>b<br/><br />c')).toBe('a\nb\n\nc');
    expect(decodeEntities('&oslash;&aelig;&aring;&Oslash;&AElig;&Aring;&amp;&#248;&#xE6;&eacute;&ndash;')).toBe('øæåØÆÅ&øæé–');
    expect(htmlToText('x&nbsp;&nbsp;y&#160;z')).toBe('x y z');
    expect(decodeEntities('&ukendt; &#0;')).toBe('&ukendt; \uFFFD');
  });

  it('reads tag names as a browser does, so the remains of a removed tag never form a new one', () => {
    expect(htmlToText('før<p!>efter')).toBe('førefter');
    expect(htmlToText('a<p<p>>b')).toBe('a>b');
    expect(htmlToText('1 < 2 og <b>fed</b>')).toBe('1 < 2 og fed');
  });

  it('keeps link text, or the address of an empty link, and survives broken markup', () => {
    expect(htmlToText('<a href="mailto:a@b.dk">a@b.dk</a>')).toBe('a@b.dk');
    expect(htmlToText('Skriv <a href="mailto:a@b.dk"></a>')).toBe('Skriv a@b.dk');
    expect(htmlToText('<p>halv <b>tekst</p><ul><li>uden slut')).toBe('halv tekst\n\n- uden slut');
    expect(htmlToText('unge < 18 år og 5 > 3')).toBe('unge < 18 år og 5 > 3');
    expect(htmlToText('afskåret <a href="mailto:x')).toBe('afskåret');
    expect(htmlToText('<!-- note --><script>x()</script>tekst')).toBe('tekst');
  });
});

describe('labels', () => {
  it.each([
    ['Projekt navn (overskrift)', 'title'],
    ['Projektnavn (overskrift)', 'title'],
    ['<p>Indsats: Projekt navn (overskrift)</p>', 'title'],
    ['Projekt navn', 'title'],
    ['Kort beskrivelse (10-15 linjer) af ungeprojektet – herunder formål, aktører, målgruppe, økonomi, effekt mv.', 'description'],
    ['<p>Kort beskrivelse (1 -15 l projektet – formåjer) h målgruppe, økonc unc mv.</p>', 'description'],
    ['Kontaktperson telefon- (mail og telefonnr.)', 'contact'],
    ['<p>Kontaktperson te- (mail og telefonnr.)</p>', 'contact'],
    ['Projektperiode:', 'period'],
    ['<p>Projektperiode</p>', 'period'],
    ['Budget', null],
  ])('maps "%s" to %s', (label, kind) => {
    expect(classifyRowLabel(label)).toBe(kind);
  });

  it('recognises the second half of a label broken over two lines', () => {
    expect(isLabelFragment('formål, aktører, målgruppe, økonomi, effekt mv.')).toBe(true);
    expect(isLabelFragment('<p>under formål, aktører, målgruppe, økonomi, effekt mv.</p>')).toBe(true);
    expect(isLabelFragment('Budget')).toBe(false);
  });
});

describe('splitDescription', () => {
  it('maps heading paragraphs, inline labels and plain "Label:" paragraphs to sections', () => {
    const d = splitDescription(
      '<p><b>Baggrund:</b></p><p>B1</p><p>B2</p><p><b>Målgruppe:</b> Unge.</p><p>Målgruppe mere.</p>' +
        '<p>Økonomi: 5 kr.</p><p><b>Mål/effekt:</b> Godt.</p><p><b>Rammerne:</b></p><p>Ramme.</p>',
    );
    expect(d).toEqual({
      ...emptyDescription(),
      background: 'B1\n\nB2',
      targetGroup: 'Unge.\n\nMålgruppe mere.',
      economy: '5 kr.',
      effect: 'Godt.',
      general: 'Rammerne:\n\nRamme.',
    });
  });

  it('reads sentences that say what they are when nothing is labelled', () => {
    const d = splitDescription('<p>Indledning.</p><p>Formålet med X er at hjælpe.</p><p>Målgruppen er unge mellem 15 og 25 år.</p><p>Mere.</p>');
    expect(d.purpose).toBe('Formålet med X er at hjælpe.');
    expect(d.targetGroup).toBe('Målgruppen er unge mellem 15 og 25 år.');
    expect(d.general).toBe('Indledning.\n\nMere.');
  });
});

describe('parseAgeRange', () => {
  it.each([
    ['unge mellem 15 og 25 år', { min: 15, max: 25 }],
    ['18-30 årige', { min: 18, max: 30 }],
    ['for unge 15-29 år', { min: 15, max: 29 }],
    ['Unge i alderen 15-17-år', { min: 15, max: 17 }],
    ['unge 18 – 30-årige', { min: 18, max: 30 }],
    ['unge under 30 år', { min: null, max: 29 }],
    ['alle unge, som var over 16 år max. alder 29 år', { min: 16, max: 29 }],
    ['fritidsjobbere (under 18 år)', { min: null, max: 17 }],
    ['unge ml. 15-30 år', { min: 15, max: 30 }],
    ['et tilbud til unge 16+', { min: 16, max: null }],
  ])('reads "%s"', (text, range) => {
    expect(parseAgeRange(text)).toEqual(range);
  });

  it.each(['Projektet er 3-årigt', 'de seneste 10-15 år', '8.-10. klasse', 'inden for ca. 1 år', 'budget 2020-2023'])(
    'finds no age in "%s"',
    (text) => expect(parseAgeRange(text)).toBeNull(),
  );
});

describe('owners and tags', () => {
  it('normalises owner names and corrects typos of known municipalities', () => {
    expect(normaliseOwner('Hedensted kommune')).toEqual({ owner: 'Hedensted Kommune', isMunicipality: true });
    expect(normaliseOwner('Norrdjurs Kommune')).toEqual({ owner: 'Norddjurs Kommune', isMunicipality: true, correctedFrom: 'Norrdjurs Kommune' });
    expect(normaliseOwner('Mercantec')).toEqual({ owner: 'Mercantec', isMunicipality: false });
  });

  it('documents every tag and derives tags by keyword rules', () => {
    expect(new Set(TAG_VOCABULARY).size).toBe(TAG_RULES.length);
    for (const rule of TAG_RULES) expect(rule.meaning.length).toBeGreaterThan(5);
    const d = { ...emptyDescription(), targetGroup: 'Psykisk sårbare unge med misbrug', general: 'Virksomhedspraktik med mentor og fællesspisning på FGU.' };
    expect(deriveTags('Ung i job', d)).toEqual(['psykisk sårbare', 'misbrug', 'mentor', 'praktik', 'fritid og fællesskab', 'STU/FGU', 'job']);
  });
});
