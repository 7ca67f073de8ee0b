-- A tenant's app registrations with Microsoft Entra and Google: one row per tenant and provider.
CREATE TABLE oauth_registration (
    tenant_id             VARCHAR(36)   NOT NULL,
    provider              VARCHAR(20)   NOT NULL,
    directory_id          VARCHAR(100),
    client_id             VARCHAR(200)  NOT NULL,
    client_secret         VARCHAR(4000) NOT NULL,
    organisation_wide     BOOLEAN       NOT NULL,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    version               BIGINT        NOT NULL,
    CONSTRAINT pk_oauth_registration PRIMARY KEY (tenant_id, provider),
    CONSTRAINT fk_oauth_registration_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);

-- OAuth accounts keep their encrypted tokens where others keep a password; Microsoft's tokens are long.
ALTER TABLE calendar_account ALTER COLUMN secret_cipher SET DATA TYPE VARCHAR(16000);
