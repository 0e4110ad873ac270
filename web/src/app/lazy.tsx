import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A page (or start widget) loaded when it is first shown, so the first page a
 * user opens does not carry every feature's code. `load` is a dynamic import of
 * the module; `name` the export to show.
 *
 *   { path: '/youth', element: lazyPage(() => import('./CaseloadPage.tsx'), 'CaseloadPage') }
 */
export function lazyPage<M, K extends keyof M & string>(
  load: () => Promise<M>,
  name: K,
  props: Record<string, unknown> & { key?: string } = {},
): ReactNode {
  const Page = lazy(async () => ({ default: (await load())[name] as unknown as ComponentType<Record<string, unknown>> }));
  const { key, ...rest } = props;
  return (
    <Suspense key={key} fallback={<Loading />}>
      <Page {...rest} />
    </Suspense>
  );
}

function Loading() {
  const { t } = useTranslation();
  return <p role="status" className="lazy-loading">{t('loading')}</p>;
}
