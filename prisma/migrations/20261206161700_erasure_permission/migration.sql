-- HR reviews requests to erase a person's data (ADR 040).

INSERT INTO "Permission" ("key", "description") VALUES
  ('review:erasure', 'Review requests to erase a person''s data and carry out approved erasures')
ON CONFLICT ("key") DO NOTHING;

INSERT INTO "RolePermission" ("roleId", "permissionKey") VALUES
  ('hr', 'review:erasure')
ON CONFLICT DO NOTHING;
