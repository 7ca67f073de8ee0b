-- Linked calendar accounts, their calendars, the events CalSync wrote, and the durable push outbox.

CREATE TABLE calendar_account (
    id             VARCHAR(36)   NOT NULL,
    tenant_id      VARCHAR(36)   NOT NULL,
    person_id      VARCHAR(36)   NOT NULL,
    provider       VARCHAR(20)   NOT NULL,
    server_url     VARCHAR(1000) NOT NULL,
    username       VARCHAR(320)  NOT NULL,
    -- AES-GCM ciphertext of the password or token (calsync.crypto.key); never the plain secret.
    secret_cipher  VARCHAR(4000) NOT NULL,
    status         VARCHAR(20)   NOT NULL,
    status_message VARCHAR(1000),
    privacy_mode   VARCHAR(16)   NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    version        BIGINT        NOT NULL,
    CONSTRAINT pk_calendar_account PRIMARY KEY (id),
    CONSTRAINT fk_calendar_account_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id),
    CONSTRAINT fk_calendar_account_person FOREIGN KEY (person_id) REFERENCES person (id)
);
CREATE INDEX ix_calendar_account_person ON calendar_account (person_id);

CREATE TABLE external_calendar (
    id             VARCHAR(36)   NOT NULL,
    account_id     VARCHAR(36)   NOT NULL,
    remote_id      VARCHAR(1000) NOT NULL,
    display_name   VARCHAR(300)  NOT NULL,
    writable       BOOLEAN       NOT NULL,
    push_target    BOOLEAN       NOT NULL,
    conflict_check BOOLEAN       NOT NULL,
    sync_cursor    VARCHAR(2000),
    last_synced_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_external_calendar PRIMARY KEY (id),
    CONSTRAINT fk_external_calendar_account FOREIGN KEY (account_id) REFERENCES calendar_account (id) ON DELETE CASCADE,
    CONSTRAINT uk_external_calendar_account_remote UNIQUE (account_id, remote_id)
);

-- One pushed event: (session, person) joined to (calendar, remote id, UID, etag). The etag recognises
-- our own writes coming back on a pull.
CREATE TABLE event_link (
    id           VARCHAR(36)   NOT NULL,
    tenant_id    VARCHAR(36)   NOT NULL,
    session_id   VARCHAR(36)   NOT NULL,
    person_id    VARCHAR(36)   NOT NULL,
    calendar_id  VARCHAR(36)   NOT NULL,
    remote_id    VARCHAR(1000) NOT NULL,
    uid          VARCHAR(200)  NOT NULL,
    version_tag  VARCHAR(200),
    content_hash VARCHAR(64)   NOT NULL,
    sequence_no  INTEGER       NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_event_link PRIMARY KEY (id),
    CONSTRAINT fk_event_link_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id),
    CONSTRAINT fk_event_link_calendar FOREIGN KEY (calendar_id) REFERENCES external_calendar (id),
    CONSTRAINT uk_event_link_session_person_calendar UNIQUE (session_id, person_id, calendar_id)
);
CREATE INDEX ix_event_link_calendar ON event_link (calendar_id);

-- Durable push work: "bring (session, person) in line with the calendars". Written in the transaction
-- of the change that causes it; drained right after commit and swept up by a timer.
CREATE TABLE outbox_entry (
    id              VARCHAR(36)   NOT NULL,
    tenant_id       VARCHAR(36)   NOT NULL,
    session_id      VARCHAR(36)   NOT NULL,
    person_id       VARCHAR(36)   NOT NULL,
    state           VARCHAR(16)   NOT NULL,
    attempts        INTEGER       NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_error      VARCHAR(2000),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT        NOT NULL,
    CONSTRAINT pk_outbox_entry PRIMARY KEY (id),
    CONSTRAINT fk_outbox_entry_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);
CREATE INDEX ix_outbox_entry_due ON outbox_entry (state, next_attempt_at);
