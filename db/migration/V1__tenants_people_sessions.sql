-- CalSync foundation schema: tenants, roles, people, training sessions and API keys.
-- Portable SQL for H2 2.x and PostgreSQL 13+. Flyway owns the schema; EclipseLink generates nothing.
-- Instants are TIMESTAMP WITH TIME ZONE holding UTC; the session's IANA zone is stored beside them.

CREATE TABLE tenant (
    id                          VARCHAR(36)  NOT NULL,
    name                        VARCHAR(200) NOT NULL,
    integration_enabled         BOOLEAN      NOT NULL,
    sync_direction              VARCHAR(16)  NOT NULL,
    default_privacy_mode        VARCHAR(16)  NOT NULL,
    pull_window_months          INTEGER      NOT NULL,
    omit_learner_details        BOOLEAN      NOT NULL,
    cancellation_deadline_hours INTEGER      NOT NULL,
    created_at                  TIMESTAMP WITH TIME ZONE NOT NULL,
    version                     BIGINT       NOT NULL,
    CONSTRAINT pk_tenant PRIMARY KEY (id),
    CONSTRAINT uk_tenant_name UNIQUE (name),
    CONSTRAINT ck_tenant_pull_window CHECK (pull_window_months BETWEEN 1 AND 24),
    CONSTRAINT ck_tenant_deadline CHECK (cancellation_deadline_hours BETWEEN 0 AND 720)
);

CREATE TABLE tenant_allowed_provider (
    tenant_id VARCHAR(36) NOT NULL,
    provider  VARCHAR(20) NOT NULL,
    CONSTRAINT pk_tenant_allowed_provider PRIMARY KEY (tenant_id, provider),
    CONSTRAINT fk_tenant_allowed_provider_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id) ON DELETE CASCADE
);

CREATE TABLE role (
    id        VARCHAR(36)  NOT NULL,
    tenant_id VARCHAR(36)  NOT NULL,
    name      VARCHAR(100) NOT NULL,
    version   BIGINT       NOT NULL,
    CONSTRAINT pk_role PRIMARY KEY (id),
    CONSTRAINT fk_role_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id),
    CONSTRAINT uk_role_tenant_name UNIQUE (tenant_id, name)
);

CREATE TABLE role_permission (
    role_id    VARCHAR(36) NOT NULL,
    permission VARCHAR(40) NOT NULL,
    CONSTRAINT pk_role_permission PRIMARY KEY (role_id, permission),
    CONSTRAINT fk_role_permission_role FOREIGN KEY (role_id) REFERENCES role (id) ON DELETE CASCADE
);

CREATE TABLE person (
    id            VARCHAR(36)  NOT NULL,
    tenant_id     VARCHAR(36)  NOT NULL,
    email         VARCHAR(320) NOT NULL,
    display_name  VARCHAR(200) NOT NULL,
    time_zone     VARCHAR(64)  NOT NULL,
    work_start    TIME         NOT NULL,
    work_end      TIME         NOT NULL,
    password_hash VARCHAR(400),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    version       BIGINT       NOT NULL,
    CONSTRAINT pk_person PRIMARY KEY (id),
    CONSTRAINT fk_person_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id),
    -- An email identifies one sign-in across the installation, so it belongs to one tenant.
    CONSTRAINT uk_person_email UNIQUE (email)
);
CREATE INDEX ix_person_tenant ON person (tenant_id, display_name);

CREATE TABLE person_work_day (
    person_id   VARCHAR(36) NOT NULL,
    day_of_week VARCHAR(10) NOT NULL,
    CONSTRAINT pk_person_work_day PRIMARY KEY (person_id, day_of_week),
    CONSTRAINT fk_person_work_day_person FOREIGN KEY (person_id) REFERENCES person (id) ON DELETE CASCADE
);

CREATE TABLE person_role (
    person_id VARCHAR(36) NOT NULL,
    role_id   VARCHAR(36) NOT NULL,
    CONSTRAINT pk_person_role PRIMARY KEY (person_id, role_id),
    CONSTRAINT fk_person_role_person FOREIGN KEY (person_id) REFERENCES person (id) ON DELETE CASCADE,
    CONSTRAINT fk_person_role_role FOREIGN KEY (role_id) REFERENCES role (id)
);

CREATE TABLE training_session (
    id           VARCHAR(36)   NOT NULL,
    tenant_id    VARCHAR(36)   NOT NULL,
    course_title VARCHAR(300)  NOT NULL,
    starts_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    time_zone    VARCHAR(64)   NOT NULL,
    venue        VARCHAR(300),
    meeting_link VARCHAR(1000),
    description  VARCHAR(4000),
    state        VARCHAR(16)   NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    version      BIGINT        NOT NULL,
    CONSTRAINT pk_training_session PRIMARY KEY (id),
    CONSTRAINT fk_training_session_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id),
    CONSTRAINT ck_training_session_times CHECK (ends_at > starts_at)
);
CREATE INDEX ix_training_session_tenant_start ON training_session (tenant_id, starts_at);

CREATE TABLE instructor_assignment (
    id          VARCHAR(36) NOT NULL,
    session_id  VARCHAR(36) NOT NULL,
    person_id   VARCHAR(36) NOT NULL,
    assigned_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_instructor_assignment PRIMARY KEY (id),
    CONSTRAINT fk_instructor_assignment_session FOREIGN KEY (session_id) REFERENCES training_session (id) ON DELETE CASCADE,
    CONSTRAINT fk_instructor_assignment_person FOREIGN KEY (person_id) REFERENCES person (id),
    CONSTRAINT uk_instructor_assignment_session_person UNIQUE (session_id, person_id)
);
CREATE INDEX ix_instructor_assignment_person ON instructor_assignment (person_id);

CREATE TABLE registration (
    id            VARCHAR(36) NOT NULL,
    session_id    VARCHAR(36) NOT NULL,
    person_id     VARCHAR(36) NOT NULL,
    registered_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_registration PRIMARY KEY (id),
    CONSTRAINT fk_registration_session FOREIGN KEY (session_id) REFERENCES training_session (id) ON DELETE CASCADE,
    CONSTRAINT fk_registration_person FOREIGN KEY (person_id) REFERENCES person (id),
    CONSTRAINT uk_registration_session_person UNIQUE (session_id, person_id)
);
CREATE INDEX ix_registration_person ON registration (person_id);

CREATE TABLE api_key (
    id           VARCHAR(36)  NOT NULL,
    tenant_id    VARCHAR(36)  NOT NULL,
    name         VARCHAR(100) NOT NULL,
    key_prefix   VARCHAR(16)  NOT NULL,
    key_hash     VARCHAR(64)  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_api_key PRIMARY KEY (id),
    CONSTRAINT fk_api_key_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id),
    CONSTRAINT uk_api_key_hash UNIQUE (key_hash)
);
