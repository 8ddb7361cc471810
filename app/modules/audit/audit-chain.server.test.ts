import { describe, expect, it } from "vitest";
import { verifyAuditChain } from "~/modules/audit/verify-chain.server";
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
