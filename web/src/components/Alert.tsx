import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from './Icon.tsx';

type Variant = 'info' | 'success' | 'warning' | 'error';

/** DKFDS alert. Errors and warnings are announced (role="alert"). */
export function Alert({ variant, heading, children, headingLevel = 2 }: {
  variant: Variant;
  heading?: string;
  children?: ReactNode;
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const announce = variant === 'error' || variant === 'warning';
  return (
    <div className={`alert alert-${variant}`} role={announce ? 'alert' : undefined}>
      <Icon name={variant} className="alert-icon" label={t(`alert.${variant}`)} />
      <div className="alert-body">
        {heading && <Heading className="alert-heading">{heading}</Heading>}
        {children && <div className="alert-text">{children}</div>}
      </div>
    </div>
  );
}
