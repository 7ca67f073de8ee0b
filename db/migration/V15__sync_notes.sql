-- What a sync did, an alert asks and a hold is for, stored as a kind with its names and numbers instead of an
-- English sentence, so that each reader gets it in their own language (SyncNote). Sentences written before
-- are kept as they were, under the kind RECORDED_EARLIER.
CREATE TABLE sync_run_note (
    run_id   VARCHAR(36)   NOT NULL,
    position INTEGER       NOT NULL,
    kind     VARCHAR(40)   NOT NULL,
    who      VARCHAR(300),
    subject  VARCHAR(300),
    at_local TIMESTAMP,
    how_many INTEGER,
    total    INTEGER,
    detail   VARCHAR(2000),
    CONSTRAINT pk_sync_run_note PRIMARY KEY (run_id, position),
    CONSTRAINT fk_sync_run_note_run FOREIGN KEY (run_id) REFERENCES sync_run (id) ON DELETE CASCADE
);
INSERT INTO sync_run_note (run_id, position, kind, detail)
    SELECT id, 0, 'RECORDED_EARLIER', message FROM sync_run WHERE message IS NOT NULL AND outcome <> 'FAILED';
-- From now on a run's message is only a failure's technical text.
UPDATE sync_run SET message = NULL WHERE outcome <> 'FAILED';

ALTER TABLE admin_alert ADD COLUMN note_kind VARCHAR(40);
ALTER TABLE admin_alert ADD COLUMN note_who VARCHAR(300);
ALTER TABLE admin_alert ADD COLUMN note_subject VARCHAR(300);
ALTER TABLE admin_alert ADD COLUMN note_at TIMESTAMP;
ALTER TABLE admin_alert ADD COLUMN note_how_many INTEGER;
ALTER TABLE admin_alert ADD COLUMN note_total INTEGER;
ALTER TABLE admin_alert ADD COLUMN note_detail VARCHAR(2000);
UPDATE admin_alert SET note_kind = 'RECORDED_EARLIER', note_detail = message;
ALTER TABLE admin_alert ALTER COLUMN note_kind SET NOT NULL;
ALTER TABLE admin_alert DROP COLUMN message;

ALTER TABLE external_calendar ADD COLUMN hold_kind VARCHAR(40);
ALTER TABLE external_calendar ADD COLUMN hold_who VARCHAR(300);
ALTER TABLE external_calendar ADD COLUMN hold_subject VARCHAR(300);
ALTER TABLE external_calendar ADD COLUMN hold_at TIMESTAMP;
ALTER TABLE external_calendar ADD COLUMN hold_how_many INTEGER;
ALTER TABLE external_calendar ADD COLUMN hold_total INTEGER;
ALTER TABLE external_calendar ADD COLUMN hold_detail VARCHAR(2000);
UPDATE external_calendar SET hold_kind = 'RECORDED_EARLIER', hold_detail = hold_reason WHERE hold_reason IS NOT NULL;
ALTER TABLE external_calendar DROP COLUMN hold_reason;
