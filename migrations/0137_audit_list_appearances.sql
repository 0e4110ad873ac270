-- A list view (caseload, search, follow-ups …) wrote one audit row with no
-- subject, so a young person never saw that they appeared in a list (issue #22).
-- The list's row now names everyone in it, one row per list (not per person, so
-- a list of 50 stays one insert), and the young person's access log finds it
-- through this GIN index. The ids are part of the row's hash when present
-- (src/core/audit-chain.ts); rows without them hash as before.
ALTER TABLE audit_log ADD COLUMN subject_ids uuid[];
CREATE INDEX audit_log_subject_ids_idx ON audit_log USING gin (subject_ids);
