import type { Static } from '@sinclair/typebox';
import type { ErrorResponse } from '../../../src/auth/schemas.ts';
import { CPR_MESSAGE, cprFields } from '../../../src/core/cpr.ts';

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
  // The server's CPR rule (src/core/cpr.ts), run before anything leaves the browser: every form
  // sends through here, so a CPR-like number in any text field is shown at the field at once.
  const cpr = body === undefined ? [] : cprFields(body);
  if (cpr.length) throw new ApiError(400, 'cpr_number', CPR_MESSAGE, cpr.map((field) => ({ field, message: CPR_MESSAGE })));
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

/**
 * Sends a file as the request body (no multipart) and returns the JSON answer.
 * Statuses in `answerStatuses` (e.g. 422 with a report) are answers, not errors.
 */
export async function uploadFile<T>(path: string, file: Blob, contentType: string, opts: { query?: Record<string, string>; answerStatuses?: number[] } = {}): Promise<{ status: number; data: T }> {
  const headers: Record<string, string> = { accept: 'application/json', 'content-type': contentType };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  const qs = opts.query ? `?${new URLSearchParams(opts.query).toString()}` : '';
  let res: Response;
  try {
    res = await fetch(path + qs, { method: 'POST', headers, body: file, credentials: 'same-origin' });
  } catch {
    const lang = document.documentElement.lang === 'en' ? 'en' : 'da';
    throw new ApiError(0, 'network', NETWORK_MESSAGE[lang]);
  }
  const data: unknown = res.headers.get('content-type')?.includes('json') ? await res.json() : null;
  if (res.ok || opts.answerStatuses?.includes(res.status)) return { status: res.status, data: data as T };
  const err = (data as { error?: ErrorBody } | null)?.error;
  if (res.status === 401) onUnauthenticated?.();
  throw new ApiError(res.status, err?.code ?? 'http_' + res.status, err?.message ?? res.statusText, err?.fields ?? []);
}

/** JSON calls to the API with the session cookie and the CSRF header on writes. */
export const api = {
  get: <T>(path: string, opts?: RequestOptions) => request<T>('GET', path, undefined, opts),
  post: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('POST', path, body, opts),
  put: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('PUT', path, body, opts),
  patch: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('PATCH', path, body, opts),
  delete: <T>(path: string, opts?: RequestOptions) => request<T>('DELETE', path, undefined, opts),
};
