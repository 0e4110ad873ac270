-- Screening answers the matching criteria need (issue #7): can the young person
-- manage early mornings and heavy lifting (NULL = not asked: no limit), and do
-- they need a mentor they can reach after 17:00 ('not_needed', 'wanted' = a
-- soft criterion, 'required' = a hard limit; NULL = not asked: neutral).
ALTER TABLE screenings
  ADD COLUMN can_do_early_mornings boolean,
  ADD COLUMN can_lift boolean,
  ADD COLUMN after_hours_mentor text CHECK (after_hours_mentor IN ('not_needed', 'wanted', 'required'));
