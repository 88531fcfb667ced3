-- An identity's admin metadata (Kratos' `metadata_admin`): shown by the admin
-- API only, never in a session or a flow's answer.
ALTER TABLE identities ADD COLUMN metadata_admin TEXT;
