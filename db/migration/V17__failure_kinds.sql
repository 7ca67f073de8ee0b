-- What kind of failure a sync run, an account's status and a push met (FailureKind), stored where the failure is
-- caught, so that the pages look the explanation up instead of searching the English text for it. The columns may
-- be empty, so an instance of the release before keeps working beside one of this release during a rolling upgrade.
ALTER TABLE sync_run ADD COLUMN failure_kind VARCHAR(16);
ALTER TABLE calendar_account ADD COLUMN status_kind VARCHAR(16);
ALTER TABLE outbox_entry ADD COLUMN last_failure_kind VARCHAR(16);

-- Failures recorded before get the kind their text suggests, by the rules the pages used until now: each text is
-- classified once, here, and the kinds are copied back to where the texts came from.
CREATE TABLE legacy_failure (source VARCHAR(16) NOT NULL, id VARCHAR(36) NOT NULL, said VARCHAR(2000));
INSERT INTO legacy_failure SELECT 'run', id, message FROM sync_run WHERE outcome = 'FAILED';
INSERT INTO legacy_failure SELECT 'account', id, status_message FROM calendar_account WHERE status = 'ERROR';
INSERT INTO legacy_failure SELECT 'push', id, last_error FROM outbox_entry WHERE last_error IS NOT NULL;
CREATE TABLE legacy_failure_kind AS SELECT source, id, CASE
        WHEN LOWER(said) LIKE '%needs reconnecting%' OR (LOWER(said) LIKE '%refused%' AND LOWER(said) LIKE '%sign%') OR LOWER(said) LIKE '%401%'
            OR LOWER(said) LIKE '%password%' OR LOWER(said) LIKE '%consent%' OR LOWER(said) LIKE '%impersonat%' THEN 'SIGN_IN'
        WHEN LOWER(said) LIKE '%unreachable%' OR LOWER(said) LIKE '%did not answer%' OR LOWER(said) LIKE '%nothing answers%'
            OR LOWER(said) LIKE '%timed out%' OR LOWER(said) LIKE '%connect%' THEN 'UNREACHABLE'
        WHEN LOWER(said) LIKE '%busy%' OR LOWER(said) LIKE '%throttl%' OR LOWER(said) LIKE '%429%' OR LOWER(said) LIKE '%503%'
            OR LOWER(said) LIKE '%try again%' THEN 'BUSY'
        WHEN LOWER(said) LIKE '%unreadable%' OR LOWER(said) LIKE '%malformed%' OR LOWER(said) LIKE '%could not read%' THEN 'UNREADABLE'
        WHEN LOWER(said) LIKE '%being removed%' OR LOWER(said) LIKE '%removed while%' THEN 'REMOVING'
        ELSE 'OTHER'
    END AS kind FROM legacy_failure;

UPDATE sync_run SET failure_kind = (SELECT kind FROM legacy_failure_kind k WHERE k.source = 'run' AND k.id = sync_run.id)
    WHERE outcome = 'FAILED';
UPDATE calendar_account SET status_kind = (SELECT kind FROM legacy_failure_kind k
    WHERE k.source = 'account' AND k.id = calendar_account.id) WHERE status = 'ERROR';
UPDATE calendar_account SET status_kind = 'SIGN_IN' WHERE status = 'NEEDS_RECONSENT';
UPDATE calendar_account SET status_kind = 'REMOVING' WHERE status = 'REMOVING';
UPDATE outbox_entry SET last_failure_kind = (SELECT kind FROM legacy_failure_kind k
    WHERE k.source = 'push' AND k.id = outbox_entry.id) WHERE last_error IS NOT NULL;

DROP TABLE legacy_failure_kind;
DROP TABLE legacy_failure;
