import { describe, expect, it } from "vitest";
import type { AlumnusUser } from "~/platform/auth.server";
import { db } from "~/platform/db.server";
import { createAlumnus, unique } from "../../../test/factories";
import { createOwnProfileSchema } from "./own-profile-schema";
import { updateOwnProfile } from "./update-own-profile.server";

const schema = createOwnProfileSchema({ today: () => "2026-12-06" });

function actorFor(a: { id: string; firstName: string }): AlumnusUser {
  return { kind: "alumnus", id: a.id, sessionId: "s", name: a.firstName };
}

/** The form as the page sends it, parsed by the same schema as the action. */
function input(version: number, fields: Record<string, unknown> = {}) {
  return schema.parse({
    version: String(version),
    preferredName: "",
    personalEmail: "",
    phone: "",
    location: "",
    timeZone: "",
    languages: "",
    skills: "",
    engagementPreference: "",
    availabilityHours: "",
    availabilityFrom: "",
    availabilityTo: "",
    earliestStart: "",
    ...fields,
  });
}

describe("the person's own profile", () => {
  it("saves only the changed fields of their own record, audited old -> new, and marks imported fields as theirs", async () => {
    const me = await createAlumnus(db, {
      location: "Göteborg, SE",
      personalEmail: null,
      phone: null,
      // pinned apart from what the test saves: the factory may pick 20 hours or Mon+Wed
      availabilityHours: 10,
      availabilityDays: ["tue", "thu"],
      skills: ["sql"],
    });
    const other = await createAlumnus(db, { location: "Berlin, DE" });
    const otherBefore = await db.alumnus.findUniqueOrThrow({ where: { id: other.id } });
    const result = await updateOwnProfile({
      actor: actorFor(me),
      input: input(me.version, {
        ...current(me),
        location: "Stockholm, SE",
        skills: "chess coaching",
        availabilityHours: "20",
        availabilityDays: ["wed", "mon"],
        earliestStart: "2027-01-11",
      }),
    });
    expect(result.changed.sort()).toEqual(
      ["availabilityDays", "availabilityHours", "earliestStart", "location", "skills"].sort(),
    );
    const after = await db.alumnus.findUniqueOrThrow({ where: { id: me.id } });
    expect(after).toMatchObject({
      location: "Stockholm, SE",
      availabilityHours: 20,
      availabilityDays: ["mon", "wed"],
      version: me.version + 1,
    });
    expect(after.earliestStart?.toISOString().slice(0, 10)).toBe("2027-01-11");
    expect(after.searchText).toContain("chess coaching");
    // an import also writes the location: the person's value is kept (reported as a conflict)
    const edits = after.manualEdits as Record<string, { by: string }>;
    expect(edits.location.by).toBe(me.id);
    expect(edits.availabilityHours).toBeUndefined();
    expect(await db.alumnus.findUniqueOrThrow({ where: { id: other.id } })).toEqual(otherBefore);

    const events = await db.auditEvent.findMany({
      where: { entityId: me.id, action: "alumnus.profile_updated" },
    });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorType: "alumnus", actorId: me.id });
    expect(events[0].before).toMatchObject({ location: "Göteborg, SE", version: me.version });
    expect(events[0].after).toMatchObject({ location: "Stockholm, SE", version: me.version + 1 });
    expect(Object.keys(events[0].after as object)).not.toContain("phone");
  });

  it("records nothing when nothing changed", async () => {
    // the days as an import may hold them, out of week order: the same days are no change
    const me = await createAlumnus(db, { availabilityDays: ["fri", "mon"] });
    const result = await updateOwnProfile({ actor: actorFor(me), input: input(me.version, current(me)) });
    expect(result.changed).toEqual([]);
    expect((await db.alumnus.findUniqueOrThrow({ where: { id: me.id } })).version).toBe(me.version);
    expect(await db.auditEvent.count({ where: { entityId: me.id, action: "alumnus.profile_updated" } })).toBe(
      0,
    );
  });

  it("refuses a form from an older version, and of two saves from the same version exactly one wins", async () => {
    const me = await createAlumnus(db, { location: "Oslo, NO" });
    await expect(
      updateOwnProfile({ actor: actorFor(me), input: input(me.version - 1 || 99, current(me)) }),
    ).rejects.toMatchObject({ code: "conflict" });
    const saves = await Promise.allSettled(
      ["Bergen, NO", "Tromsø, NO"].map((location) =>
        updateOwnProfile({ actor: actorFor(me), input: input(me.version, { ...current(me), location }) }),
      ),
    );
    expect(saves.filter((s) => s.status === "fulfilled")).toHaveLength(1);
    const refused = saves.find((s) => s.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: "conflict" });
    expect((await db.alumnus.findUniqueOrThrow({ where: { id: me.id } })).version).toBe(me.version + 1);
  });

  it("refuses a personal email that is someone else's work or personal address", async () => {
    const taken = `${unique("taken")}@mail.example.org`;
    await createAlumnus(db, { personalEmail: taken });
    const me = await createAlumnus(db, { personalEmail: null });
    await expect(
      updateOwnProfile({
        actor: actorFor(me),
        input: input(me.version, { ...current(me), personalEmail: taken.toUpperCase() }),
      }),
    ).rejects.toMatchObject({ code: "validation" });
    expect((await db.alumnus.findUniqueOrThrow({ where: { id: me.id } })).personalEmail).toBeNull();
  });
});

