import { describe, expect, it } from "vitest";
import { db } from "~/platform/db.server";
import { createStaffUser, staffActor } from "../../../test/factories";
import { DEMO_WELCOME } from "./demo-welcome";
import { getWelcome } from "./get-welcome.server";
import { saveWelcome } from "./save-welcome.server";
import { WelcomeSchema, welcomeFindingPlace, welcomeTone } from "./welcome";

/** One file, one database: the tests below run in order on the single welcome row. */
async function hr() {
  return staffActor(await createStaffUser(db, { role: "hr" }));
}

const input = (values: Record<string, string>, version: number) =>
  WelcomeSchema.parse({ ...DEMO_WELCOME, ...values, version: String(version) });

describe("the welcome page", () => {
  it("is empty until HR writes it; saving keeps it, audits what changed, and refuses a stale save", async () => {
    expect(await getWelcome()).toBeNull();
    const actor = await hr();
    const first = await saveWelcome({ actor, input: input({}, 0) });
    expect(first.version).toBe(1);
    expect(first.tone.ok).toBe(true);
    expect(await getWelcome()).toMatchObject({ ...DEMO_WELCOME, version: 1 });

    const second = await saveWelcome({ actor, input: input({ headline: "Come back, if you like" }, 1) });
    expect(second).toMatchObject({ version: 2, changed: ["headline"] });
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "portal.welcome_updated" },
      orderBy: { id: "desc" },
    });
    expect(event.before).toEqual({ headline: DEMO_WELCOME.headline });
    expect(event.after).toEqual({ headline: "Come back, if you like" });

    await expect(saveWelcome({ actor, input: input({ headline: "Stale" }, 1) })).rejects.toMatchObject({
      code: "conflict",
    });
    expect((await getWelcome())?.headline).toBe("Come back, if you like");
  });

  it("refuses cold wording unless someone who may override the tone check gives a reason", async () => {
    const actor = await hr();
    const cold = {
      whatWeAreDoing:
        "Due to business needs, your position was eliminated. We regret to inform you that it was decided to restructure.",
    };
    const version = (await getWelcome())!.version;
    const refused = await saveWelcome({ actor, input: input(cold, version) }).catch((e) => e);
    expect(refused).toMatchObject({ code: "validation" });
    expect(refused.message).toMatch(/The tone check found/);
    expect(refused.options.fieldErrors.toneOverrideReason[0]).toMatch(/give a reason/);

    const withoutPermission = {
      ...actor,
      permissions: actor.permissions.filter((p) => p !== "override:tone-check"),
    };
    await expect(
      saveWelcome({
        actor: withoutPermission,
        input: input({ ...cold, toneOverrideReason: "Legal asked for this wording." }, version),
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect((await getWelcome())?.version).toBe(version);

    const saved = await saveWelcome({
      actor,
      input: input({ ...cold, toneOverrideReason: "Legal asked for this wording." }, version),
    });
    expect(saved.tone.ok).toBe(false);
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "portal.welcome_updated" },
      orderBy: { id: "desc" },
    });
    expect(event.reason).toBe("Legal asked for this wording.");
  });

  it("two saves from the same version: one is kept, the other is told someone else saved", async () => {
    const actor = await hr();
    const version = (await getWelcome())!.version;
    const results = await Promise.allSettled(
      ["First of two", "Second of two"].map((headline) =>
        saveWelcome({ actor, input: input({ headline }, version) }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(refused.map((r) => r.reason.code)).toEqual(["conflict"]);
    expect((await getWelcome())?.version).toBe(version + 1);

    // Two first saves at once (nothing written yet): likewise one row, one conflict.
    await db.portalWelcome.deleteMany({});
    const first = await Promise.allSettled(
      ["First of two", "Second of two"].map((headline) =>
        saveWelcome({ actor, input: input({ headline }, 0) }),
      ),
    );
    expect(first.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(
      first.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason.code),
    ).toEqual(["conflict"]);
    expect((await getWelcome())?.version).toBe(1);
  });

  it("refuses hidden characters, a line break in one-line fields and a malformed contact", () => {
    const bad: Record<string, string>[] = [
      { headline: "" },
      { headline: "Welcome\nback" },
      { whatWeAreDoing: "We are\u202e back" },
      { flexibleWork: "Shifts\u0000" },
      { contactName: "Amara\r\nBcc: x@evil.example" },
      { contactEmail: "amara@fjordpay.example, x@evil.example" },
      { contactPhone: "call me maybe" },
      { whatWeAreDoing: "x".repeat(4001) },
    ];
    for (const values of bad) {
      expect(
        WelcomeSchema.safeParse({ ...DEMO_WELCOME, ...values, version: "1" }).success,
        JSON.stringify(values),
      ).toBe(false);
    }
  });

  it("names where each tone finding is by the editor's field and the line inside it", () => {
    const content = {
      headline: "Effective immediately, we want you back",
      whatWeAreDoing: "We looked hard at support.\n\nYour position was eliminated in 2022.",
      flexibleWork: "Shifts you pick.\nWe regret to inform you that the rate is fixed.",
    };
    const places = welcomeTone(content).findings.map((f) => [f.ruleId, welcomeFindingPlace(content, f)]);
    expect(places).toEqual(
      expect.arrayContaining([
        ["cold.position-eliminated", "What we are doing, and why, line 3"],
        ["cold.regret-to-inform", "What flexible work looks like, line 2"],
      ]),
    );
    expect(places.find(([id]) => id === "cold.effective-immediately")?.[1]).toBe("Headline");
  });
});
