import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

/** Every setting the server reads, with its default. Documented in README ("Konfiguration"). */
export const ConfigSchema = Type.Object({
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000 }),
  HOST: Type.String({ minLength: 1, default: '127.0.0.1' }),
  DATA_DIR: Type.String({ minLength: 1, default: './data' }),
  DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  DB_POOL_SIZE: Type.Integer({ minimum: 1, maximum: 200, default: 10 }),
  PUBLIC_URL: Type.Optional(Type.String({ pattern: '^https?://' })),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
    { default: 'info' },
  ),
  SESSION_IDLE_MINUTES: Type.Integer({ minimum: 1, maximum: 24 * 60, default: 30 }),
  SESSION_ABSOLUTE_HOURS: Type.Integer({ minimum: 1, maximum: 24 * 30, default: 12 }),
  // Answer a session checked in the last minute from memory (src/auth/session-cache.ts).
  SESSION_CACHE: Type.Boolean({ default: true }),
  TRUST_PROXY: Type.Boolean({ default: false }),
  DEMO_SEED: Type.Boolean({ default: true }),
  // Outgoing mail (src/core/mail.ts): smtp://user:pass@host:port or smtps://…; without it no mail is sent.
  SMTP_URL: Type.Optional(Type.String({ pattern: '^smtps?://' })),
  MAIL_FROM: Type.String({ minLength: 3, default: 'Fodfæste <no-reply@fodfaeste.invalid>' }),
  // SMS provider (src/reminders/transports.ts): a JSON POST { to, text, reference } with a bearer token.
  SMS_URL: Type.Optional(Type.String({ pattern: '^https?://' })),
  SMS_TOKEN: Type.Optional(Type.String({ minLength: 1 })),
  // Geocoder (src/geo/): base URL of a DAWA-style address service; without it nothing is geocoded and matching says travel was not judged.
  GEOCODER_URL: Type.Optional(Type.String({ pattern: '^https?://' })),
  // Run the reminder worker (pg-boss, src/reminders/worker.ts) inside the server process.
  WORKER_ENABLED: Type.Boolean({ default: true }),
  // Overload protection (src/security/rate-limit.ts): requests per minute per process; 0 turns a limit off.
  RATE_LIMIT_IP_PER_MINUTE: Type.Integer({ minimum: 0, default: 1200 }),
  RATE_LIMIT_USER_PER_MINUTE: Type.Integer({ minimum: 0, default: 600 }),
  // How long a request may wait for a database connection before it is answered 503.
  DB_CONNECT_TIMEOUT_MS: Type.Integer({ minimum: 100, maximum: 120_000, default: 5000 }),
  // PostgreSQL, server only: a statement running longer is cancelled and answered 503 (0 = no limit).
  DB_STATEMENT_TIMEOUT_MS: Type.Integer({ minimum: 0, maximum: 600_000, default: 30_000 }),
  // Retention (src/ops/retention.ts): months after a pathway ended / months the audit log is kept.
  RETENTION_YOUTH_MONTHS: Type.Integer({ minimum: 1, maximum: 600, default: 24 }),
  AUDIT_RETENTION_MONTHS: Type.Integer({ minimum: 1, maximum: 600, default: 6 }),
  // Key for secrets encrypted at rest (src/core/secrets.ts): 32 bytes as base64 or 64 hex characters.
  // Required when NODE_ENV=production; otherwise a development key is generated in DATA_DIR.
  SECRETS_KEY: Type.Optional(Type.String({ pattern: '^([A-Za-z0-9+/]{43}=|[0-9a-fA-F]{64})$' })),
  // Audit chain anchor (src/core/audit-checkpoint.ts): signed checkpoints of every chain head are written
  // to this folder (default: DATA_DIR's sibling 'audit-checkpoints'; none for memory:// without it), signed
  // with the Ed25519 private key in AUDIT_SIGNING_KEY (a PEM file; default: DATA_DIR's sibling
  // 'audit-signing-key.pem', created on first use). Neither is kept in the database.
  AUDIT_CHECKPOINT_DIR: Type.Optional(Type.String({ minLength: 1 })),
  AUDIT_SIGNING_KEY: Type.Optional(Type.String({ minLength: 1 })),
  // Staff sign-in with the municipality's OpenID Connect provider (src/auth/oidc.ts); all of
  // issuer, client id and secret, or none. The redirect URL defaults to PUBLIC_URL + /login/oidc.
  OIDC_ISSUER_URL: Type.Optional(Type.String({ pattern: '^https?://' })),
  OIDC_CLIENT_ID: Type.Optional(Type.String({ minLength: 1 })),
  OIDC_CLIENT_SECRET: Type.Optional(Type.String({ minLength: 1 })),
  OIDC_REDIRECT_URL: Type.Optional(Type.String({ pattern: '^https?://' })),
  // acr values (comma-separated) that mean the provider did multi-factor sign-in; with
  // partnerships.oidc_accept_mfa on, they stand in for the user's own TOTP (src/auth/oidc-link.ts).
  OIDC_MFA_ACR: Type.Optional(Type.String({ minLength: 1 })),
});
export type Config = Static<typeof ConfigSchema>;

export class ConfigError extends Error {}

const booleans = new Set(['TRUST_PROXY', 'DEMO_SEED', 'WORKER_ENABLED', 'SESSION_CACHE']);
const integers = new Set([
  'PORT', 'DB_POOL_SIZE', 'SESSION_IDLE_MINUTES', 'SESSION_ABSOLUTE_HOURS',
  'RATE_LIMIT_IP_PER_MINUTE', 'RATE_LIMIT_USER_PER_MINUTE', 'DB_CONNECT_TIMEOUT_MS', 'DB_STATEMENT_TIMEOUT_MS', 'RETENTION_YOUTH_MONTHS', 'AUDIT_RETENTION_MONTHS',
]);

/** Reads and validates configuration once; throws ConfigError with one line per problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(ConfigSchema.properties)) {
    const value = env[key];
    if (value === undefined || value === '') continue;
    if (booleans.has(key)) raw[key] = value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value;
    else if (integers.has(key)) raw[key] = /^-?\d+$/.test(value) ? Number(value) : value;
    else raw[key] = value;
  }
  const withDefaults = Value.Default(ConfigSchema, raw);
  const errors = [...Value.Errors(ConfigSchema, withDefaults)];
  if (errors.length > 0) {
    const lines = errors.map((e) => `  ${e.path.slice(1) || '(config)'}: ${e.message} (got ${JSON.stringify(e.value)})`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const config = withDefaults as Config;
  const oidc = ['OIDC_ISSUER_URL', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const;
  const missing = oidc.filter((k) => !config[k]);
  if (missing.length > 0 && missing.length < oidc.length) {
    throw new ConfigError(`Invalid configuration:\n  ${missing.join(', ')}: required when the other OIDC_* settings are set`);
  }
  if (missing.length === 0 && !config.OIDC_REDIRECT_URL && !config.PUBLIC_URL) {
    throw new ConfigError('Invalid configuration:\n  OIDC_REDIRECT_URL: required with OIDC_ISSUER_URL when PUBLIC_URL is not set');
  }
  return config;
}
