import { describe, expect, it } from 'vitest';
import { loadCatalogFixture } from '../fixtures/alter.ts';
import { containsHtml } from './html.ts';
import { formatProblems, parseCatalog } from './parse.ts';
import { TAG_VOCABULARY } from './tags.ts';
import type { CatalogEntryDraft } from './types.ts';

const TODAY = '2021-06-01';
const { entries, problems } = parseCatalog(loadCatalogFixture(), { today: TODAY });

function byTitle(title: string, owner?: string): CatalogEntryDraft {
  const found = entries.filter((e) => e.title === title && (!owner || e.owner === owner));
  expect(found, `${title} / ${owner}`).toHaveLength(1);
  return found[0];
}

/** Every string anywhere inside a value. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

describe('parseCatalog on the shipped Midtjylland catalog', () => {
  it('finds the 54 initiatives of 17 municipalities and 4 organisations', () => {
    expect(entries).toHaveLength(54);
    const owners = new Set(entries.map((e) => e.owner));
    expect(owners.size).toBe(21);
    const municipalities = [...owners].filter((o) => o.endsWith(' Kommune'));
    expect(municipalities).toHaveLength(17);
    expect([...owners].filter((o) => !o.endsWith(' Kommune')).sort()).toEqual([
      'Fagbevægelsens Hovedorganisation',
      'Mercantec',
      'Region Midtjylland',
      'VIA University College',
    ]);
    const aarhus = entries.filter((e) => e.owner === 'Aarhus Kommune');
    expect(aarhus).toHaveLength(8);
  });

  it('gives every entry a unique, stable key from owner and title', () => {
    expect(new Set(entries.map((e) => e.key)).size).toBe(54);
    for (const e of entries) expect(e.key).toMatch(/^[a-z0-9-]+\/[a-z0-9-]+$/);
    expect(byTitle('Café 16+').key).toBe('syddjurs-kommune/cafe-16');
  });

  it('leaves no HTML tags or entities in any text', () => {
    for (const e of entries) {
      for (const s of strings(e)) expect(containsHtml(s), `${e.key}: ${s.slice(0, 80)}`).toBe(false);
    }
  });

  it('reports exactly the irregularities of the source, per line, in Danish', () => {
    expect(formatProblems(problems)).toBe(
      [
        'Linje 211: ejernavnet "Norrdjurs Kommune" er rettet til "Norddjurs Kommune"',
        'Linje 247: feltet Projektperiode er tomt for indsatsen "FremtidsFabrikken – Mestringsforløb for unge i Jobcenter Odder"',
        'Linje 276: projektnavnet "Sporet" bruges også på linje 269; bruger overskriften "Unge på Broen"',
        'Linje 422: løs tekst uden for tabellen; lagt i den generelle beskrivelse af indsatsen ovenfor',
        'Linje 543: feltet Kontaktperson er tomt for indsatsen "Øget udbud af faglært arbejdskraft i Viborg"',
        'Linje 544: feltet Projektperiode er tomt for indsatsen "Øget udbud af faglært arbejdskraft i Viborg"',
      ].join('\n'),
    );
  });

  it('reads the initiative that has only a plain "Indsats:" line: Café 16+', () => {
    const e = byTitle('Café 16+');
    expect(e).toMatchObject({ owner: 'Syddjurs Kommune', municipality: 'Syddjurs Kommune', sourceLine: 404 });
    expect(e.ageRange).toEqual({ min: 16, max: 29 });
    expect(e.contacts).toEqual([
      { name: 'Mikkel Holme Hansen', role: 'Centerleder, Center for Unge, Uddannelse og Job', phone: '30508671', email: 'mhha@syddjurs.dk' },
    ]);
    expect(e.period).toMatchObject({ start: '2019-09-01', end: '2020-12-31' });
    expect(e.period?.text).toMatch(/^Afprøvning: sep 2019-dec 2019; Fortsætter resten af 2020/);
    expect(e.status).toBe('project');
    expect(e.description.purpose).toMatch(/^Cafeen har til formål/);
    expect(e.description.effect).toContain('Effekt på myndighedsopgaven Sagsbehandlere');
    expect(e.tags).toContain('fritid og fællesskab');
  });

  it('reads the Aarhus initiative for non-Western young people (no heading of its own)', () => {
    const e = byTitle('Specialiseret virksomhedsrettet indsats for ikke vestlige unge mellem 15-29 år');
    expect(e).toMatchObject({ owner: 'Aarhus Kommune', sourceLine: 463, status: 'project' });
    expect(e.ageRange).toEqual({ min: 15, max: 29 });
    expect(e.tags).toContain('ikke-vestlige');
    expect(e.contacts).toEqual([{ name: 'Mikkel Lyder Henriksen', phone: '87133367', email: 'mihen@aarhus.dk' }]);
    expect(e.period).toEqual({ text: 'Indsatsen forventes at kunne starte op i slutningen af 1. kvartal 2021', start: '2021-03-01' });
  });

  it('splits labelled descriptions into sections (Favrskov)', () => {
    const e = byTitle('Erhvervspraktik i folkeskolen i erhverv, der kræver erhvervsuddannelse');
    expect(e.owner).toBe('Favrskov Kommune');
    expect(e.description.background).toMatch(/^Med baggrund i den nationale målsætning/);
    expect(e.description.purpose).toMatch(/^Formålet er at kvalificere elevens uddannelsesvalg/);
    expect(e.description.targetGroup).toBe('Elever fra 8. til 10. klasse.');
    expect(e.description.actors).toMatch(/^Uddannelsesvejledere er bindeled/);
    expect(e.description.economy).toMatch(/100\.000 kr\./);
    expect(e.description.effect).toMatch(/^Det har endnu ikke været muligt at måle effekt/);
    expect(e.description.general).toBeNull();
    expect(e.contacts).toEqual([
      { name: 'Lene Thøgersen', role: 'Leder af Unges Uddannelse og Job i Favrskov Kommune', phone: '89644285', email: 'leth@favrskov.dk' },
    ]);
    expect(e.period).toEqual({ text: 'Initiativet er ikke tidsbegrænset.' });
    expect(e.status).toBe('anchored');
  });

  it('normalises the owner "Hedensted kommune" and keeps lists as "- item"', () => {
    const e = byTitle('SKUB');
    expect(e.owner).toBe('Hedensted Kommune');
    expect(e.ageRange).toEqual({ min: 15, max: 25 });
    expect(e.description.general).toContain('\n\n- Træning i dansk, matematik, engelsk og samfundsfag');
    expect(e.description.targetGroup).toMatch(/^Målgruppen er unge mellem 15 og 25 år/);
    expect(e.contacts[0]).toEqual({ name: 'Pia Hermanstad', role: 'Afdelingsleder', phone: '20153542', email: 'Pia.Hermanstad@hedensted.dk' });
    expect(e.tags).toContain('autisme og diagnoser');
  });

  it('reads an initiative heading at owner level and two contacts in one cell (Herning, Ung På Vej)', () => {
    const e = byTitle('Ung På Vej');
    expect(e.owner).toBe('Herning Kommune');
    expect(e.ageRange).toEqual({ min: 15, max: 18 });
    expect(e.contacts.map((c) => [c.name, c.email, c.phone])).toEqual([
      ['Majbrit V Lambæk', 'uuvmv@herning.dk', '30360683'],
      ['Ulla Høy Henriksen', 'uuvuh@herning.dk', '20358156'],
    ]);
    expect(e.status).toBe('anchored');
  });

  it('dates a project period and marks it ended after its end (Holstebro)', () => {
    const e = byTitle('Projekt jobkurs');
    expect(e.period).toEqual({ text: 'Medio 2018 til ultimo 2020', start: '2018-07-01', end: '2020-12-31' });
    expect(e.status).toBe('ended');
    expect(parseCatalog(loadCatalogFixture(), { today: '2020-06-01' }).entries.find((x) => x.key === e.key)?.status).toBe('project');
    expect(e.contacts).toEqual([{ name: 'Rikke Heede', phone: '40762371', email: 'Rikke.heede@holstebro.dk' }]);
  });

  it('joins rows broken over several lines (Norddjurs SES, Lemvig, Norddjurs Ung i uddannelse)', () => {
    const ses = byTitle('SES – Selvførelse Eksponering Spejling');
    expect(ses.owner).toBe('Norddjurs Kommune');
    expect(ses.description.general).toContain('nedsat evne til at mobilisere stabil energi.');
    expect(ses.period).toMatchObject({ start: '2019-04-01', end: '2021-07-31' });
    const viv = byTitle('Virksomhed i Virksomheden - I samarbejde med det lokale private arbejdsmarked');
    expect(viv.description.general).toMatch(/Udgiften finansieres indenfor eksisterende budget/);
    expect(viv.status).toBe('anchored');
    const uiu = byTitle('Ung i uddannelse', 'Norddjurs Kommune');
    expect(uiu.contacts).toEqual([
      { name: 'Lotte Kruse', role: 'chef Ungeindsatsen og UU, Norddjurs Kommune', phone: '30560033', email: 'lisk@norddjurs.dk' },
    ]);
  });

  it('uses the heading when a project-name row was copied from the initiative above (Ringkøbing-Skjern)', () => {
    const broen = entries.find((e) => e.key === 'ringkoebing-skjern-kommune/unge-paa-broen');
    expect(broen).toMatchObject({ title: 'Unge på Broen', sourceLine: 276, status: 'anchored' });
    expect(broen?.period).toMatchObject({ start: '2013-01-01', end: '2014-12-31' });
    expect(byTitle('Sporet').period).toEqual({ text: '1.april 2017 - nu', start: '2017-04-01' });
    expect(byTitle('Unge på Broen', 'Silkeborg Kommune').key).toBe('silkeborg-kommune/unge-paa-broen');
  });

  it('keeps the stray footnote and reads the period of the Viborg mentors', () => {
    const e = byTitle('Frivillige erhvervsmentorer til unge 18 – 30-årige i alle jobcenterets målgrupper');
    expect(e.description.general).toContain('* Opgørelsen omfatter 56 unge');
    expect(e.period).toMatchObject({ start: '2019-06-01', end: '2020-12-31' });
    expect(e.tags).toContain('mentor');
    expect(e.contacts[0]).toMatchObject({ name: 'Karin Nørgaard Sivebæk', role: 'Projektkoordinator Jobcenter Viborg' });
  });

  it('reads several contacts and organisations (Coast to Coast, Fagbevægelsens Skoletjeneste)', () => {
    const c2c = byTitle('Coast to Coast Climate Challenge');
    expect(c2c.contacts).toEqual([
      { name: 'Tenna Duch Schaldemose', role: 'Studerterhus Aarhus', phone: '51235821', email: 'tenna@studenterhusaarhus.dk' },
      { name: 'Sekretariatet for C2C CC Coast to Coast Climate Challenge', role: 'Region Midtjylland', phone: '30539544', email: 'coast.to.coast@ru.rm.dk' },
    ]);
    const fs = byTitle('Fagbevægelsens Skoletjeneste (FS)');
    expect(fs.contacts.map((c) => c.name)).toEqual(['Sanne Kristensen', 'Daniella Roslev', 'Trine Thomhav']);
    expect(fs.municipality).toBeNull();
  });

  it('gives organisations the municipality their text points to (Mercantec)', () => {
    const e = byTitle('Øget udbud af faglært arbejdskraft i Viborg');
    expect(e).toMatchObject({ owner: 'Mercantec', municipality: 'Viborg Kommune', contacts: [], period: null });
    expect(byTitle('EUD for alle').municipality).toBeNull();
  });

  it('reads a description label broken over two lines (VIA Career Service Centre)', () => {
    const e = byTitle('Career Service Centre (CSC), VIA University Colleges tværgående beskæftigelsesindsats');
    expect(e.description.purpose).toBe("At øge beskæftigelsesgraden for VIA's dimittender.");
    expect(e.description.targetGroup).toMatch(/^Studerende og dimittender ved VIA/);
    expect(e.status).toBe('anchored');
  });

  it('reads the duplicated period row of Erhvervsaspiranterne once', () => {
    const e = byTitle('Erhvervsaspiranterne');
    expect(e.period?.text).toBe('Skoleåret 2020/2021 iværksættelse; skoleår 2021/2022 + 2022/2023 evt. fortsættelse');
    expect(e.period?.start).toBe('2020-08-01');
  });

  it('uses only tags from the vocabulary, and every entry gets some', () => {
    for (const e of entries) {
      expect(e.tags.length, e.key).toBeGreaterThan(0);
      for (const t of e.tags) expect(TAG_VOCABULARY).toContain(t);
    }
  });
});
