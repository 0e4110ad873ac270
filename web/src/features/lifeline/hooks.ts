// Shared with the other features: web/src/components/useApi.ts
export { useLoad, useSubmit } from '../../components/useApi.ts';

export const formatDate = (iso: string | null | undefined, lang: string, opts: Intl.DateTimeFormatOptions = {}) =>
  iso ? new Date(iso.length === 10 ? `${iso}T12:00:00` : iso).toLocaleDateString(lang === 'en' ? 'en-GB' : 'da-DK', { timeZone: 'Europe/Copenhagen', ...opts }) : '–';

/** Today's date in Copenhagen as YYYY-MM-DD. */
export const todayLocal = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(new Date());

export const telHref = (phone: string) => `tel:${phone.replace(/[^+0-9]/g, '')}`;

/** Today in Copenhagen plus n days, as YYYY-MM-DD (compares as a string with the API's dates). */
export const addDaysLocal = (n: number) => {
  const d = new Date(`${todayLocal()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};
