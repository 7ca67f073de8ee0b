-- Terms a tenant may ask people to accept before they link their first calendar, and who accepted which version.
CREATE TABLE link_terms (
    tenant_id  VARCHAR(36)              NOT NULL,
    terms_text VARCHAR(20000)           NOT NULL,
    changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    version    BIGINT                   NOT NULL,
    CONSTRAINT pk_link_terms PRIMARY KEY (tenant_id),
    CONSTRAINT fk_link_terms_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id) ON DELETE CASCADE
);

-- One row per person: when they accepted, and the version (when the terms changed) they accepted. Terms changed
-- since are accepted again before the next link.
CREATE TABLE link_terms_acceptance (
    person_id        VARCHAR(36)              NOT NULL,
    tenant_id        VARCHAR(36)              NOT NULL,
    accepted_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    terms_changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_link_terms_acceptance PRIMARY KEY (person_id),
    CONSTRAINT fk_link_terms_acceptance_person FOREIGN KEY (person_id) REFERENCES person (id) ON DELETE CASCADE
);
CREATE INDEX ix_link_terms_acceptance_tenant ON link_terms_acceptance (tenant_id);
