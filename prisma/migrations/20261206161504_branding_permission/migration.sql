-- Administrators set the employer's branding for the alumni portal and alumni email (ADR 036).

INSERT INTO "Permission" ("key", "description") VALUES
  ('manage:branding', 'Set the employer''s name, logo, colour and alumni email sender')
ON CONFLICT ("key") DO NOTHING;

INSERT INTO "RolePermission" ("roleId", "permissionKey") VALUES
  ('admin', 'manage:branding')
ON CONFLICT DO NOTHING;
