import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Singular and plural through i18next's plural keys everywhere (#21: "1 dage", "1
// versioner", "dag(e)"). A number put into a text must come through `count` on a
// key with _one/_other forms, or through a nested plural key
// ("$t(unit.days, {\"count\": {{days}} })").

const NOUNS = ['dag', 'dage', 'time', 'timer', 'uge', 'uger', 'version', 'versioner', 'gang', 'gange', 'måned', 'måneder', 'plads', 'pladser', 'mentee', 'mentees'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /i18n\/da\.json$/.test(p) ? [p] : [];
  });
}

function entries(o: unknown, prefix = ''): [string, string][] {
  if (typeof o === 'string') return [[prefix, o]];
  if (o && typeof o === 'object') return Object.entries(o).flatMap(([k, v]) => entries(v, prefix ? `${prefix}.${k}` : k));
  return [];
}

const all = files('web/src').flatMap((file) => entries(JSON.parse(readFileSync(file, 'utf8'))).map(([key, text]) => ({ file, key, text })));

describe('Danish UI texts count in singular and plural', () => {
  it('no hand-made plural such as "dag(e)"', () => {
    expect(all.filter((e) => /\p{L}\((e|er|r|ne)\)/u.test(e.text)).map((e) => `${e.file} ${e.key}: ${e.text}`)).toEqual([]);
  });

  it('no number put straight before a countable word ("{{days}} dage") outside a plural key', () => {
    const straight = new RegExp(`\\{\\{[^}]+\\}\\} (${NOUNS.join('|')})(?![\\p{L}])`, 'u');
    const pluralKey = /_(zero|one|two|few|many|other)$/;
    expect(all.filter((e) => straight.test(e.text) && !pluralKey.test(e.key)).map((e) => `${e.file} ${e.key}: ${e.text}`)).toEqual([]);
  });
});
