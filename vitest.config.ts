import { defineConfig } from 'vitest/config';
import { testTiers } from './test/tiers.ts';
import { chromiumAvailable, ENABLE_BROWSER_TESTS } from './test/helpers/chromium.ts';

// Three tiers (docs/decisions/006-test-tiers.md):
// - unit: pure logic, no database, one shared module graph per worker (no isolation);
// - http: a fresh copy of a migrated (or migrated + demo-seeded) database per file,
//   on PGlite, or on PostgreSQL when DATABASE_URL is set;
// - browser: the real server and Chromium, always on the embedded database, run once.
// `npm test` runs all three; `npm test -- --project http` runs one.
const tiers = testTiers();
const browserFiles = chromiumAvailable() === 'missing' ? skipBrowserTier(tiers.browser) : tiers.browser;

/** Without Chromium (and no way to install it) the browser tier is left out, saying so plainly. */
function skipBrowserTier(files: string[]): string[] {
  console.warn(`\nChromium is not installed, so these ${files.length} browser test files are SKIPPED:\n  ${files.join('\n  ')}\n` +
    `Enable them with: ${ENABLE_BROWSER_TESTS}\n`);
  return [];
}

export default defineConfig({
  test: {
    setupFiles: ['test/fast-check-seed.ts'],
    pool: 'forks',
    maxWorkers: 2,
    fileParallelism: true,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: 'unit', include: tiers.unit, isolate: false, testTimeout: 30_000 } },
      { extends: true, test: { name: 'http', include: tiers.http, globalSetup: ['test/global-setup.ts'] } },
      {
        extends: true,
        test: {
          name: 'browser',
          include: browserFiles,
          globalSetup: ['test/browser-setup.ts', 'test/global-setup.ts'],
          env: { FODFAESTE_TEST_ENGINE: 'pglite' },
        },
      },
    ],
  },
});
