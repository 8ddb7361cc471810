import { describe, expect, it } from "vitest";
import { db } from "~/platform/db.server";
import { createStaffUser, staffActor } from "../../../test/factories";
import { TimeZoneSchema } from "./schemas";
import { listTimeZones, setTimeZone } from "./set-time-zone.server";

describe("a staff member's time zone", () => {
  it("is stored for that person only, audited when it changes, and UTC means no setting", async () => {
    const user = await createStaffUser(db, { role: "hr" });
    const other = await createStaffUser(db, { role: "hr" });
    const actor = staffActor(user);
    expect(await setTimeZone({ actor, timeZone: "Europe/Stockholm" })).toEqual({
      timeZone: "Europe/Stockholm",
      changed: true,
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).timeZone).toBe("Europe/Stockholm");
    expect((await db.user.findUniqueOrThrow({ where: { id: other.id } })).timeZone).toBeNull();
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "staff.time_zone_changed", entityId: user.id },
    });
    expect(event.before).toEqual({ timeZone: "UTC" });
    expect(event.after).toEqual({ timeZone: "Europe/Stockholm" });

    expect((await setTimeZone({ actor, timeZone: "Europe/Stockholm" })).changed).toBe(false);
    await setTimeZone({ actor, timeZone: "UTC" });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).timeZone).toBeNull();
    expect(
      await db.auditEvent.count({ where: { action: "staff.time_zone_changed", entityId: user.id } }),
    ).toBe(2);
  });

  it("accepts only zones the runtime knows, and offers UTC first", () => {
    expect(TimeZoneSchema.safeParse({ timeZone: "America/New_York" }).success).toBe(true);
    expect(TimeZoneSchema.safeParse({ timeZone: "Mars/Olympus_Mons" }).error?.issues[0].message).toBe(
      "Choose a time zone from the list, such as Europe/Stockholm.",
    );
    expect(TimeZoneSchema.safeParse({ timeZone: "" }).error?.issues[0].message).toBe("Choose a time zone.");
    const zones = listTimeZones();
    expect(zones[0]).toBe("UTC");
    expect(zones).toContain("Europe/Stockholm");
    expect(new Set(zones).size).toBe(zones.length);
  });
});
