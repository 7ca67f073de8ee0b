-- Busy times read back from linked calendars, the sync log, and the mass-deletion hold.

CREATE TABLE busy_block (
    id            VARCHAR(36)   NOT NULL,
    tenant_id     VARCHAR(36)   NOT NULL,
    calendar_id   VARCHAR(36)   NOT NULL,
    remote_id     VARCHAR(1000) NOT NULL,
    starts_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    all_day       BOOLEAN       NOT NULL,
    -- Only when the privacy mode allows it; never for private or confidential events.
    title         VARCHAR(300),
    private_event BOOLEAN       NOT NULL,
    CONSTRAINT pk_busy_block PRIMARY KEY (id),
    CONSTRAINT fk_busy_block_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id),
    CONSTRAINT fk_busy_block_calendar FOREIGN KEY (calendar_id) REFERENCES external_calendar (id) ON DELETE CASCADE,
    CONSTRAINT ck_busy_block_times CHECK (ends_at > starts_at)
);
CREATE INDEX ix_busy_block_calendar ON busy_block (calendar_id, remote_id);
CREATE INDEX ix_busy_block_tenant_start ON busy_block (tenant_id, starts_at);

-- A pull that would remove most of a calendar at once is held back and shown, not applied, until an admin
-- releases it; the release lets the next pull through once.
ALTER TABLE external_calendar ADD COLUMN hold_reason VARCHAR(1000);
ALTER TABLE external_calendar ADD COLUMN hold_released BOOLEAN DEFAULT FALSE NOT NULL;

-- What ran, for which account, and what happened: the console's sync log.
CREATE TABLE sync_run (
    id          VARCHAR(36)   NOT NULL,
    tenant_id   VARCHAR(36)   NOT NULL,
    account_id  VARCHAR(36)   NOT NULL,
    calendar_id VARCHAR(36),
    started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at TIMESTAMP WITH TIME ZONE NOT NULL,
    changes_in  INTEGER       NOT NULL,
    changes_out INTEGER       NOT NULL,
    errors      INTEGER       NOT NULL,
    requests    INTEGER       NOT NULL,
    outcome     VARCHAR(16)   NOT NULL,
    message     VARCHAR(2000),
    CONSTRAINT pk_sync_run PRIMARY KEY (id),
    CONSTRAINT fk_sync_run_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id),
    CONSTRAINT fk_sync_run_account FOREIGN KEY (account_id) REFERENCES calendar_account (id) ON DELETE CASCADE
);
CREATE INDEX ix_sync_run_account ON sync_run (account_id, started_at);
