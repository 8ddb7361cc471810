import { describe, expect, it, vi } from "vitest";
import { verifyAuditChain } from "~/modules/audit/verify-chain.server";
import { redactAuditEvents } from "~/modules/audit/redact-audit-events.server";
import {
  AUDIT_LINK_GRACE_MS,
  linkAuditChain,
  linkPendingAuditEvents,
  startAuditLinker,
} from "~/platform/audit-chain.server";
import { GENESIS_HASH, hashAuditEvent, hashedFieldsOf, recordAudit } from "~/platform/audit.server";
import { afterCommit, db } from "~/platform/db.server";

const actor = { type: "staff", id: "u1", name: "Hanna Berg", role: "hr" } as const;

const write = (entityId: string, reason?: string) =>
  db.$transaction((tx) =>
    recordAudit(tx, { actor, action: "team.created", entityType: "team", entityId, reason }),
  );

const chainHead = () =>
  db.auditEvent.findFirst({
    where: { chainPosition: { not: null } },
    orderBy: { chainPosition: "desc" },
    select: { id: true, chainPosition: true, hash: true },
  });

const unlinkedCount = () => db.auditEvent.count({ where: { chainPosition: null } });

/** The linked chain in its order: positions one after another, each link to the one before. */
async function chainIsLinear() {
  const rows = await db.auditEvent.findMany({
    where: { chainPosition: { not: null } },
    orderBy: { chainPosition: "asc" },
  });
  let previous = GENESIS_HASH;
  for (const row of rows) {
    if (row.prevHash !== previous) return false;
    if (hashAuditEvent(hashedFieldsOf(row)) !== row.hash && row.redactedBy === null) return false;
    previous = row.hash!;
  }
  return true;
}

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

  it("writes the event without its link; linking after the commit gives it the next place in the chain", async () => {
    await linkPendingAuditEvents({ wait: true });
    const head = await chainHead();
    const id = await db.$transaction(async (tx) => {
      const written = await recordAudit(tx, {
        actor,
        action: "team.created",
        entityType: "team",
        entityId: "x",
      });
      const row = await tx.auditEvent.findUniqueOrThrow({ where: { id: written } });
      expect(row).toMatchObject({ chainPosition: null, prevHash: null, hash: null });
      return written;
    });
    expect(await linkAuditChain({ wait: true })).toEqual({ linked: 1, busy: false });
    const row = await db.auditEvent.findUniqueOrThrow({ where: { id } });
    expect(row.chainPosition).toBe((head?.chainPosition ?? 0n) + 1n);
    expect(row.prevHash).toBe(head?.hash ?? GENESIS_HASH);
    expect(row.hash).toBe(hashAuditEvent(hashedFieldsOf(row)));
    // Linking again finds nothing to do and changes nothing.
    expect(await linkAuditChain({ wait: true })).toEqual({ linked: 0, busy: false });
    expect(await db.auditEvent.findUniqueOrThrow({ where: { id } })).toEqual(row);
  });

  it("stays one chain when events are written and linked in parallel", async () => {
    const writers = Array.from({ length: 30 }, (_, i) => write(`p${i}`));
    // Linkers racing each other and the writers: each finds the events committed so far.
    const linkers = Array.from({ length: 4 }, async () => {
      for (let round = 0; round < 5; round++) await linkPendingAuditEvents({ wait: round % 2 === 0 });
    });
    const ids = await Promise.all(writers);
    await Promise.all(linkers);
    await linkPendingAuditEvents({ wait: true });
    expect(await unlinkedCount()).toBe(0);
    const rows = await db.auditEvent.findMany({ where: { id: { in: ids } } });
    expect(new Set(rows.map((r) => r.chainPosition)).size).toBe(30);
    expect(await chainIsLinear()).toBe(true);
    const report = await verifyAuditChain({ pageSize: 7 });
    expect(report).toMatchObject({ ok: true, waiting: 0 });
  });

  // Two transactions open at once need two backends: the embedded database has one.
  it.skipIf(!process.env.TEST_DATABASE_URL)(
    "links an event whose transaction commits after a later event's: the chain follows the commits",
    async () => {
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let written!: () => void;
      const firstWritten = new Promise<void>((resolve) => (written = resolve));
      const slow = db.$transaction(async (tx) => {
        const id = await recordAudit(tx, {
          actor,
          action: "team.created",
          entityType: "team",
          entityId: "slow",
        });
        written();
        await held;
        return id;
      });
      await firstWritten;
      const fast = await write("fast");
      expect((await linkPendingAuditEvents({ wait: true })).linked).toBeGreaterThanOrEqual(1);
      release();
      const slowId = await slow;
      expect(slowId).toBeLessThan(fast);
      expect(await db.auditEvent.findUniqueOrThrow({ where: { id: slowId } })).toMatchObject({
        chainPosition: null,
      });
      await linkPendingAuditEvents({ wait: true });
      const [s, f] = await Promise.all([
        db.auditEvent.findUniqueOrThrow({ where: { id: slowId } }),
        db.auditEvent.findUniqueOrThrow({ where: { id: fast } }),
      ]);
      expect(s.chainPosition!).toBeGreaterThan(f.chainPosition!);
      expect(await verifyAuditChain()).toMatchObject({ ok: true });
    },
  );

  it("runs after-commit work once the transaction commits, and never when it rolls back", async () => {
    const ran: string[] = [];
    await db.$transaction(async (tx) => {
      afterCommit(tx, () => ran.push("committed"));
      await tx.team.create({ data: { name: "After commit team" } });
      expect(ran).toEqual([]);
    });
    expect(ran).toEqual(["committed"]);
    await expect(
      db.$transaction(async (tx) => {
        afterCommit(tx, () => ran.push("rolled back"));
        await tx.team.create({ data: { name: "After commit team" } }); // unique violation
      }),
    ).rejects.toThrow();
    await new Promise((resolve) => setImmediate(resolve));
    expect(ran).toEqual(["committed"]);
  });

  it("the linker links what a crashed process left at start, then each event once its transaction commits", async () => {
    await linkPendingAuditEvents({ wait: true });
    // Events committed by a process that died before linking them.
    const leftBehind = [await write("left-1"), await write("left-2")];
    expect(await unlinkedCount()).toBe(2);
    // No periodic sweep during the test: only the start and the commits make it run.
    const linker = startAuditLinker({ sweepMs: 3_600_000 });
    try {
      await vi.waitFor(async () => expect(await unlinkedCount()).toBe(0), { timeout: 20_000 });
      const later = await write("after-start");
      await vi.waitFor(
        async () =>
          expect(
            (await db.auditEvent.findUniqueOrThrow({ where: { id: later } })).chainPosition,
          ).not.toBeNull(),
        { timeout: 20_000 },
      );
      const rows = await db.auditEvent.findMany({ where: { id: { in: [...leftBehind, later] } } });
      expect(rows.every((r) => r.hash !== null)).toBe(true);
    } finally {
      await linker.stop();
    }
    expect(await verifyAuditChain({ linkPending: false })).toMatchObject({ ok: true, waiting: 0 });
  });

  it("counts events waiting for their link, and reports one left unlinked past the grace period", async () => {
    await linkPendingAuditEvents({ wait: true });
    const id = await write("waiting");
    expect(await verifyAuditChain({ linkPending: false })).toMatchObject({ ok: true, waiting: 1 });
    const later = new Date(Date.now() + AUDIT_LINK_GRACE_MS + 1_000);
    const stale = await verifyAuditChain({ linkPending: false, now: later });
    expect(stale).toMatchObject({ ok: false, brokenAt: id.toString() });
    if (!stale.ok) expect(stale.problem).toMatch(/not linked/);
    // Verifying with linking (npm run audit:verify) links it.
    expect(await verifyAuditChain({ now: later })).toMatchObject({ ok: true, waiting: 0, linked: 1 });
  });

  it("detects an event whose link was removed, or that was unlinked to be linked again with other content", async () => {
    const first = await write("link-1");
    const second = await write("link-2", "Original reason");
    const third = await write("link-3");
    await linkPendingAuditEvents({ wait: true });
    const [one, two] = await Promise.all(
      [first, second].map((id) => db.auditEvent.findUniqueOrThrow({ where: { id } })),
    );
    await db.$executeRaw`UPDATE "AuditEvent" SET "hash" = NULL WHERE "id" = ${first}`;
    const removed = await verifyAuditChain();
    expect(removed).toMatchObject({ ok: false, brokenAt: first.toString() });
    if (!removed.ok) expect(removed.problem).toMatch(/no hash/);
    await db.$executeRaw`UPDATE "AuditEvent" SET "hash" = ${one.hash} WHERE "id" = ${first}`;
    expect(await verifyAuditChain()).toMatchObject({ ok: true });

    // Unlinked and changed: the linker gives it a new place at the end, and the event after its
    // old place no longer follows the one before it.
    await db.$executeRaw`UPDATE "AuditEvent" SET "chainPosition" = NULL, "prevHash" = NULL, "hash" = NULL, "reason" = 'rewritten' WHERE "id" = ${second}`;
    const relinked = await verifyAuditChain();
    expect(relinked).toMatchObject({ ok: false, brokenAt: third.toString() });
    if (!relinked.ok) expect(relinked.problem).toMatch(/deleted or reordered/);
    await db.$executeRaw`UPDATE "AuditEvent" SET "chainPosition" = ${two.chainPosition}, "prevHash" = ${two.prevHash}, "hash" = ${two.hash}, "reason" = ${two.reason} WHERE "id" = ${second}`;
    expect(await verifyAuditChain()).toMatchObject({ ok: true });
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
    await linkPendingAuditEvents({ wait: true });
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
    await linkPendingAuditEvents({ wait: true });
    await db.$executeRaw`UPDATE "AuditEvent" SET "reason" = 'sneaky', "redactedBy" = ${rows[0].redactedBy} WHERE "id" = ${plain}`;
    expect(await verifyAuditChain()).toMatchObject({ ok: false, brokenAt: plain.toString() });
    await db.$executeRaw`UPDATE "AuditEvent" SET "reason" = NULL, "redactedBy" = NULL WHERE "id" = ${plain}`;
    expect((await verifyAuditChain()).ok).toBe(true);
  });
  it("erases personal data from an event that was not linked yet", async () => {
    const person = { type: "alumnus", id: "alumnus-erased-2", name: "Otto Waiting" } as const;
    const id = await db.$transaction((tx) =>
      recordAudit(tx, {
        actor: person,
        action: "alumnus.profile_updated",
        entityType: "alumnus",
        entityId: person.id,
        after: { phone: "+46 70 000 00 03" },
      }),
    );
    expect(await unlinkedCount()).toBeGreaterThan(0);
    await db.$transaction((tx) =>
      redactAuditEvents({
        tx,
        actor: { type: "system", name: "erasure" },
        reference: "ER-TEST02",
        redactions: [{ id, fields: { after: { erased: "ER-TEST02" }, actorName: "Erased person" } }],
      }),
    );
    const row = await db.auditEvent.findUniqueOrThrow({ where: { id } });
    expect(row.hash).not.toBeNull();
    expect(JSON.stringify(row.after)).not.toMatch(/\+46/);
    expect(await verifyAuditChain()).toMatchObject({ ok: true });
  });

  it("detects a deleted event", async () => {
    const id = await db.$transaction((tx) =>
      recordAudit(tx, { actor, action: "team.created", entityType: "team", entityId: "doomed" }),
    );
    const next = await db.$transaction((tx) =>
      recordAudit(tx, { actor, action: "team.created", entityType: "team", entityId: "survivor" }),
    );
    await linkPendingAuditEvents({ wait: true });
    await db.$executeRaw`DELETE FROM "AuditEvent" WHERE "id" = ${id}`;
    const report = await verifyAuditChain();
    expect(report).toMatchObject({ ok: false, brokenAt: next.toString() });
    if (!report.ok) expect(report.problem).toMatch(/deleted/);
  });
});
