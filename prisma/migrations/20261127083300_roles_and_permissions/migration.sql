-- Roles and permissions are data, inserted here so every environment has them.

INSERT INTO "Role" ("id", "label", "description") VALUES
  ('admin', 'Administrator', 'Staff accounts and roles, audit trail, settings'),
  ('hr', 'HR', 'Alumni pool, eligibility, outreach and the return pipeline'),
  ('manager', 'Manager', 'Approves gig contracts for their team and gives input on reviews')
ON CONFLICT ("id") DO NOTHING;

INSERT INTO "Permission" ("key", "description") VALUES
  ('read:alumnus:any', 'See every alumnus in the pool'),
  ('read:alumnus:team', 'See alumni whose review or contract involves the manager''s team (limited fields)'),
  ('read:alumnus:restricted', 'See do-not-rehire flags and reasons'),
  ('edit:alumnus:any', 'Edit alumni records, tags and notes'),
  ('edit:alumnus:restricted', 'Set or clear do-not-rehire flags (with a reason)'),
  ('import:alumni', 'Import HR-system exports into the alumni pool'),
  ('export:alumni', 'Export alumni lists as CSV'),
  ('manage:segment', 'Save and edit alumni views (segments)'),
  ('manage:decision', 'Create and edit workforce decisions and link alumni to them'),
  ('read:decision', 'See workforce decisions'),
  ('read:eligibility', 'See rehire eligibility verdicts and reasons'),
  ('edit:eligibility-policy', 'Edit draft eligibility policies and run what-if'),
  ('publish:eligibility-policy', 'Publish an eligibility policy (re-evaluates everyone)'),
  ('override:eligibility', 'Decide needs-review verdicts and override verdicts with a justification'),
  ('provide:review-input', 'Give input on an alumnus''s review when HR asks'),
  ('read:fairness', 'See the eligibility fairness report'),
  ('manage:campaign', 'Create, schedule, pause and cancel outreach campaigns'),
  ('override:tone-check', 'Launch a campaign despite tone-check errors, with a reason'),
  ('read:outbox', 'See delivery status of outgoing email'),
  ('retry:outbox', 'Retry email that was set aside'),
  ('read:mailbox', 'Open the development mailbox (email kept when no SMTP server is configured)'),
  ('manage:staff', 'Invite staff, change roles, deactivate accounts'),
  ('read:audit', 'See the audit trail and verify its integrity'),
  ('export:audit', 'Export the audit trail as CSV'),
  ('approve:contract:team', 'Approve or send back gig contracts for the manager''s own team')
ON CONFLICT ("key") DO NOTHING;

INSERT INTO "RolePermission" ("roleId", "permissionKey") VALUES
  ('admin', 'manage:staff'),
  ('admin', 'read:audit'),
  ('admin', 'export:audit'),
  ('admin', 'read:mailbox'),
  ('admin', 'read:outbox'),
  ('admin', 'retry:outbox'),
  ('admin', 'read:decision'),
  ('hr', 'read:alumnus:any'),
  ('hr', 'read:alumnus:restricted'),
  ('hr', 'edit:alumnus:any'),
  ('hr', 'edit:alumnus:restricted'),
  ('hr', 'import:alumni'),
  ('hr', 'export:alumni'),
  ('hr', 'manage:segment'),
  ('hr', 'manage:decision'),
  ('hr', 'read:decision'),
  ('hr', 'read:eligibility'),
  ('hr', 'edit:eligibility-policy'),
  ('hr', 'publish:eligibility-policy'),
  ('hr', 'override:eligibility'),
  ('hr', 'read:fairness'),
  ('hr', 'manage:campaign'),
  ('hr', 'override:tone-check'),
  ('hr', 'read:outbox'),
  ('hr', 'retry:outbox'),
  ('hr', 'read:mailbox'),
  ('manager', 'read:alumnus:team'),
  ('manager', 'provide:review-input'),
  ('manager', 'approve:contract:team'),
  ('manager', 'read:decision')
ON CONFLICT DO NOTHING;

