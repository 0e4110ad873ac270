import { lazyPage } from '../../app/lazy.tsx';
import type { StartWidget } from '../../app/registry.ts';

/** The start feature adds no pages of its own (the start pages are the '/' route); it contributes widgets. */
export const startWidgets: StartWidget[] = [
  { roles: ['counsellor', 'admin'], element: lazyPage(() => import('./CaseloadWidget.tsx'), 'CaseloadWidget'), order: 10 },
];
