import { describe, expect, it } from "vitest";
import { verifyAuditChain } from "~/modules/audit/verify-chain.server";
import { redactAuditEvents } from "~/modules/audit/redact-audit-events.server";
import { recordAudit } from "~/platform/audit.server";
import { db } from "~/platform/db.server";

const actor = { type: "staff", id: "u1", name: "Hanna Berg", role: "hr" } as const;

describe("audit trail", () => {
  it("commits the event with the change, and a failed change leaves no event", async () => {
    const countBefore = await db.auditEvent.count();
    await db.$transaction(async (tx) => {
      const team = await tx.team.create({ data: { name: "Audit team A" } });
      await recordAudit(tx, {
        actor,
        action: "team.created",
        entityType: "team",
        entityId: team.id,
        after: { name: team.name },
      });
    });
    expect(await db.auditEvent.count()).toBe(countBefore + 1);

    await expect(
      db.$transaction(async (tx) => {
        const team = await tx.team.create({ data: { name: "Audit team B" } });
        await recordAudit(tx, { actor, action: "team.created", entityType: "team", entityId: team.id });
        await tx.team.create({ data: { name: "Audit team B" } }); // unique violation: the whole change fails
      }),
    ).rejects.toThrow();
    expect(await db.auditEvent.count()).toBe(countBefore + 1);
    expect(await db.team.count({ where: { name: "Audit team B" } })).toBe(0);
  });

  it("stays one chain when events are written in parallel", async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        db.$transaction((tx) =>
          recordAudit(tx, { actor, action: "team.created", entityType: "team", entityId: `p${i}` }),
        ),
      ),
    );
    const report = await verifyAuditChain({ pageSize: 7 });
    expect(report.ok).toBe(true);
  });

  it("detects an altered event", async () => {
    const id = await db.$transaction((tx) =>
      recordAudit(tx, {
        actor,
        action: "alumnus.restricted_updated",
        entityType: "alumnus",
        entityId: "a1",
        after: { doNotRehire: true },
        reason: "Confirmed misconduct",
      }),
    );
    await db.$transaction((tx) =>
      recordAudit(tx, { actor, action: "team.created", entityType: "team", entityId: "after" }),
    );
    await db.$executeRaw`UPDATE "AuditEvent" SET "reason" = 'nothing to see' WHERE "id" = ${id}`;
    const report = await verifyAuditChain();
    expect(report).toMatchObject({ ok: false, brokenAt: id.toString() });
    if (!report.ok) expect(report.problem).toMatch(/changed/);
    await db.$executeRaw`UPDATE "AuditEvent" SET "reason" = 'Confirmed misconduct' WHERE "id" = ${id}`;
    expect((await verifyAuditChain()).ok).toBe(true);
  });

  it("erases personal data from events and still verifies; a later edit of an erased event is detected", async () => {
    const person = { type: "alumnus", id: "alumnus-erased-1", name: "Greta Person" } as const;
    const own = await db.$transaction((tx) =>
      recordAudit(tx, {
        actor: person,
        action: "alumnus.profile_updated",
        entityType: "alumnus",
        entityId: person.id,
        before: { phone: "+46 70 000 00 01" },
        after: { phone: "+46 70 000 00 02" },
      }),
    );
    const byHr = await db.$transaction((tx) =>
      recordAudit(tx, {
        actor,
        action: "alumnus.updated",
        entityType: "alumnus",
        entityId: person.id,
        after: { lastName: "Person" },
        reason: "Greta asked",
      }),
    );
    await db.$transaction((tx) =>
      recordAudit(tx, { actor, action: "team.created", entityType: "team", entityId: "later" }),
    );
    const count = await db.$transaction((tx) =>
      redactAuditEvents({
        tx,
        actor: { type: "system", name: "erasure" },
        reference: "ER-TEST01",
        redactions: [
          {
            id: own,
            fields: {
              before: null,
              after: { erased: "ER-TEST01" },
              actorName: "Erased person",
              ip: null,
              userAgent: null,
            },
          },
          { id: byHr, fields: { before: null, after: { erased: "ER-TEST01" }, reason: null } },
        ],
      }),
    );
    expect(count).toBe(2);
    const rows = await db.auditEvent.findMany({ where: { id: { in: [own, byHr] } }, orderBy: { id: "asc" } });
    expect(JSON.stringify(rows, (_k, v) => (typeof v === "bigint" ? v.toString() : v))).not.toMatch(
      /Greta|\+46/,
    );
    expect(rows.every((r) => r.redactedBy !== null)).toBe(true);
    const report = await verifyAuditChain({ pageSize: 3 });
    expect(report).toMatchObject({ ok: true, redacted: 2 });

    // Editing an erased event afterwards is still caught.
    await db.$executeRaw`UPDATE "AuditEvent" SET "reason" = 'rewritten' WHERE "id" = ${byHr}`;
    const broken = await verifyAuditChain();
    expect(broken).toMatchObject({ ok: false, brokenAt: byHr.toString() });
    await db.$executeRaw`UPDATE "AuditEvent" SET "reason" = NULL WHERE "id" = ${byHr}`;
    // ...and so is an unredacted event that claims an erasure that never listed it.
    const plain = await db.$transaction((tx) =>
      recordAudit(tx, { actor, action: "team.created", entityType: "team", entityId: "plain" }),
    );
    await db.$transaction((tx) =>
      recordAudit(tx, { actor, action: "team.created", entityType: "team", entityId: "after-plain" }),
    );
    await db.$executeRaw`UPDATE "AuditEvent" SET "reason" = 'sneaky', "redactedBy" = ${rows[0].redactedBy} WHERE "id" = ${plain}`;
    expect(await verifyAuditChain()).toMatchObject({ ok: false, brokenAt: plain.toString() });
    await db.$executeRaw`UPDATE "AuditEvent" SET "reason" = NULL, "redactedBy" = NULL WHERE "id" = ${plain}`;
    expect((await verifyAuditChain()).ok).toBe(true);
  });
  it("detects a deleted event", async () => {
    const id = await db.$transaction((tx) =>
      recordAudit(tx, { actor, action: "team.created", entityType: "team", entityId: "doomed" }),
    );
    const next = await db.$transaction((tx) =>
      recordAudit(tx, { actor, action: "team.created", entityType: "team", entityId: "survivor" }),
    );
    await db.$executeRaw`DELETE FROM "AuditEvent" WHERE "id" = ${id}`;
    const report = await verifyAuditChain();
    expect(report).toMatchObject({ ok: false, brokenAt: next.toString() });
    if (!report.ok) expect(report.problem).toMatch(/deleted/);
  });
});
