-- A calendar chosen for single sessions is read back like a push target, so that the two-way rules see what
-- happens to those sessions there.
ALTER TABLE external_calendar ADD COLUMN holds_chosen_sessions BOOLEAN DEFAULT FALSE NOT NULL;
