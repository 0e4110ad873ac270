import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '../../api/client.ts';

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
