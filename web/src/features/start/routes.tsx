import type { StartWidget } from '../../app/registry.ts';
import { CaseloadWidget } from './CaseloadWidget.tsx';

/** The start feature adds no pages of its own (the start pages are the '/' route); it contributes widgets. */
export const startWidgets: StartWidget[] = [
  { roles: ['counsellor', 'admin'], element: <CaseloadWidget />, order: 10 },
];
