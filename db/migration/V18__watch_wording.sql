-- One word for one thing: CalSync "watches" a calendar (a Graph subscription, a Google channel), and a watch
-- brings "notifications". The tenant's switch was called "webhooks"; it is now watch_changes.
ALTER TABLE oauth_registration RENAME COLUMN webhooks TO watch_changes;
ALTER TABLE oauth_registration RENAME COLUMN webhook_problem TO watch_problem;
UPDATE scheduler_lease SET name = 'watch-upkeep' WHERE name = 'webhook-upkeep';
