-- Whose account a Microsoft sign-in was: PERSONAL for Outlook.com and Hotmail (the consumer directory), WORK for an
-- organisation's; null where the provider does not say, or for accounts linked before this was recorded.
ALTER TABLE calendar_account ADD COLUMN sign_in_audience VARCHAR(16);
