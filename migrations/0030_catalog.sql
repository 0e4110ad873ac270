-- The regional initiative catalog (indsatskatalog). Initiatives are shared by all
-- partnerships in the region (no partnership_id); links from young people's
-- pathways to an initiative belong to the partnership that made them.

CREATE TABLE initiatives (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Stable, shareable key "owner-slug/title-slug": re-imports update by it.
  key text NOT NULL UNIQUE CHECK (key ~ '^[a-z0-9-]+/[a-z0-9-]+$'),
  title text NOT NULL CHECK (title <> ''),
  owner text NOT NULL,
  municipality text,
  background text,
  purpose text,
  target_group text,
  actors text,
  economy text,
  effect text,
  general_text text,
  age_min integer CHECK (age_min BETWEEN 0 AND 99),
  age_max integer CHECK (age_max BETWEEN 0 AND 99),
  tags text[] NOT NULL DEFAULT '{}',
  contacts jsonb NOT NULL DEFAULT '[]',
  period_text text,
  period_start date,
  period_end date,
  status text NOT NULL CHECK (status IN ('project', 'anchored', 'ended')),
  source text NOT NULL,
  source_line integer,
  -- sha256 of the imported content: tells "changed" from "unchanged" on re-import.
  content_hash text NOT NULL,
  imported_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- Search text kept by the importer (src/catalog/search-text.ts): tags as words,
  -- all description sections, and lower-cased folded copies (æ→ae, ø→oe, å→aa,
  -- accents removed) so "faellesskab" finds "fællesskab" and the other way round.
  tags_text text NOT NULL DEFAULT '',
  description_text text NOT NULL DEFAULT '',
  folded_title text NOT NULL DEFAULT '',
  folded_text text NOT NULL DEFAULT '',
  -- to_tsvector with an explicit regconfig is immutable, so these can be generated.
  search_doc tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('danish'::regconfig, title), 'A') ||
    setweight(to_tsvector('danish'::regconfig, tags_text), 'B') ||
    setweight(to_tsvector('danish'::regconfig, description_text), 'C')) STORED,
  folded_doc tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('danish'::regconfig, folded_title), 'A') ||
    setweight(to_tsvector('danish'::regconfig, folded_text), 'C')) STORED,
  CONSTRAINT initiatives_age_order CHECK (age_min IS NULL OR age_max IS NULL OR age_min <= age_max)
);
CREATE INDEX initiatives_search_idx ON initiatives USING gin (search_doc);
CREATE INDEX initiatives_folded_idx ON initiatives USING gin (folded_doc);
CREATE INDEX initiatives_trgm_idx ON initiatives USING gin (folded_text gin_trgm_ops);
CREATE INDEX initiatives_owner_idx ON initiatives (owner);
CREATE INDEX initiatives_tags_idx ON initiatives USING gin (tags);

-- One row per import: who, when, which file and what it did.
CREATE TABLE catalog_imports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  imported_by uuid REFERENCES users (id) ON DELETE SET NULL,
  -- 'cli', 'http' or 'demo'.
  via text NOT NULL,
  file_name text NOT NULL,
  format text NOT NULL CHECK (format IN ('text', 'csv', 'xlsx')),
  added integer NOT NULL,
  changed integer NOT NULL,
  unchanged integer NOT NULL,
  warnings integer NOT NULL DEFAULT 0,
  imported_at timestamptz NOT NULL DEFAULT now()
);

-- A partnership links a young person's pathway to an initiative they took part in.
CREATE TABLE initiative_links (
  partnership_id uuid NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
  young_person_id uuid NOT NULL REFERENCES young_people (id) ON DELETE CASCADE,
  initiative_id uuid NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
  linked_at timestamptz NOT NULL DEFAULT now(),
  linked_by uuid REFERENCES users (id) ON DELETE SET NULL,
  PRIMARY KEY (young_person_id, initiative_id)
);
CREATE INDEX initiative_links_initiative_idx ON initiative_links (initiative_id);
