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

  it('takes the municipality\'s OpenID Connect settings all together or not at all', () => {
    const oidc = { OIDC_ISSUER_URL: 'https://login.kommune.invalid', OIDC_CLIENT_ID: 'fodfaeste', OIDC_CLIENT_SECRET: 'hemmelig', PUBLIC_URL: 'https://fodfaeste.kommune.invalid' };
    expect(loadConfig(oidc)).toMatchObject({ OIDC_CLIENT_ID: 'fodfaeste' });
    expect(() => loadConfig({ OIDC_ISSUER_URL: oidc.OIDC_ISSUER_URL })).toThrow(/OIDC_CLIENT_ID, OIDC_CLIENT_SECRET/);
    expect(() => loadConfig({ ...oidc, PUBLIC_URL: undefined })).toThrow(/OIDC_REDIRECT_URL/);
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
