-- Things a calendar sync could not decide alone: shown to the tenant's admins until resolved.
CREATE TABLE admin_alert (
    id          VARCHAR(36)   NOT NULL,
    tenant_id   VARCHAR(36)   NOT NULL,
    session_id  VARCHAR(36),
    person_id   VARCHAR(36),
    message     VARCHAR(2000) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    resolved_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_admin_alert PRIMARY KEY (id),
    CONSTRAINT fk_admin_alert_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);
CREATE INDEX ix_admin_alert_open ON admin_alert (tenant_id, resolved_at);
