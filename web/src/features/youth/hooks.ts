import type { ApiError, FieldError } from '../../api/client.ts';
// Shared with the other features: web/src/components/useApi.ts
export { useLoad, useSubmit } from '../../components/useApi.ts';

/** '' → null for optional text fields. */
export const orNull = (s: string) => (s.trim() === '' ? null : s.trim());
export const numOrNull = (s: string) => (s.trim() === '' ? null : Number(s));
export const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};
export const formatDate = (iso: string | null | undefined, lang: string) =>
  iso ? new Date(iso.length === 10 ? `${iso}T12:00:00` : iso).toLocaleDateString(lang === 'en' ? 'en-GB' : 'da-DK') : '–';

/** Field errors worth listing at the fields (a 409 names only the stored version, which is not a field). */
export const formFields = (error: ApiError | null): FieldError[] =>
  error && error.status !== 409 ? error.fields.filter((f) => f.field !== 'version') : [];
