import { useTranslation } from 'react-i18next';

/** DKFDS spinner with a status text for screen readers. */
export function Spinner({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="spinner-box">
      <div className="spinner" aria-hidden="true"></div>
      <div className="spinner-status" role="status">{label ?? t('loading')}</div>
    </div>
  );
}
