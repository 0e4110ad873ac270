import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { formFields } from './hooks.ts';

/**
 * A form's errors: field errors as a linked summary; a conflict (409) as a warning
 * with a button that fetches the newest version while what was typed stays.
 */
export function FormErrors({ error, prefix, onReload }: { error: ApiError | null; prefix: string; onReload?: () => void }) {
  const { t } = useTranslation('youth');
  if (!error) return null;
  if (error.status === 409) {
    return (
      <Alert variant="warning" heading={t('person.conflict')}>
        <p>{error.message}</p>
        {onReload && <button type="button" className="button button-secondary" onClick={onReload}>{t('person.reload')}</button>}
      </Alert>
    );
  }
  const fields = formFields(error);
  if (fields.length > 0) return <ErrorSummary errors={fields} idFor={(x) => `${prefix}${x}`} />;
  return <Alert variant="error">{error.message}</Alert>;
}
