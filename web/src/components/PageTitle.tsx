import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The page's one <h1>; also sets document.title ("<title> – Fodfæste") and
 * moves focus to the heading after navigation, so screen readers announce the new page.
 */
export function PageTitle({ children, subtitle }: { children: string; subtitle?: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${children} – ${t('app.name')}`;
  }, [children, t]);
  useEffect(() => {
    // Only after in-app navigation: on first load the browser's own focus handling is right.
    if (window.history.state?.idx > 0 && !document.activeElement?.closest('form')) ref.current?.focus();
  }, []);
  return (
    <>
      <h1 ref={ref} tabIndex={-1} className="page-title">{children}</h1>
      {subtitle && <p className="font-lead">{subtitle}</p>}
    </>
  );
}
