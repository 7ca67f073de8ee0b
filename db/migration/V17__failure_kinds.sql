-- What kind of failure a sync run, an account's status and a push met (FailureKind), stored where the failure is
-- caught, so that the pages look the explanation up instead of searching the English text for it. Failures recorded
-- before get the kind their text suggests, by the rules the pages used until now. The columns may be empty, so an
-- instance of the release before keeps working beside one of this release during a rolling upgrade.
ALTER TABLE sync_run ADD COLUMN failure_kind VARCHAR(16);
ALTER TABLE calendar_account ADD COLUMN status_kind VARCHAR(16);
ALTER TABLE outbox_entry ADD COLUMN last_failure_kind VARCHAR(16);

UPDATE sync_run SET failure_kind = CASE
        WHEN LOWER(message) LIKE '%needs reconnecting%' OR (LOWER(message) LIKE '%refused%' AND LOWER(message) LIKE '%sign%') OR LOWER(message) LIKE '%401%'
            OR LOWER(message) LIKE '%password%' OR LOWER(message) LIKE '%consent%' OR LOWER(message) LIKE '%impersonat%' THEN 'SIGN_IN'
        WHEN LOWER(message) LIKE '%unreachable%' OR LOWER(message) LIKE '%did not answer%' OR LOWER(message) LIKE '%nothing answers%'
            OR LOWER(message) LIKE '%timed out%' OR LOWER(message) LIKE '%connect%' THEN 'UNREACHABLE'
        WHEN LOWER(message) LIKE '%busy%' OR LOWER(message) LIKE '%throttl%' OR LOWER(message) LIKE '%429%' OR LOWER(message) LIKE '%503%'
            OR LOWER(message) LIKE '%try again%' THEN 'BUSY'
        WHEN LOWER(message) LIKE '%unreadable%' OR LOWER(message) LIKE '%malformed%' OR LOWER(message) LIKE '%could not read%' THEN 'UNREADABLE'
        WHEN LOWER(message) LIKE '%being removed%' OR LOWER(message) LIKE '%removed while%' THEN 'REMOVING'
        ELSE 'OTHER'
    END
    WHERE outcome = 'FAILED';

UPDATE calendar_account SET status_kind = 'SIGN_IN' WHERE status = 'NEEDS_RECONSENT';
UPDATE calendar_account SET status_kind = 'REMOVING' WHERE status = 'REMOVING';
UPDATE calendar_account SET status_kind = CASE
        WHEN LOWER(status_message) LIKE '%needs reconnecting%' OR (LOWER(status_message) LIKE '%refused%' AND LOWER(status_message) LIKE '%sign%') OR LOWER(status_message) LIKE '%401%'
            OR LOWER(status_message) LIKE '%password%' OR LOWER(status_message) LIKE '%consent%' OR LOWER(status_message) LIKE '%impersonat%' THEN 'SIGN_IN'
        WHEN LOWER(status_message) LIKE '%unreachable%' OR LOWER(status_message) LIKE '%did not answer%' OR LOWER(status_message) LIKE '%nothing answers%'
            OR LOWER(status_message) LIKE '%timed out%' OR LOWER(status_message) LIKE '%connect%' THEN 'UNREACHABLE'
        WHEN LOWER(status_message) LIKE '%busy%' OR LOWER(status_message) LIKE '%throttl%' OR LOWER(status_message) LIKE '%429%' OR LOWER(status_message) LIKE '%503%'
            OR LOWER(status_message) LIKE '%try again%' THEN 'BUSY'
        WHEN LOWER(status_message) LIKE '%unreadable%' OR LOWER(status_message) LIKE '%malformed%' OR LOWER(status_message) LIKE '%could not read%' THEN 'UNREADABLE'
        WHEN LOWER(status_message) LIKE '%being removed%' OR LOWER(status_message) LIKE '%removed while%' THEN 'REMOVING'
        ELSE 'OTHER'
    END
    WHERE status = 'ERROR';

UPDATE outbox_entry SET last_failure_kind = CASE
        WHEN LOWER(last_error) LIKE '%needs reconnecting%' OR (LOWER(last_error) LIKE '%refused%' AND LOWER(last_error) LIKE '%sign%') OR LOWER(last_error) LIKE '%401%'
            OR LOWER(last_error) LIKE '%password%' OR LOWER(last_error) LIKE '%consent%' OR LOWER(last_error) LIKE '%impersonat%' THEN 'SIGN_IN'
        WHEN LOWER(last_error) LIKE '%unreachable%' OR LOWER(last_error) LIKE '%did not answer%' OR LOWER(last_error) LIKE '%nothing answers%'
            OR LOWER(last_error) LIKE '%timed out%' OR LOWER(last_error) LIKE '%connect%' THEN 'UNREACHABLE'
        WHEN LOWER(last_error) LIKE '%busy%' OR LOWER(last_error) LIKE '%throttl%' OR LOWER(last_error) LIKE '%429%' OR LOWER(last_error) LIKE '%503%'
            OR LOWER(last_error) LIKE '%try again%' THEN 'BUSY'
        WHEN LOWER(last_error) LIKE '%unreadable%' OR LOWER(last_error) LIKE '%malformed%' OR LOWER(last_error) LIKE '%could not read%' THEN 'UNREADABLE'
        WHEN LOWER(last_error) LIKE '%being removed%' OR LOWER(last_error) LIKE '%removed while%' THEN 'REMOVING'
        ELSE 'OTHER'
    END
    WHERE last_error IS NOT NULL;