describe("the profile form's rules", () => {
  it("orders and de-duplicates days and lists, and normalises what the person typed", () => {
    const parsed = input(1, {
      availabilityDays: ["sun", "mon", "mon"],
      languages: " Swedish ,English,  swedish,, English ",
      personalEmail: " Ada@Example.org ",
      earliestStart: "",
    });
    expect(parsed.availabilityDays).toEqual(["mon", "sun"]);
    expect(parsed.languages).toEqual(["Swedish", "English", "swedish"]);
    expect(parsed.personalEmail).toBe("ada@example.org");
    expect(parsed.earliestStart).toBeNull();
    expect(input(1, { availabilityDays: undefined }).availabilityDays).toEqual([]);
  });

  it("refuses times out of order or alone, unknown zones and days, hidden characters and far dates", () => {
    const errors = (fields: Record<string, unknown>) =>
      schema
        .safeParse({ version: "1", ...fields })
        .error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(errors({ availabilityFrom: "15:00", availabilityTo: "09:00" })).toEqual([
      "availabilityTo: The end time must be after the start time.",
    ]);
    expect(errors({ availabilityFrom: "09:00" })).toEqual([
      "availabilityTo: Give both a start and an end time, or neither.",
    ]);
    expect(errors({ timeZone: "Mars/Olympus" })).toEqual(["timeZone: Choose a time zone from the list."]);
    expect(errors({ availabilityDays: ["someday"] })?.[0]).toMatch(/^availabilityDays/);
    expect(errors({ location: "Malmö\u202e" })).toEqual([
      "location: Remove line breaks and invisible characters.",
    ]);
    expect(errors({ earliestStart: "2031-01-01" })).toEqual([
      "earliestStart: Choose a date within the next three years.",
    ]);
    expect(errors({ availabilityHours: "61" })?.[0]).toMatch(/^availabilityHours/);
    expect(errors({ version: "0" })?.[0]).toMatch(/^version/);
  });
});

/** The record's current values as the form shows them. */
function current(a: {
  preferredName: string | null;
  personalEmail: string | null;
  phone: string | null;
  location: string | null;
  timeZone: string | null;
  languages: string[];
  skills: string[];
  engagementPreference: string | null;
  availabilityHours: number | null;
  availabilityDays: string[];
  availabilityFrom: string | null;
  availabilityTo: string | null;
  earliestStart: Date | null;
}) {
  return {
    preferredName: a.preferredName ?? "",
    personalEmail: a.personalEmail ?? "",
    phone: a.phone ?? "",
    location: a.location ?? "",
    timeZone: a.timeZone ?? "",
    languages: a.languages.join(", "),
    skills: a.skills.join(", "),
    engagementPreference: a.engagementPreference ?? "",
    availabilityHours: a.availabilityHours === null ? "" : String(a.availabilityHours),
    availabilityDays: a.availabilityDays,
    availabilityFrom: a.availabilityFrom ?? "",
    availabilityTo: a.availabilityTo ?? "",
    earliestStart: a.earliestStart ? a.earliestStart.toISOString().slice(0, 10) : "",
  };
}
