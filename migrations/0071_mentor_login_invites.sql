-- A volunteer mentor also gets their login by a one-time link (src/mentors/mentor-invite.ts);
-- subject_id is then mentors.id.
ALTER TABLE login_invites DROP CONSTRAINT login_invites_purpose_check;
ALTER TABLE login_invites ADD CONSTRAINT login_invites_purpose_check CHECK (purpose IN ('young_person', 'company_contact', 'volunteer_mentor'));
