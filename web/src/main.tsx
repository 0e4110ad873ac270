import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'dkfds/dist/css/dkfds.min.css';
import './styles.css';
import { i18nReady } from './i18n/index.ts';
import { App } from './app/App.tsx';

// English is loaded on demand: a user who chose it sees the first page in English, not Danish first.
void i18nReady.finally(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
