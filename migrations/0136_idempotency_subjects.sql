-- Stored Idempotency-Key responses (src/security/idempotency.ts) name the people
-- they concern, so erasure and retention can remove them (issue #22): the ids
-- found in the request path, the request body and the response. The response
-- body itself is now stored encrypted (AES-256-GCM under SECRETS_KEY).
ALTER TABLE idempotency_keys ADD COLUMN subject_ids uuid[] NOT NULL DEFAULT '{}';
UPDATE idempotency_keys SET subject_ids = ARRAY(
  SELECT DISTINCT m[1]::uuid
  FROM regexp_matches(lower(path || ' ' || coalesce(response_body, '')), '([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})', 'g') AS m
);
CREATE INDEX idempotency_keys_subjects_idx ON idempotency_keys USING gin (subject_ids);
