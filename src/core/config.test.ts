import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration', () => {
  it('has working defaults for a fresh clone', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ PORT: 3000, DATA_DIR: './data', DEMO_SEED: true });
    expect(c.DATABASE_URL).toBeUndefined();
  });

  it('reads numbers and booleans from the environment', () => {
    expect(loadConfig({ PORT: '8080', DEMO_SEED: 'false' })).toMatchObject({ PORT: 8080, DEMO_SEED: false });
  });

  it('names every bad setting in one clear message', () => {
    expect(() => loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x' });
    } catch (err) {
      expect((err as Error).message).toMatch(/PORT/);
      expect((err as Error).message).toMatch(/DATABASE_URL/);
    }
  });
});
