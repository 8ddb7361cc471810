-- HR writes the alumni portal's welcome page (ADR 036).

INSERT INTO "Permission" ("key", "description") VALUES
  ('edit:portal-welcome', 'Write the alumni portal''s welcome page')
ON CONFLICT ("key") DO NOTHING;

INSERT INTO "RolePermission" ("roleId", "permissionKey") VALUES
  ('hr', 'edit:portal-welcome')
ON CONFLICT DO NOTHING;
