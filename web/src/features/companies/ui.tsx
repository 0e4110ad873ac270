import { useCallback, useEffect, useState, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
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
  return { busy, error, run, fieldError, clear: () => setError(null) };
}

export const danish = new Intl.Collator('da');
export const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

export const formatDate = (iso: string | null | undefined, lang: string) =>
  iso ? new Date(iso.length === 10 ? `${iso}T12:00:00` : iso).toLocaleDateString(lang === 'en' ? 'en-GB' : 'da-DK') : '–';

export const weekdayName = (iso: string, lang: string) =>
  new Date(`${iso}T12:00:00`).toLocaleDateString(lang === 'en' ? 'en-GB' : 'da-DK', { weekday: 'long', day: 'numeric', month: 'long' });

export function Select({ id, label, error, hint, options, ...rest }: Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> & {
  id: string; label: string; error?: string; hint?: string; options: { value: string; label: string }[];
}) {
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`form-group${error ? ' form-error' : ''}`}>
      <label className="form-label" htmlFor={id}>{label}</label>
      {hint && <span className="form-hint" id={`${id}-hint`}>{hint}</span>}
      {error && <span className="form-error-message" id={`${id}-error`}>{error}</span>}
      <select id={id} className="form-select" aria-invalid={error ? true : undefined} aria-describedby={described} {...rest}>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </div>
  );
}

export function TextArea({ id, label, error, hint, ...rest }: Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> & { id: string; label: string; error?: string; hint?: string }) {
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`form-group${error ? ' form-error' : ''}`}>
      <label className="form-label" htmlFor={id}>{label}</label>
      {hint && <span className="form-hint" id={`${id}-hint`}>{hint}</span>}
      {error && <span className="form-error-message" id={`${id}-error`}>{error}</span>}
      <textarea id={id} className="form-input" rows={3} aria-invalid={error ? true : undefined} aria-describedby={described} {...rest} />
    </div>
  );
}

export function Checkboxes({ id, legend, options, value, onChange, error }: {
  id: string; legend: string; options: { value: string; label: ReactNode }[]; value: string[]; onChange: (v: string[]) => void; error?: string;
}) {
  return (
    <fieldset className={`form-group${error ? ' form-error' : ''}`} id={id}>
      <legend className="form-label">{legend}</legend>
      {error && <span className="form-error-message">{error}</span>}
      <ul className="nobullet-list">
        {options.map((o) => (
          <li key={o.value} className="form-check">
            <input className="form-checkbox" type="checkbox" id={`${id}-${o.value}`} checked={value.includes(o.value)}
              onChange={(e) => onChange(e.target.checked ? [...value, o.value] : value.filter((x) => x !== o.value))} />
            <label htmlFor={`${id}-${o.value}`}>{o.label}</label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
