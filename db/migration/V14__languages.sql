-- The language emails and calendar events are written in: each tenant's default, and a person's own choice
-- (empty: the tenant's).
ALTER TABLE tenant ADD COLUMN language VARCHAR(16) DEFAULT 'ENGLISH' NOT NULL;
ALTER TABLE person ADD COLUMN language VARCHAR(16);
