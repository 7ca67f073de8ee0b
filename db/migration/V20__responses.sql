-- Responses to invitations (accepted, tentative, declined) and the organiser mailbox their email replies reach.

-- Each person's latest answer, when it came and where (EMAIL or PORTAL). NO_ANSWER until they answer, and again
-- when the session's time changes (responded_at then says when it was asked again).
ALTER TABLE registration ADD COLUMN response VARCHAR(20) DEFAULT 'NO_ANSWER' NOT NULL;
ALTER TABLE registration ADD COLUMN responded_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE registration ADD COLUMN responded_via VARCHAR(20);
ALTER TABLE instructor_assignment ADD COLUMN response VARCHAR(20) DEFAULT 'NO_ANSWER' NOT NULL;
ALTER TABLE instructor_assignment ADD COLUMN responded_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE instructor_assignment ADD COLUMN responded_via VARCHAR(20);

-- Whether a learner's decline unregisters them (before the cancellation deadline; after it an admin decides).
ALTER TABLE tenant ADD COLUMN decline_unregisters BOOLEAN DEFAULT FALSE NOT NULL;

-- The organiser mailbox CalSync reads replies from, over IMAP, one per organisation. The password is encrypted
-- with the installation's secrets key; the last read's outcome is shown in the console.
CREATE TABLE reply_mailbox (
    tenant_id        VARCHAR(36)  NOT NULL,
    enabled          BOOLEAN      NOT NULL,
    host             VARCHAR(255),
    port             INTEGER      NOT NULL,
    security         VARCHAR(20)  NOT NULL,
    username         VARCHAR(320),
    password_cipher  VARCHAR(2000),
    processed_folder VARCHAR(200) NOT NULL,
    last_read_at     TIMESTAMP WITH TIME ZONE,
    last_problem     VARCHAR(500),
    replies_recorded INTEGER      DEFAULT 0 NOT NULL,
    replies_refused  INTEGER      DEFAULT 0 NOT NULL,
    version          BIGINT       NOT NULL,
    CONSTRAINT pk_reply_mailbox PRIMARY KEY (tenant_id),
    CONSTRAINT fk_reply_mailbox_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);

-- One instance reads the mailboxes each minute.
INSERT INTO scheduler_lease (name, holder, expires_at) VALUES ('reply-mail', NULL, TIMESTAMP WITH TIME ZONE '2000-01-01 00:00:00+00:00');
