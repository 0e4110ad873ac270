import { useEffect, useState } from 'react';
import { api, ApiError, type RequestOptions } from '../api/client.ts';

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
