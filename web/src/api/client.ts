import type { Static } from '@sinclair/typebox';
import type { ErrorResponse } from '../../../src/auth/schemas.ts';

type ErrorBody = Static<typeof ErrorResponse>['error'];
export type FieldError = NonNullable<ErrorBody['fields']>[number];

/** An error answer from the API, or a network failure (status 0, code 'network'). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;

/** Set by the session provider after login / session load. */
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

/** Called when any call answers 401 (session expired): the app returns to the login page. */
export function setUnauthenticatedHandler(handler: (() => void) | null) {
  onUnauthenticated = handler;
}

export interface RequestOptions {
  /** Query parameters; undefined values are left out. */
  query?: Record<string, string | number | boolean | undefined>;
  /** Do not run the 401 handler (login form, session probe). */
  allowUnauthenticated?: boolean;
  signal?: AbortSignal;
}

const NETWORK_MESSAGE: Record<string, string> = {
  da: 'Der er ingen forbindelse til serveren. Prøv igen om lidt.',
  en: 'The server cannot be reached. Please try again shortly.',
};

async function request<T>(method: string, path: string, body?: unknown, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let url = path;
  if (opts.query) {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(opts.query)) if (v !== undefined) params.set(k, String(v));
    const qs = params.toString();
    if (qs) url += `?${qs}`;
  }
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal: opts.signal,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    const lang = document.documentElement.lang === 'en' ? 'en' : 'da';
    throw new ApiError(0, 'network', NETWORK_MESSAGE[lang]);
  }
  if (res.status === 204) return undefined as T;
  const data: unknown = res.headers.get('content-type')?.includes('json') ? await res.json() : null;
  if (res.ok) return data as T;
  const err = (data as { error?: ErrorBody } | null)?.error;
  const apiError = new ApiError(res.status, err?.code ?? 'http_' + res.status, err?.message ?? res.statusText, err?.fields ?? []);
  if (res.status === 401 && !opts.allowUnauthenticated) onUnauthenticated?.();
  throw apiError;
}

/** JSON calls to the API with the session cookie and the CSRF header on writes. */
export const api = {
  get: <T>(path: string, opts?: RequestOptions) => request<T>('GET', path, undefined, opts),
  post: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('POST', path, body, opts),
  put: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('PUT', path, body, opts),
  patch: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('PATCH', path, body, opts),
  delete: <T>(path: string, opts?: RequestOptions) => request<T>('DELETE', path, undefined, opts),
};
