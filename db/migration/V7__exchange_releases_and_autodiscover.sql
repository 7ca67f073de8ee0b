-- "Exchange 2010" used to mean 2010 SP2; releases before SP2 now have names of their own.
UPDATE exchange_settings SET server_version = 'EXCHANGE_2010_SP2' WHERE server_version = 'EXCHANGE_2010';

-- The EWS address Autodiscover found, kept apart from one an admin typed, which always wins.
ALTER TABLE exchange_settings ADD COLUMN discovered_ews_url VARCHAR(1000);
