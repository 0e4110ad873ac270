// The fixed tag vocabulary of the catalog and the keyword rules that assign
// tags. Tags answer the region's question "which initiative fits this young
// person?": who it is for (målgruppe) and what kind of help it gives (indsats).
//
// Each rule is a regular expression over the entry's text. Rules with scope
// 'aims' only read the title, purpose, target group and effect (the words
// "uddannelse" and "job" occur in nearly every description, so reading all
// of it would tag everything). Acronym rules are case-sensitive.

import type { CatalogDescription } from './types.ts';

export interface TagRule {
  tag: string;
  kind: 'målgruppe' | 'indsats';
  /** What the tag means, for the UI and for reviewers of the rules. */
  meaning: string;
  pattern: RegExp;
  scope: 'all' | 'aims';
}

export const TAG_RULES: readonly TagRule[] = [
  // Who the initiative is for.
  { tag: 'psykisk sårbare', kind: 'målgruppe', meaning: 'unge med psykisk sårbarhed, angst, depression eller mistrivsel', scope: 'all',
    pattern: /psykisk[e]? sårbar|sårbare unge|psykisk[e]? (udfordringer|problemer|vanskeligheder|lidelser?|mistrivsel)|mentale helbred|\bangst|depression|mistrivsel|psykolog|psykiatri/i },
  { tag: 'autisme og diagnoser', kind: 'målgruppe', meaning: 'unge med autisme, ADHD, udviklingshæmning eller andre diagnoser', scope: 'all',
    pattern: /autism|adhd|udviklingsforstyrrel|udviklingshæm|diagnose|skizofreni/i },
  { tag: 'misbrug', kind: 'målgruppe', meaning: 'unge med misbrug af rusmidler', scope: 'all',
    pattern: /misbrug|rusmiddel|stofbrug|alkohol/i },
  { tag: 'kriminalitet', kind: 'målgruppe', meaning: 'unge i eller i risiko for kriminalitet', scope: 'all',
    pattern: /kriminalitet|kriminel/i },
  { tag: 'ikke-vestlige', kind: 'målgruppe', meaning: 'unge med ikke-vestlig baggrund eller anden etnicitet end dansk', scope: 'all',
    pattern: /ikke[- ]vestlig|anden etnicitet|etniske? minoritet|indvandrer|flygtning|tosproged/i },
  { tag: 'internationale studerende', kind: 'målgruppe', meaning: 'udenlandske studerende og dimittender', scope: 'all',
    pattern: /udenlandske studerende|internationale studerende/i },
  { tag: 'aktivitetsparate', kind: 'målgruppe', meaning: 'unge vurderet aktivitetsparate (ikke klar til uddannelse eller job inden for et år)', scope: 'all',
    pattern: /aktivitetsparat/i },
  { tag: 'uddannelseshjælp', kind: 'målgruppe', meaning: 'unge på uddannelseshjælp', scope: 'all',
    pattern: /uddannelseshjælp/i },
  { tag: 'skoleelever', kind: 'målgruppe', meaning: 'elever i grundskolen / udskolingen', scope: 'all',
    pattern: /folkeskole|grundskole|udskoling|udkoling|overbygning|\b(?:10|[0-9])\.\s*(?:(?:-|–|til)\s*(?:10|[0-9])\.\s*)?klasse|\b[6-9]\.\s*(?:(?:-|–|til)\s*[6-9]\.\s*)?årgang/i },
  { tag: 'dimittender', kind: 'målgruppe', meaning: 'nyuddannede', scope: 'all',
    pattern: /dimittend|nyuddannede/i },
  // What kind of help it gives.
  { tag: 'mentor', kind: 'indsats', meaning: 'mentor, erhvervsmentor eller støttekontaktperson', scope: 'all',
    pattern: /mentor|støttekontaktperson/i },
  { tag: 'praktik', kind: 'indsats', meaning: 'virksomheds-, erhvervs- eller snusepraktik', scope: 'all',
    pattern: /praktik/i },
  { tag: 'vejledning', kind: 'indsats', meaning: 'uddannelses-, job- eller karrierevejledning', scope: 'all',
    pattern: /vejledning|vejledningsindsats|karriererådgivning|karrierelæring/i },
  { tag: 'brobygning', kind: 'indsats', meaning: 'brobygning og overgange mellem skole, uddannelse og job', scope: 'all',
    pattern: /brobygning|overgange?n?\b|overgangsperiode|\bbro til|job-bro/i },
  { tag: 'fastholdelse', kind: 'indsats', meaning: 'fastholdelse i uddannelse eller job', scope: 'all',
    pattern: /fastholdels/i },
  { tag: 'fritid og fællesskab', kind: 'indsats', meaning: 'fritidsaktiviteter, fællesskab, motion, foreninger', scope: 'all',
    pattern: /fritidsaktivitet|fællesskab|fællesspisning|socialt samvær|(?<!fag)forening|idræt|motion\b|fitness|netværksgruppe|café/i },
  { tag: 'fritidsjob og småjob', kind: 'indsats', meaning: 'fritidsjob, småjob og lønnede timer', scope: 'all',
    pattern: /fritidsjob|småjob|lønnede timer/i },
  { tag: 'STU/FGU', kind: 'indsats', meaning: 'særligt tilrettelagt ungdomsuddannelse (STU) eller forberedende grunduddannelse (FGU)', scope: 'all',
    pattern: /\bSTU\b|\bFGU\b|[Ss]ærligt? [Tt]ilrettelagt [Uu]ngdomsuddannelse|[Ff]orberedende [Gg]runduddannelse/ },
  { tag: 'erhvervsuddannelse', kind: 'indsats', meaning: 'erhvervsuddannelse (EUD), læreplads', scope: 'all',
    pattern: /\bEUD\b|[Ee]rhvervsuddannelse|læreplads|lærepladser/ },
  { tag: 'uddannelse', kind: 'indsats', meaning: 'sigter mod at den unge starter og gennemfører en uddannelse', scope: 'aims',
    pattern: /uddannelse/i },
  { tag: 'job', kind: 'indsats', meaning: 'sigter mod job, beskæftigelse eller selvforsørgelse', scope: 'aims',
    pattern: /\bjob|beskæftigelse|ansættelse|arbejdsmarked|selvforsørg/i },
  { tag: 'virksomhedssamarbejde', kind: 'indsats', meaning: 'samarbejde med lokale virksomheder og erhvervsliv', scope: 'all',
    pattern: /virksomhedsnetværk|virksomhedsrettet|lokale virksomheder|erhvervsliv|virksomhedskonsulent|virksomhedsledere|virksomhedsbesøg/i },
  { tag: 'koordinering', kind: 'indsats', meaning: 'koordineret, tværfaglig indsats, én indgang', scope: 'all',
    pattern: /koordiner|tværfaglig|tværgående|sammenhængende|overgangskonference|k-møde|én indgang|\ben indgang|one stop/i },
  { tag: 'håndholdt indsats', kind: 'indsats', meaning: 'tæt, håndholdt opfølgning', scope: 'all',
    pattern: /håndholdt/i },
];

/** Every tag, in vocabulary order. */
export const TAG_VOCABULARY: readonly string[] = TAG_RULES.map((r) => r.tag);

/** Tags for an entry by the keyword rules, in vocabulary order. */
export function deriveTags(title: string, d: CatalogDescription): string[] {
  const all = [title, d.background, d.purpose, d.targetGroup, d.actors, d.economy, d.effect, d.general]
    .filter(Boolean)
    .join('\n');
  const aimParts = [d.purpose, d.targetGroup, d.effect].filter(Boolean);
  const aims = [title, ...(aimParts.length ? aimParts : [d.general])].filter(Boolean).join('\n');
  return TAG_RULES.filter((r) => r.pattern.test(r.scope === 'aims' ? aims : all)).map((r) => r.tag);
}
