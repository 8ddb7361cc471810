import { describe, expect, it } from "vitest";
import { recordAudit, type AuditActor } from "~/platform/audit.server";
import { db } from "~/platform/db.server";
import { createStaffUser, staffActor, unique } from "../../../test/factories";
import { CSV_INJECTION_PAYLOADS, countTried } from "../../../test/hostile/payloads";
import { AuditFilterSchema } from "./audit-filters.server";
import { exportAuditCsv } from "./export-audit.server";
import { listAuditEvents } from "./list-audit-events.server";

async function write(
  actor: AuditActor,
  action: "team.created" | "staff.deactivated" | "auth.sign_in",
  entityId: string,
  extra: { reason?: string } = {},
) {
  return db.$transaction((tx) =>
    recordAudit(tx, {
      actor,
      action,
      entityType: action === "team.created" ? "team" : "user",
      entityId,
      ...extra,
    }),
  );
}

const filters = (params: Record<string, string>) => AuditFilterSchema.parse(params);

async function readAll(stream: ReadableStream<Uint8Array>) {
  const chunks: string[] = [];
  const reader = stream.getReader();
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true }); // keep the BOM: the test checks it
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(decoder.decode(value, { stream: true }));
  }
  return chunks.join("");
}

/** A minimal RFC 4180 reader for checking our own output. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += c;
  }
  return rows;
}

describe("audit viewer", () => {
  it("filters by actor (name or id), entity, action or action family, and date, in the URL's terms", async () => {
    const tag = unique("f");
    const alice: AuditActor = { type: "staff", id: unique("alice"), name: `Alice ${tag}`, role: "admin" };
    const bob: AuditActor = { type: "staff", id: unique("bob"), name: `Bob ${tag}`, role: "hr" };
    await write(alice, "team.created", `${tag}-t1`);
    await write(bob, "staff.deactivated", `${tag}-u1`, { reason: "Contract ended" });
    await write(alice, "auth.sign_in", `${tag}-s1`);

    const byName = await listAuditEvents({ filters: filters({ actor: `alice ${tag}` }) });
    expect(byName.events.map((e) => e.action)).toEqual(["auth.sign_in", "team.created"]);
    const byId = await listAuditEvents({ filters: filters({ actor: bob.type === "staff" ? bob.id : "" }) });
    expect(byId.events.map((e) => e.entityId)).toEqual([`${tag}-u1`]);
    expect(byId.events[0]).toMatchObject({
      reason: "Contract ended",
      actor: { name: `Bob ${tag}`, role: "hr", type: "staff" },
    });
    const byEntity = await listAuditEvents({
      filters: filters({ entityType: "team", entityId: `${tag}-t1` }),
    });
    expect(byEntity.events).toHaveLength(1);
    const byFamily = await listAuditEvents({ filters: filters({ actor: tag, action: "staff.*" }) });
    expect(byFamily.events.map((e) => e.action)).toEqual(["staff.deactivated"]);
    const today = new Date().toISOString().slice(0, 10);
    expect(
      (await listAuditEvents({ filters: filters({ actor: tag, from: today, to: today }) })).events,
    ).toHaveLength(3);
    expect(
      (await listAuditEvents({ filters: filters({ actor: tag, to: "2020-01-01" }) })).events,
    ).toHaveLength(0);
  });

  it("refuses filter values outside the allow-list", () => {
    expect(AuditFilterSchema.safeParse({ action: "DROP TABLE" }).success).toBe(false);
    expect(AuditFilterSchema.safeParse({ entityType: "user' OR 1=1 --" }).success).toBe(false);
    expect(AuditFilterSchema.safeParse({ before: "1; DELETE" }).success).toBe(false);
    // An impossible day is refused, not rolled over into March (issue 11: real calendar dates only).
    expect(AuditFilterSchema.safeParse({ from: "2026-02-31" }).success).toBe(false);
    expect(AuditFilterSchema.safeParse({ from: "yesterday" }).success).toBe(false);
    expect(AuditFilterSchema.parse({ actor: "", action: "" })).toMatchObject({
      actor: undefined,
      action: undefined,
    });
  });

  it("pages by event id, newest first, without gaps or repeats in either direction", async () => {
    const tag = unique("page");
    const actor: AuditActor = { type: "system", name: tag };
    for (let i = 0; i < 7; i++) await write(actor, "team.created", `${tag}-${i}`);
    const f = (extra: Record<string, string>) => filters({ actor: tag, ...extra });
    const first = await listAuditEvents({ filters: f({}), pageSize: 3 });
    const second = await listAuditEvents({ filters: f({ before: first.olderCursor! }), pageSize: 3 });
    const third = await listAuditEvents({ filters: f({ before: second.olderCursor! }), pageSize: 3 });
    const seen = [...first.events, ...second.events, ...third.events].map((e) => e.entityId);
    expect(seen).toEqual([6, 5, 4, 3, 2, 1, 0].map((i) => `${tag}-${i}`));
    expect(first.newerCursor).toBeNull();
    expect(third.olderCursor).toBeNull();
    const back = await listAuditEvents({ filters: f({ after: second.newerCursor! }), pageSize: 3 });
    expect(back.events.map((e) => e.entityId)).toEqual(first.events.map((e) => e.entityId));
  });

  it("exports the filtered view as formula-safe CSV, streamed, and audits the export", async () => {
    const admin = staffActor(await createStaffUser(db, { role: "admin", name: "Exporting Admin" }));
    const tag = unique("csv");
    const actor: AuditActor = {
      type: "staff",
      id: unique("x"),
      name: `=HYPERLINK("http://evil.example") ${tag}`,
      role: "hr",
    };
    for (const payload of CSV_INJECTION_PAYLOADS)
      await write(actor, "staff.deactivated", tag, { reason: payload });
    countTried("csv injection", CSV_INJECTION_PAYLOADS.length);
    await write({ type: "system", name: "someone else" }, "team.created", unique("other"));

    const { stream, rows } = await exportAuditCsv({ actor: admin, filters: filters({ entityId: tag }) });
    expect(rows).toBe(CSV_INJECTION_PAYLOADS.length);
    const text = await readAll(stream);
    expect(text.startsWith("\uFEFF")).toBe(true);
    const table = parseCsv(text.slice(1));
    const header = table[0];
    expect(header).toContain("Reason");
    expect(table).toHaveLength(1 + CSV_INJECTION_PAYLOADS.length);
    const reasonAt = header.indexOf("Reason");
    const nameAt = header.indexOf("Actor name");
    for (const [i, payload] of CSV_INJECTION_PAYLOADS.entries()) {
      const cell = table[1 + i][reasonAt];
      expect(cell).toBe(/^[=+\-@\t\r\n]/.test(payload) ? `'${payload}` : payload);
      expect(table[1 + i][nameAt].startsWith("'=")).toBe(true);
    }
    // No cell of the whole file starts a formula.
    for (const row of table) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r\n]/);

    const exported = await db.auditEvent.findFirstOrThrow({
      where: { action: "audit.exported", actorId: admin.id },
    });
    expect(exported.after).toMatchObject({ filters: { entityId: tag }, rows: CSV_INJECTION_PAYLOADS.length });
  });
});
