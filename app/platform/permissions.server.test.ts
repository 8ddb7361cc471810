import { describe, expect, it } from "vitest";
import { db } from "./db.server";
import { PERMISSIONS, ROLE_PERMISSIONS, ROLES } from "./permissions";

describe("permissions are data", () => {
  it("the migrated Role/Permission rows match the typed list the code checks", async () => {
    const roles = await db.role.findMany({ include: { permissions: true }, orderBy: { id: "asc" } });
    expect(roles.map((r) => r.id).sort()).toEqual(Object.keys(ROLES).sort());
    const permissions = await db.permission.findMany();
    expect(permissions.map((p) => p.key).sort()).toEqual(Object.keys(PERMISSIONS).sort());
    for (const role of roles) {
      expect(role.permissions.map((p) => p.permissionKey).sort(), role.id).toEqual(
        [...ROLE_PERMISSIONS[role.id as keyof typeof ROLES]].sort(),
      );
    }
  });
});
