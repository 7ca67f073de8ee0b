-- When an account's status last changed: a success asked before a refusal was seen must not clear it.
-- Accounts from before this column have no such time; their next success clears whatever they show.
ALTER TABLE calendar_account ADD COLUMN status_since TIMESTAMP WITH TIME ZONE;
