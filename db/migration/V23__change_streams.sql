-- Whether a tenant's Exchange calendars tell CalSync of their changes over streaming notifications (the default),
-- or are read by the hourly pull and "Sync now" only.
ALTER TABLE exchange_settings ADD COLUMN stream_changes BOOLEAN DEFAULT TRUE NOT NULL;

-- Exchange calendars whose changes come over a streaming connection. Each row is held by at most one instance at
-- a time, which subscribes the mailbox and holds its connection; a lease lives while its instance renews it, and
-- a departed instance's rows are taken over by the others.
CREATE TABLE change_stream_lease (
    calendar_id      VARCHAR(36)  NOT NULL,
    tenant_id        VARCHAR(36)  NOT NULL,
    member_id        VARCHAR(36),
    expires_at       TIMESTAMP WITH TIME ZONE,
    -- how the calendar is watched now: STREAMING, POLLING (streaming refused by the server) or WAITING (not yet, or
    -- after a failure that the next upkeep tries again); the console counts them per tenant
    watch_mode       VARCHAR(16)  NOT NULL,
    problem          VARCHAR(1000),
    last_notified_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_change_stream_lease PRIMARY KEY (calendar_id)
);

CREATE INDEX ix_change_stream_lease_member ON change_stream_lease (member_id);
CREATE INDEX ix_change_stream_lease_tenant ON change_stream_lease (tenant_id);
