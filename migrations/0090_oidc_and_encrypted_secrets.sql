-- Staff sign-in with the municipality's OpenID Connect provider (src/auth/oidc.ts).

-- The provider's stable subject id, stored at the first sign-in matched by e-mail;
-- later sign-ins match on it, so a changed e-mail at the provider still finds the user.
ALTER TABLE users ADD COLUMN oidc_subject text;
CREATE UNIQUE INDEX users_oidc_subject_key ON users (oidc_subject) WHERE oidc_subject IS NOT NULL;

-- One row per started sign-in: the PKCE verifier and nonce stay on the server,
-- keyed by a hash of the state (also held in the browser's cookie). Deleted when
-- used (single use) and ignored after 10 minutes. No personal data.
CREATE TABLE oidc_login_requests (
  state_hash text PRIMARY KEY,
  code_verifier text NOT NULL,
  nonce text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX oidc_login_requests_created_at_idx ON oidc_login_requests (created_at);

-- TOTP secrets are now encrypted by the app with SECRETS_KEY (AES-256-GCM,
-- src/core/secrets.ts) as `v1.<iv>.<ciphertext>.<tag>`. Rows written before this
-- migration are encrypted by the app when it starts (src/auth/totp.ts), because
-- the key is not available to SQL.
COMMENT ON COLUMN user_totp.secret IS 'AES-256-GCM ciphertext (v1.iv.ct.tag, base64url) bound to user_id; key: SECRETS_KEY';
