import { useCallback, useEffect, useState } from 'react';
import { api, ApiError, type FieldError } from '../../api/client.ts';

/** GET with a reload function; keeps the last data while reloading. */
export function useLoad<T>(path: string | null, query?: Record<string, string | number | boolean | undefined>) {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<ApiError | null>(null);
  const [tick, setTick] = useState(0);
  const key = JSON.stringify(query ?? {});
  useEffect(() => {
    if (!path) return;
    const controller = new AbortController();
    api.get<T>(path, { query: JSON.parse(key) as typeof query, signal: controller.signal })
      .then((d) => { setData(d); setError(null); })
      .catch((err: unknown) => {
        if (!controller.signal.aborted) setError(err instanceof ApiError ? err : new ApiError(0, 'unknown', String(err)));
      });
    return () => controller.abort();
  }, [path, key, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, reload };
}

/** A form submit with the API's field errors kept for the form. */
export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const run = useCallback(async <T,>(fn: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(null);
    try {
      return await fn();
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'unknown', String(err)));
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  const fieldError = (field: string): string | undefined => error?.fields.find((f: FieldError) => f.field === field)?.message;
  return { busy, error, run, fieldError, clear: () => setError(null) };
}

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
