-- Webhooks: a tenant turns them on per provider; each watched calendar has one provider subscription
-- (Graph) or channel (Google), which the provider's calls name by remote_id.
ALTER TABLE oauth_registration ADD COLUMN webhooks BOOLEAN DEFAULT FALSE NOT NULL;
-- What the last upkeep of the webhooks could not do, for the console; null when all went well.
ALTER TABLE oauth_registration ADD COLUMN webhook_problem VARCHAR(2000);

CREATE TABLE change_watch (
    id                VARCHAR(36)   NOT NULL,
    tenant_id         VARCHAR(36)   NOT NULL,
    account_id        VARCHAR(36)   NOT NULL,
    calendar_id       VARCHAR(36)   NOT NULL,
    provider          VARCHAR(20)   NOT NULL,
    remote_id         VARCHAR(400)  NOT NULL,
    resource_id       VARCHAR(400),
    secret_cipher     VARCHAR(1000) NOT NULL,
    expires_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    last_notified_at  TIMESTAMP WITH TIME ZONE,
    problem           VARCHAR(2000),
    version           BIGINT        NOT NULL,
    CONSTRAINT pk_change_watch PRIMARY KEY (id),
    CONSTRAINT uk_change_watch_calendar UNIQUE (calendar_id),
    CONSTRAINT uk_change_watch_remote UNIQUE (provider, remote_id),
    CONSTRAINT fk_change_watch_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id),
    CONSTRAINT fk_change_watch_calendar FOREIGN KEY (calendar_id) REFERENCES external_calendar (id) ON DELETE CASCADE
);
CREATE INDEX ix_change_watch_account ON change_watch (tenant_id, account_id);

-- The instance holding this lease keeps every tenant's webhooks alive.
INSERT INTO scheduler_lease (name, holder, expires_at) VALUES ('webhook-upkeep', NULL, TIMESTAMP WITH TIME ZONE '2000-01-01 00:00:00+00:00');
