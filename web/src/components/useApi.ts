import { useCallback, useEffect, useState } from 'react';
import { api, ApiError, type FieldError, type RequestOptions } from '../api/client.ts';

export type Loaded<T> =
  | { state: 'loading' }
  | { state: 'error'; error: ApiError }
  | { state: 'done'; data: T };

/** Loads GET <path> when the component mounts (and when path or query changes). */
export function useApiGet<T>(path: string | null, query?: RequestOptions['query']): Loaded<T> {
  const [result, setResult] = useState<Loaded<T>>({ state: 'loading' });
  const queryKey = JSON.stringify(query ?? {});
  useEffect(() => {
    if (!path) return;
    const controller = new AbortController();
    setResult({ state: 'loading' });
    api.get<T>(path, { query: JSON.parse(queryKey) as RequestOptions['query'], signal: controller.signal })
      .then((data) => setResult({ state: 'done', data }))
      .catch((err: unknown) => {
        if (controller.signal.aborted) return;
        setResult({ state: 'error', error: err instanceof ApiError ? err : new ApiError(0, 'unknown', String(err)) });
      });
    return () => controller.abort();
  }, [path, queryKey]);
  return result;
}

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
