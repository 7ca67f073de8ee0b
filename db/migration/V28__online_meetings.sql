-- Online meetings CalSync has generated for sessions (Teams through Microsoft 365, Meet through Google), and the
-- kind a tenant's new sessions ask for unless they say otherwise.
ALTER TABLE training_session ADD COLUMN online_meeting VARCHAR(16);
ALTER TABLE training_session ADD COLUMN generated_meeting_link VARCHAR(2000);
ALTER TABLE training_session ADD COLUMN meeting_problem VARCHAR(16);
ALTER TABLE tenant ADD COLUMN default_online_meeting VARCHAR(16);
