// Shared with the other features: web/src/components/useApi.ts
export { useLoad, useSubmit } from '../../components/useApi.ts';

export const danish = new Intl.Collator('da');
export const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

export const formatDate = (iso: string | null | undefined, lang: string) =>
  iso ? new Date(iso.length === 10 ? `${iso}T12:00:00` : iso).toLocaleDateString(lang === 'en' ? 'en-GB' : 'da-DK') : '–';

/** The number in an ISO week key from the server ('2026-W48' → 48): people say "uge 48", not the key. */
export const weekNumber = (key: string) => Number(key.slice(key.indexOf('W') + 1));

export const weekdayName = (iso: string, lang: string) =>
  new Date(`${iso}T12:00:00`).toLocaleDateString(lang === 'en' ? 'en-GB' : 'da-DK', { weekday: 'long', day: 'numeric', month: 'long' });

// The form controls are shared: web/src/components/FormControls.tsx
export { Select, TextArea, Checkboxes } from '../../components/FormControls.tsx';

export const formatDateTime = (iso: string, lang: string) =>
  new Date(iso).toLocaleString(lang === 'en' ? 'en-GB' : 'da-DK', { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });
