-- How long each tenant keeps what CalSync read from calendars: busy times after they end, and the sync log.
ALTER TABLE tenant ADD COLUMN busy_retention_days INTEGER DEFAULT 30 NOT NULL;
ALTER TABLE tenant ADD COLUMN log_retention_days INTEGER DEFAULT 90 NOT NULL;
-- The daily purge deletes by these.
CREATE INDEX ix_busy_block_ends ON busy_block (tenant_id, ends_at);
CREATE INDEX ix_sync_run_finished ON sync_run (tenant_id, finished_at);
-- The nightly purge runs on whichever instance takes this lease.
INSERT INTO scheduler_lease (name, holder, expires_at) VALUES ('retention-purge', NULL, TIMESTAMP WITH TIME ZONE '2000-01-01 00:00:00+00:00');
