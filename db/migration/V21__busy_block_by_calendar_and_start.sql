-- The scheduling assistant and the conflicts read busy blocks by their people's calendars and a window: from the
-- few calendars of those people to the blocks that start before the window ends.
CREATE INDEX ix_busy_block_calendar_start ON busy_block (calendar_id, starts_at);
