import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allInfoItems } from '../consent/items.ts';
import { lix, strings } from './lix.ts';
import { inviteMailText } from './invite.ts';

describe('LIX', () => {
  it('computes words per sentence plus the share of long words', () => {
    // 6 words, 2 sentences, 1 long word ("hjemmesiden" > 6 letters): 3 + 100/6.
    const r = lix('Jeg så hjemmesiden. Den var god.');
    expect(r).toMatchObject({ words: 6, sentences: 2, longWords: 1 });
    expect(r.lix).toBeCloseTo(3 + 100 / 6, 5);
  });

  it('gives hard official Danish a high score and plain Danish a low one', () => {
    expect(lix('Uddannelsesparathedsvurderingen foretages af kommunens ungdomsvejledning i overensstemmelse med gældende lovgivning.').lix).toBeGreaterThan(55);
    expect(lix('Du kan slå det til og fra. Det virker med det samme.').lix).toBeLessThan(20);
  });

  it('ignores interpolations and counts each UI string as a sentence', () => {
    expect(lix(['Ring til {{name}}', 'Gem']).sentences).toBe(2);
    expect(lix('Ring til {{name}}').words).toBe(2);
  });
});

describe("the young person's texts are plain Danish (LIX ≤ 35)", () => {
  const me = JSON.parse(readFileSync('web/src/features/me/i18n/da.json', 'utf8'));
  const uiStrings = strings(me);
  const itemWording = allInfoItems().map((i) => i.da);

  it('web/src/features/me/i18n/da.json', () => {
    const r = lix(uiStrings);
    console.info(`LIX me/i18n/da.json: ${r.lix.toFixed(1)} (${r.words} words, ${r.sentences} sentences, ${r.longWords} long words)`);
    expect(r.lix).toBeLessThanOrEqual(35);
  });

  it('the wording of every information item shown on "Hvem må se hvad"', () => {
    const r = lix(itemWording);
    console.info(`LIX consent item wording: ${r.lix.toFixed(1)} (${r.words} words, ${r.sentences} sentences, ${r.longWords} long words)`);
    expect(r.lix).toBeLessThanOrEqual(35);
  });

  it('each longer text (the intros) on its own', () => {
    for (const s of uiStrings.filter((x) => x.split(/\s+/).length >= 8)) {
      expect({ text: s, lix: Math.round(lix(s).lix) }).toMatchObject({ lix: expect.toSatisfy((n: number) => n <= 35) });
    }
  });

  it('the invite e-mail and the page its link opens', () => {
    // The page is web/src/features/account/InvitationPage.tsx; its texts are its i18n file.
    const page = strings(JSON.parse(readFileSync('web/src/features/account/i18n/da.json', 'utf8')));
    const text = [...inviteMailText('Sofie', '').split('\n'), ...page].map((x) => x.trim()).filter(Boolean);
    const r = lix(text);
    console.info(`LIX invite mail + page: ${r.lix.toFixed(1)} (${r.words} words, ${r.sentences} sentences, ${r.longWords} long words)`);
    expect(r.lix).toBeLessThanOrEqual(35);
  });
});
