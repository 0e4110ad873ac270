-- An administrator invites staff (src/users/): the one-time set-password link
-- (src/auth/invites.ts) then has purpose 'staff' and subject_id = users.id.
ALTER TABLE login_invites DROP CONSTRAINT login_invites_purpose_check;
ALTER TABLE login_invites ADD CONSTRAINT login_invites_purpose_check CHECK (purpose IN ('young_person', 'company_contact', 'volunteer_mentor', 'staff'));
