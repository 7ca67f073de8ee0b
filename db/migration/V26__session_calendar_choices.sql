-- A calendar a person chose for one session in one of their accounts, instead of that account's usual target.
-- One row per (session, person, account): choosing again moves it, choosing the usual target deletes it.
CREATE TABLE session_calendar_choice (
    id          VARCHAR(36)              NOT NULL,
    tenant_id   VARCHAR(36)              NOT NULL,
    session_id  VARCHAR(36)              NOT NULL,
    person_id   VARCHAR(36)              NOT NULL,
    account_id  VARCHAR(36)              NOT NULL,
    calendar_id VARCHAR(36)              NOT NULL,
    chosen_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    version     BIGINT                   NOT NULL,
    CONSTRAINT pk_session_calendar_choice PRIMARY KEY (id),
    CONSTRAINT fk_session_calendar_choice_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id) ON DELETE CASCADE,
    CONSTRAINT fk_session_calendar_choice_session FOREIGN KEY (session_id) REFERENCES training_session (id) ON DELETE CASCADE,
    CONSTRAINT fk_session_calendar_choice_person FOREIGN KEY (person_id) REFERENCES person (id) ON DELETE CASCADE,
    -- Removing an account (or its calendars) takes its choices with it.
    CONSTRAINT fk_session_calendar_choice_account FOREIGN KEY (account_id) REFERENCES calendar_account (id) ON DELETE CASCADE,
    CONSTRAINT fk_session_calendar_choice_calendar FOREIGN KEY (calendar_id) REFERENCES external_calendar (id) ON DELETE CASCADE,
    -- Two choices made at the same moment cannot both be stored: the second is refused as a concurrent change.
    CONSTRAINT uk_session_calendar_choice UNIQUE (session_id, person_id, account_id)
);
CREATE INDEX ix_session_calendar_choice_calendar ON session_calendar_choice (calendar_id);
