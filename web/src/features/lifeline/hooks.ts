import { useCallback, useEffect, useState } from 'react';
import { api, ApiError, type FieldError } from '../../api/client.ts';

/** GET with a reload function; keeps the last data while reloading. Shared by lifeline, mentors and activities. */
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

/** A submit that keeps the API's error (and field errors) for the form. */
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
  return { busy, error, run, fieldError };
}

export const formatDate = (iso: string | null | undefined, lang: string, opts: Intl.DateTimeFormatOptions = {}) =>
  iso ? new Date(iso.length === 10 ? `${iso}T12:00:00` : iso).toLocaleDateString(lang === 'en' ? 'en-GB' : 'da-DK', { timeZone: 'Europe/Copenhagen', ...opts }) : '–';

/** Today's date in Copenhagen as YYYY-MM-DD. */
export const todayLocal = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(new Date());

export const telHref = (phone: string) => `tel:${phone.replace(/[^+0-9]/g, '')}`;
