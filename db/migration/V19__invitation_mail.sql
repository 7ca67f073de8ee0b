-- Sessions as email invitations (iMIP) for people without a linked calendar, or for everyone.

-- The organisation's choice: on or off, the organiser address (null: calsync.mail.from), and who gets them.
ALTER TABLE tenant ADD COLUMN invitation_mail_enabled BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE tenant ADD COLUMN invitation_sender VARCHAR(320);
ALTER TABLE tenant ADD COLUMN invitation_audience VARCHAR(30) DEFAULT 'WITHOUT_LINKED_CALENDAR' NOT NULL;

-- A person may turn the emails off in the portal.
ALTER TABLE person ADD COLUMN invitation_emails BOOLEAN DEFAULT TRUE NOT NULL;

-- The push outbox carries emails too: same durability, retries, claims across instances and console.
ALTER TABLE outbox_entry ADD COLUMN channel VARCHAR(20) DEFAULT 'CALENDARS' NOT NULL;

-- What each person's mailbox was last sent for each session, so that the next message has a higher SEQUENCE,
-- an unchanged session sends nothing, and leaving a session sends a cancellation.
CREATE TABLE mailed_invitation (
    id           VARCHAR(36) NOT NULL,
    tenant_id    VARCHAR(36) NOT NULL,
    session_id   VARCHAR(36) NOT NULL,
    person_id    VARCHAR(36) NOT NULL,
    sequence_no  INTEGER     NOT NULL,
    content_hash VARCHAR(64),
    cancelled    BOOLEAN     NOT NULL,
    sent_at      TIMESTAMP WITH TIME ZONE,
    version      BIGINT      NOT NULL,
    CONSTRAINT pk_mailed_invitation PRIMARY KEY (id),
    CONSTRAINT fk_mailed_invitation_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id),
    CONSTRAINT uk_mailed_invitation_session_person UNIQUE (session_id, person_id)
);
