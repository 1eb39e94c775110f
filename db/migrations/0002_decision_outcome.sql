-- Whether a decision is still open or has been decided, which option was chosen, and why.
ALTER TABLE decisions ADD COLUMN status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'decided'));
ALTER TABLE decisions ADD COLUMN chosen_option_id INTEGER REFERENCES options(id) ON DELETE SET NULL;
ALTER TABLE decisions ADD COLUMN outcome_reason TEXT NOT NULL DEFAULT '';
