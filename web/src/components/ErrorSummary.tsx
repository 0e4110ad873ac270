import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '../api/client.ts';

/**
 * The list of form errors at the top of a form, each linking to its field.
 * It takes focus when it appears so keyboard and screen reader users hear it.
 * `fields` map a field name to the input id it links to (default: the name itself).
 */
export function ErrorSummary({ errors, idFor = (f) => f }: { errors: FieldError[]; idFor?: (field: string) => string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.length) ref.current?.focus();
  }, [errors]);
  if (!errors.length) return null;
  return (
    <div className="alert alert-error error-summary" role="alert" tabIndex={-1} ref={ref}>
      <div className="alert-body">
        <h2 className="alert-heading">{t('errorSummary.heading')}</h2>
        <ul className="alert-text nobullet-list">
          {errors.map((e) => (
            <li key={e.field + e.message}>
              <a className="function-link" href={`#${idFor(e.field)}`}>{e.message}</a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
