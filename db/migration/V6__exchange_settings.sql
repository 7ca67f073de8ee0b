-- How a tenant reaches its on-premise Exchange: one row per tenant that has configured it.
CREATE TABLE exchange_settings (
    tenant_id             VARCHAR(36)   NOT NULL,
    ews_url               VARCHAR(1000),
    autodiscover_email    VARCHAR(320),
    server_version        VARCHAR(30)   NOT NULL,
    auth_mode             VARCHAR(30)   NOT NULL,
    auth_scheme           VARCHAR(10)   NOT NULL,
    service_username      VARCHAR(320),
    service_secret        VARCHAR(4000),
    trusted_certificates  VARCHAR(20000),
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    version               BIGINT        NOT NULL,
    CONSTRAINT pk_exchange_settings PRIMARY KEY (tenant_id),
    CONSTRAINT fk_exchange_settings_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);
