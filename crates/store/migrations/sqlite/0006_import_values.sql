-- What the user said a value of a column means, for a spreadsheet kept between its
-- dry run and its import: one "Column:value=entry" (or "=ignore") a line.
ALTER TABLE pending_imports ADD COLUMN value_map TEXT NOT NULL DEFAULT '';
