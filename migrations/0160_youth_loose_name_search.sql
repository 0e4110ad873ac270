-- Caseload search forgives how Danish letters are typed on a keyboard without
-- them: "norgaard", "noergaard" and "nørgaard" all find "Nørgaard". The key folds æ/ø/å to a/o/a and then the two-letter spellings
-- aa/ae/oe to one letter, so every spelling lands on the same key. The query is
-- folded the same way in src/youth/domain.ts (searchKey); keep the two in step.
CREATE FUNCTION loose_search_key(s text) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT replace(replace(replace(
    regexp_replace(lower(unaccent(translate(s, 'ÆæØøÅå', 'aaooaa'))), '\s+', ' ', 'g'),
    'aa', 'a'), 'ae', 'a'), 'oe', 'o')
$$;

CREATE OR REPLACE FUNCTION young_people_search_name() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_name := loose_search_key(NEW.first_name || ' ' || NEW.last_name);
  RETURN NEW;
END $$;

UPDATE young_people SET search_name = loose_search_key(first_name || ' ' || last_name);
