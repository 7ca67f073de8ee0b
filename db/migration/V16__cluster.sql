-- Several instances on one database.

-- One row per person whose calendars CalSync writes or reads. The instance holding the row's lease is the only
-- one pushing to, pulling from or clearing that person's calendars. A lease lives while its instance's heartbeat
-- renews it, and is released as soon as the work ends; an instance that dies loses its leases within seconds.
CREATE TABLE calendar_owner_lock (
    person_id  VARCHAR(36) NOT NULL,
    holder     VARCHAR(80),
    member_id  VARCHAR(36),
    expires_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_calendar_owner_lock PRIMARY KEY (person_id),
    CONSTRAINT fk_calendar_owner_lock_person FOREIGN KEY (person_id) REFERENCES person (id) ON DELETE CASCADE
);

-- The instances that are running, each with a heartbeat in database time (no clock skew between them).
-- An instance whose heartbeat stops has its claims and leases taken over by the others.
CREATE TABLE cluster_member (
    id           VARCHAR(36)  NOT NULL,
    name         VARCHAR(200) NOT NULL,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    heartbeat_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_cluster_member PRIMARY KEY (id)
);

-- Which instance runs a calendar-pull execution, so that a survivor starts it again when that instance dies,
-- and the console follows the execution that replaced it.
CREATE TABLE pull_execution (
    execution_id BIGINT       NOT NULL,
    member_id    VARCHAR(36)  NOT NULL,
    tenant_id    VARCHAR(36),
    person_ids   VARCHAR(4000),
    replaced_by  BIGINT,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_pull_execution PRIMARY KEY (execution_id)
);

CREATE INDEX ix_pull_execution_member ON pull_execution (member_id);

-- Which instance is working an outbox entry, so that another takes it over as soon as that instance is gone.
ALTER TABLE outbox_entry ADD COLUMN claimed_by VARCHAR(36);

-- A stale write of a link (from an instance that read it before another wrote it) fails instead of
-- overwriting the newer one.
ALTER TABLE event_link ADD COLUMN version BIGINT DEFAULT 0 NOT NULL;

-- A busy time is one interval of one event of one calendar. Two pulls applied together must not store it
-- twice; any twins stored before this key existed are removed first.
DELETE FROM busy_block WHERE EXISTS (
    SELECT 1 FROM busy_block twin
    WHERE twin.calendar_id = busy_block.calendar_id AND twin.remote_id = busy_block.remote_id
      AND twin.starts_at = busy_block.starts_at AND twin.id < busy_block.id);
ALTER TABLE busy_block ADD CONSTRAINT uk_busy_block_calendar_event_start UNIQUE (calendar_id, remote_id, starts_at);

-- A check value of the secrets key the stored passwords and tokens were encrypted with, never the key itself:
-- an instance started with another key refuses to start instead of failing on every account.
CREATE TABLE installation_fact (
    name  VARCHAR(100)  NOT NULL,
    fact_value VARCHAR(1000) NOT NULL,
    CONSTRAINT pk_installation_fact PRIMARY KEY (name)
);
