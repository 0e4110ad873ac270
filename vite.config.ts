import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = path.dirname(fileURLToPath(import.meta.url));

// The web client: source in web/, built into dist/web (served by the API server
// with an SPA fallback). `npm start` rebuilds it when web/ is newer than the build.
export default defineConfig({
  root: path.join(here, 'web'),
  publicDir: false,
  plugins: [react()],
  resolve: {
    // dkfds' package "exports" only expose its JS; the CSS, fonts and icons live in dist/.
    alias: [{ find: /^dkfds\/dist\//, replacement: path.join(here, 'node_modules/dkfds/dist/') + '/' }],
  },
  build: {
    outDir: path.join(here, 'dist/web'),
    emptyOutDir: true,
    // Never inline assets as data: URIs: the CSP allows fonts only from 'self'.
    assetsInlineLimit: 0,
    sourcemap: true,
    chunkSizeWarningLimit: 1000,
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:3000' },
  },
});
