-- Matching: coordinates (filled by the geocoder, src/geo/), weights per partnership,
-- and the counsellor's decisions on suggestions with a link to what they created.

-- geo_key = the address text that was geocoded; when the address changes the key no
-- longer matches and the row is geocoded again. geocoded_at without lat/lon = not found.
ALTER TABLE young_people ADD COLUMN lat double precision, ADD COLUMN lon double precision,
  ADD COLUMN geo_key text, ADD COLUMN geocoded_at timestamptz;
ALTER TABLE companies ADD COLUMN lat double precision, ADD COLUMN lon double precision,
  ADD COLUMN geo_key text, ADD COLUMN geocoded_at timestamptz;
ALTER TABLE openings ADD COLUMN lat double precision, ADD COLUMN lon double precision,
  ADD COLUMN geo_key text, ADD COLUMN geocoded_at timestamptz;

-- One row per partnership and kind; weights is a JSON object criterion → weight ≥ 0.
-- Missing criteria fall back to the defaults in src/matching/engine.
CREATE TABLE match_weights (
  partnership_id uuid NOT NULL REFERENCES partnerships (id),
  kind text NOT NULL CHECK (kind IN ('opening', 'mentor')),
  weights jsonb NOT NULL,
  updated_by uuid REFERENCES users (id) ON DELETE SET NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (partnership_id, kind)
);

CREATE TABLE match_decisions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  partnership_id uuid NOT NULL REFERENCES partnerships (id),
  young_person_id uuid NOT NULL REFERENCES young_people (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('opening', 'mentor')),
  -- openings.id or mentors.id (no FK: the candidate may be deleted later; the decision stays).
  candidate_id uuid NOT NULL,
  decision text NOT NULL CHECK (decision IN ('accepted', 'rejected')),
  reason text CHECK (reason IS NULL OR char_length(reason) BETWEEN 2 AND 1000),
  -- 'single' = from one young person's list; 'batch' = from "Foreslå for alle".
  source text NOT NULL CHECK (source IN ('single', 'batch')),
  score numeric(5,1),
  rank integer,
  placement_id uuid REFERENCES placements (id) ON DELETE SET NULL,
  mentorship_id uuid REFERENCES mentorships (id) ON DELETE SET NULL,
  decided_by uuid REFERENCES users (id) ON DELETE SET NULL,
  decided_at timestamptz NOT NULL DEFAULT now(),
  -- A rejection always says why. (Links are not CHECKed: a deleted placement sets them NULL.)
  CHECK (decision = 'accepted' OR reason IS NOT NULL)
);
CREATE INDEX match_decisions_yp_idx ON match_decisions (young_person_id, decided_at);
CREATE INDEX match_decisions_partnership_idx ON match_decisions (partnership_id, kind, decision);
