import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from './Alert.tsx';

/** Keeps a page that crashes from blanking the whole app: the shell stays, the page shows an error. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    return this.state.error ? <PageError message={this.state.error.message} /> : this.props.children;
  }
}

function PageError({ message }: { message: string }) {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('error.title')}</h1>
      <Alert variant="error">{message}</Alert>
      <p>
        <button type="button" className="button button-secondary" onClick={() => window.location.reload()}>
          {t('error.retry')}
        </button>
      </p>
    </>
  );
}
