-- Gig contracts: permissions as data (ADR 045).

INSERT INTO "Permission" ("key", "description") VALUES
  ('manage:contract', 'Prepare gig contracts, send them for approval and as offers, cancel or end them; edit contract templates and settings'),
  ('read:contract:any', 'See every gig contract'),
  ('approve:contract:second', 'Approve gig contracts as the HR lead when a rule asks for a second approver')
ON CONFLICT ("key") DO NOTHING;

INSERT INTO "RolePermission" ("roleId", "permissionKey") VALUES
  ('hr', 'manage:contract'),
  ('hr', 'read:contract:any'),
  ('hr', 'approve:contract:second')
ON CONFLICT DO NOTHING;
