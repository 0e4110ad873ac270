-- The earliest day a company can take a young person on an opening ("tidligst
-- start"). NULL means a flexible start. Matching compares it with the young
-- person's own earliest start.
ALTER TABLE openings ADD COLUMN earliest_start date;
