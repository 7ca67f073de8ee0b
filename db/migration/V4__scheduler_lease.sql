-- One row per scheduled job: several instances share the database, and the instance holding the lease
-- runs the job; a crashed holder's lease simply expires.
CREATE TABLE scheduler_lease (
    name       VARCHAR(100) NOT NULL,
    holder     VARCHAR(200),
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_scheduler_lease PRIMARY KEY (name)
);
INSERT INTO scheduler_lease (name, holder, expires_at) VALUES ('calendar-pull', NULL, TIMESTAMP WITH TIME ZONE '2000-01-01 00:00:00+00:00');
