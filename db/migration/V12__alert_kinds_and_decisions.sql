-- What each admin alert is about and how it was decided, so that the console and the API offer the right choice
-- (approve or refuse a late cancellation, release a held calendar) instead of reading the message.
-- Alerts from before this change are notices: read, then marked done.
ALTER TABLE admin_alert ADD COLUMN kind VARCHAR(32) DEFAULT 'NOTICE' NOT NULL;
ALTER TABLE admin_alert ADD COLUMN account_id VARCHAR(36);
ALTER TABLE admin_alert ADD COLUMN calendar_id VARCHAR(36);
ALTER TABLE admin_alert ADD COLUMN decision VARCHAR(16);
CREATE INDEX ix_admin_alert_calendar ON admin_alert (tenant_id, calendar_id);
