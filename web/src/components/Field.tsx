import type { InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className'>;

/**
 * A labelled DKFDS text input. The hint and the error are tied to the input with
 * aria-describedby; an error also sets aria-invalid.
 */
export function Field({ id, label, hint, error, ...input }: InputProps & {
  id: string;
  label: string;
  hint?: string;
  error?: string;
}) {
  const { t } = useTranslation();
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className={`form-group${error ? ' form-error' : ''}`}>
      <label className="form-label" htmlFor={id}>{label}</label>
      {hint && <span className="form-hint" id={`${id}-hint`}>{hint}</span>}
      {error && (
        <span className="form-error-message" id={`${id}-error`}>
          <span className="sr-only">{t('field.errorPrefix')} </span>{error}
        </span>
      )}
      <input
        id={id}
        className="form-input"
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
        {...input}
      />
    </div>
  );
}
