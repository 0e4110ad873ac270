import type { ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { describedBy, FieldFrame } from './Field.tsx';

/** A labelled DKFDS select; the error is tied to it. */
export function Select({ id, label, error, hint, options, ...rest }: Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> & {
  id: string; label: string; error?: string; hint?: string; options: { value: string; label: string }[];
}) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <select id={id} className="form-select" aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} {...rest}>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </FieldFrame>
  );
}

export function TextArea({ id, label, error, hint, ...rest }: Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> & { id: string; label: string; error?: string; hint?: string }) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <textarea id={id} className="form-input" rows={3} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} {...rest} />
    </FieldFrame>
  );
}

/** One DKFDS checkbox with its label, in the wrapper DKFDS positions its box against. */
export function Checkbox({ id, label, checked, onChange }: { id: string; label: ReactNode; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <div className="form-group form-group-checkbox">
      <input className="form-checkbox" type="checkbox" id={id} checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

/** A group of checkboxes in a fieldset with a legend. */
export function Checkboxes({ id, legend, options, value, onChange, error }: {
  id: string; legend: string; options: { value: string; label: ReactNode }[]; value: string[]; onChange: (v: string[]) => void; error?: string;
}) {
  return (
    <fieldset className={`form-group${error ? ' form-error' : ''}`} id={id}>
      <legend className="form-label">{legend}</legend>
      {error && <span className="form-error-message">{error}</span>}
      <ul className="nobullet-list">
        {options.map((o) => (
          <li key={o.value} className="form-group-checkbox">
            <input
              className="form-checkbox"
              type="checkbox"
              id={`${id}-${o.value}`}
              checked={value.includes(o.value)}
              onChange={(e) => onChange(e.target.checked ? [...value, o.value] : value.filter((x) => x !== o.value))}
            />
            <label htmlFor={`${id}-${o.value}`}>{o.label}</label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
