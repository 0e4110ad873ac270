import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'dkfds/dist/css/dkfds.min.css';
import './styles.css';
import './i18n/index.ts';
import { App } from './app/App.tsx';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
