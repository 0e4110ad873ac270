import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MENTOR_KINDS } from './schemas.ts';

// A professional mentor (støttekontaktperson) logs in with the same role as a
// volunteer (registry-routes.ts: roleForKind), so the role's name must fit both (#21:
// the header and the user list called a professional mentor "Frivillig erhvervsmentor").
describe('the mentor role\'s name', () => {
  const read = (file: string) => JSON.parse(readFileSync(file, 'utf8'));
  it.each(['da', 'en'])('fits a professional mentor as well as a volunteer (%s)', (lang) => {
    expect(MENTOR_KINDS).toContain('professional');
    const role = read(`web/src/i18n/${lang}.json`).roles.volunteer_mentor as string;
    const start = read(`web/src/features/start/i18n/${lang}.json`).volunteer_mentor as { title: string; intro: string };
    for (const text of [role, start.title, start.intro]) expect(text).not.toMatch(/frivillig|volunteer/i);
  });
});
