import { describe, expect, it } from "vitest";
import { db } from "~/platform/db.server";
import { createAlumnus, createStaffUser, staffActor, unique } from "../../../test/factories";
import { publishInitialPolicy } from "../eligibility/publish-policy.server";
import { overrideVerdict } from "../eligibility/override-verdict.server";
import { getEligibilityForAlumnus } from "../eligibility/get-eligibility.server";
import { parseAlumniFilter } from "./alumni-filter";
import { getAlumnusProfile } from "./get-alumnus-profile.server";
import { listAlumni } from "./list-alumni.server";
import { setDoNotRehire } from "./set-do-not-rehire.server";

const view = (q: string) => parseAlumniFilter(new URLSearchParams(q));
const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();

describe("eligibility in the alumni pool", () => {
  it("filters and badges the list by the effective verdict, lets an override win, and hides both from viewers without read:eligibility", async () => {
    const hr = staffActor(await createStaffUser(db, { role: "hr" }));
    const marker = unique("elig").toLowerCase();
    const person = (exitReason: "resignation" | "conduct" | "performance") =>
      createAlumnus(db, {
        lastName: `Person${marker}`,
        exitReason,
        exitDate: new Date("2023-03-31"),
        hireDate: new Date("2019-01-15"),
        hrRehireFlag: null,
        consentReturn: "granted",
        doNotRehire: false,
        legalHold: false,
      });
    const leaver = await person("resignation");
    const conduct = await person("conduct");
    const review = await person("performance");
    await db.$transaction((tx) => publishInitialPolicy(tx, undefined, { recomputeNow: true }));
    const late = await person("resignation"); // arrives after the recompute: no verdict yet

    const of = async (outcomes: string) =>
      ids((await listAlumni({ actor: hr, filter: view(`q=${marker}&${outcomes}`), pageSize: 50 })).rows);
    expect(await of("eligibility=eligible")).toEqual([leaver.id]);
    expect(await of("eligibility=not_eligible")).toEqual([conduct.id]);
    expect(await of("eligibility=needs_review")).toEqual([review.id]);
    expect(await of("eligibility=none")).toEqual([late.id]);
    expect(await of("eligibility=eligible&eligibility=none")).toEqual(ids([leaver, late]));

    // HR decides the review: the override counts, the computed verdict stays beside it
    await overrideVerdict({
      actor: hr,
      alumnusId: review.id,
      outcome: "eligible",
      justification: "Coached through the 2022 peak; performance issues were tooling, not the person.",
      kind: "review",
    });
    expect(await of("eligibility=eligible")).toEqual(ids([leaver, review]));
    expect(await of("eligibility=needs_review")).toEqual([]);
    const details = await getEligibilityForAlumnus(review.id);
    expect(details?.override?.outcome).toBe("eligible");

    const page = await listAlumni({ actor: hr, filter: view(`q=${marker}`), pageSize: 50 });
    const badge = Object.fromEntries(page.rows.map((r) => [r.id, r.eligibility]));
    expect(badge).toEqual({
      [leaver.id]: "eligible",
      [conduct.id]: "not_eligible",
      [review.id]: "eligible",
      [late.id]: null,
    });

    // a viewer without read:eligibility: the filter is ignored and no verdict is sent
    const withoutEligibility = { ...hr, permissions: hr.permissions.filter((p) => p !== "read:eligibility") };
    const ignored = await listAlumni({
      actor: withoutEligibility,
      filter: view(`q=${marker}&eligibility=eligible`),
      pageSize: 50,
    });
    expect(ignored.total).toBe(4);
    expect(ignored.rows.every((r) => r.eligibility === undefined)).toBe(true);
    expect(
      (await getAlumnusProfile({ actor: withoutEligibility, alumnusId: leaver.id })).eligibility,
    ).toBeUndefined();
    expect(
      (await getAlumnusProfile({ actor: hr, alumnusId: leaver.id })).eligibility?.effective.outcome,
    ).toBe("eligible");
  });

  it("re-evaluates a person in the same transaction when HR marks them do not rehire", async () => {
    const hr = staffActor(await createStaffUser(db, { role: "hr" }));
    const marker = unique("dnr").toLowerCase();
    const a = await createAlumnus(db, {
      lastName: `Person${marker}`,
      exitReason: "resignation",
      exitDate: new Date("2023-03-31"),
      hireDate: new Date("2019-01-15"),
      hrRehireFlag: null,
      consentReturn: "granted",
      doNotRehire: false,
      legalHold: false,
    });
    await db.$transaction((tx) => publishInitialPolicy(tx, undefined, { recomputeNow: true }));
    expect((await getEligibilityForAlumnus(a.id))?.effective.outcome).toBe("eligible");
    await setDoNotRehire({
      actor: hr,
      alumnusId: a.id,
      version: a.version,
      doNotRehire: true,
      reason: "Repeated data-protection breaches documented in 2023.",
    });
    expect((await getEligibilityForAlumnus(a.id))?.effective.outcome).toBe("not_eligible");
  });
});
