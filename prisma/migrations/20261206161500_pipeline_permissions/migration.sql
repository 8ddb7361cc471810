-- Return programs and the application pipeline: permissions as data (ADR 041).

INSERT INTO "Permission" ("key", "description") VALUES
  ('manage:program', 'Create, open, pause and close return programs'),
  ('read:pipeline:any', 'See every return program and its applications'),
  ('read:pipeline:own', 'See the return programs one is hiring manager for, and their applications'),
  ('move:application:any', 'Move any application along the pipeline, add screening notes'),
  ('move:application:own', 'Move applications to one''s own programs along the pipeline, add screening notes'),
  ('offer:application', 'Make an offer on a shortlisted application (drafts a gig contract)')
ON CONFLICT ("key") DO NOTHING;

INSERT INTO "RolePermission" ("roleId", "permissionKey") VALUES
  ('hr', 'manage:program'),
  ('hr', 'read:pipeline:any'),
  ('hr', 'move:application:any'),
  ('hr', 'offer:application'),
  ('manager', 'read:pipeline:own'),
  ('manager', 'move:application:own')
ON CONFLICT DO NOTHING;
