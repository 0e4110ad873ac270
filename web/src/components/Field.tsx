import type { InputHTMLAttributes, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className'>;

/**
 * A labelled DKFDS text input. The hint and the error are tied to the input with
 * aria-describedby; an error also sets aria-invalid.
 */
/** The hint and error ids an input is described by, or undefined when there are none. */
export function describedBy(id: string, hint?: string, error?: string) {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
}

/** The DKFDS frame every labelled control shares: label, hint and error around the control. */
export function FieldFrame({ id, label, hint, error, errorPrefix, children }: {
  id: string; label: string; hint?: string; error?: string; errorPrefix?: string; children: ReactNode;
}) {
  return (
    <div className={`form-group${error ? ' form-error' : ''}`}>
      <label className="form-label" htmlFor={id}>{label}</label>
      {hint && <span className="form-hint" id={`${id}-hint`}>{hint}</span>}
      {error && (
        <span className="form-error-message" id={`${id}-error`}>
          {errorPrefix && <span className="sr-only">{errorPrefix} </span>}{error}
        </span>
      )}
      {children}
    </div>
  );
}

export function Field({ id, label, hint, error, ...input }: InputProps & {
  id: string;
  label: string;
  hint?: string;
  error?: string;
}) {
  const { t } = useTranslation();
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} errorPrefix={t('field.errorPrefix')}>
      <input
        id={id}
        className="form-input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...input}
      />
    </FieldFrame>
  );
}
