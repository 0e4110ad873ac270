// Status of an initiative from its period text (and, when that says nothing,
// its description): anchored in operations, a running project, or ended.
//
// Order of the rules:
// 1. words that say it runs permanently ("forankret", "i driften",
//    "implementeret", "ikke tidsbegrænset", "fast aktivitet" …) → anchored;
// 2. an end date before `today`, unless the text says it continues → ended;
// 3. otherwise → project.

import type { CatalogStatus } from './types.ts';

const ANCHORED = new RegExp(
  [
    'forankret',
    '\\bi driften?\\b',
    'implementeret',
    'implementering',
    'implementeres',
    'ikke tidsbegrænset',
    'ikke (?:er )?begrænset af en projektperiode',
    'ikke fastsat udløbsdato',
    'fast aktivitet',
    'integreret del',
    'ikke længere projektstatus',
    'permanent',
    'kontinuerlig',
    'løbende indsats',
    'forløber fortsat',
    'hele året',
    'del af (?:\\S+ )?tilbudsvifte',
  ].join('|'),
  'i',
);

/** Only strong phrases count in a description: it often uses "forankret" loosely. */
const ANCHORED_IN_DESCRIPTION = /forankret i (?:den )?drift|implementeret i driften|er (?:nu )?forankret|permanent bevilling|ikke tidsbegrænset/i;

const CONTINUES = /fortsætter|videreført|videreføres|forlænget|forlænges|løber videre|tilbagevendende|evt\. fortsættelse/i;
const STOPPED = /\b(ophørt|nedlagt|lukket|stoppet)\b/i;

export function toIsoDay(today: Date | string): string {
  if (typeof today === 'string') return today.slice(0, 10);
  return Number.isNaN(today.getTime()) ? new Date().toISOString().slice(0, 10) : today.toISOString().slice(0, 10);
}

export function deriveStatus(input: {
  periodText: string;
  end?: string;
  descriptionText: string;
  today: Date | string;
}): CatalogStatus {
  const { periodText, end, descriptionText } = input;
  if (ANCHORED.test(periodText)) return 'anchored';
  if (STOPPED.test(periodText)) return 'ended';
  if (end && end < toIsoDay(input.today) && !CONTINUES.test(periodText)) return 'ended';
  const periodSaysNothing = !end && !/\d{4}/.test(periodText);
  if (periodSaysNothing && ANCHORED_IN_DESCRIPTION.test(descriptionText)) return 'anchored';
  return 'project';
}
