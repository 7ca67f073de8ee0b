-- A calendar server that asked CalSync to wait (Exchange's ErrorServerBusy with BackOffMilliseconds): no
-- instance calls it, for any work, until paused_until, in the database's clock. The last pause stays for the
-- console.
CREATE TABLE server_pause (
    server       VARCHAR(255) NOT NULL,
    asked_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    pause_millis BIGINT NOT NULL,
    paused_until TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_server_pause PRIMARY KEY (server)
);
