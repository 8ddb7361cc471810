import { db } from "~/platform/db.server";

/** A record as a page names it: what it is called and where it lives (null when it is gone). */
export type RecordName = { name: string; href: string | null };

const personName = (a: { firstName: string; lastName: string; preferredName: string | null }) =>
  `${a.preferredName || a.firstName} ${a.lastName}`;

type Lookup = (ids: string[]) => Promise<[string, RecordName][]>;

/** How each kind of record is found by id; kinds not listed keep their id. */
const LOOKUPS: Record<string, Lookup> = {
  alumnus: async (ids) =>
    (
      await db.alumnus.findMany({
        where: { id: { in: ids } },
        select: { id: true, firstName: true, lastName: true, preferredName: true },
      })
    ).map((a) => [a.id, { name: personName(a), href: `/staff/alumni/${a.id}` }]),
  user: async (ids) =>
    (await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((u) => [
      u.id,
      { name: u.name, href: `/staff/admin/users/${u.id}` },
    ]),
  team: async (ids) =>
    (await db.team.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((t) => [
      t.id,
      { name: t.name, href: null },
    ]),
  campaign: async (ids) =>
    (await db.campaign.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map(
      (c) => [c.id, { name: c.name, href: `/staff/campaigns/${c.id}` }],
    ),
  decision: async (ids) =>
    (
      await db.workforceDecision.findMany({ where: { id: { in: ids } }, select: { id: true, title: true } })
    ).map((d) => [d.id, { name: d.title, href: `/staff/decisions/${d.id}` }]),
  program: async (ids) =>
    (await db.returnProgram.findMany({ where: { id: { in: ids } }, select: { id: true, title: true } })).map(
      (p) => [p.id, { name: p.title, href: `/staff/programs/${p.id}` }],
    ),
  segment: async (ids) =>
    (await db.segment.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((s) => [
      s.id,
      { name: s.name, href: null },
    ]),
  application: async (ids) =>
    (
      await db.application.findMany({
        where: { id: { in: ids } },
        select: {
          id: true,
          alumnus: { select: { firstName: true, lastName: true, preferredName: true } },
          program: { select: { title: true } },
        },
      })
    ).map((a) => [
      a.id,
      { name: `${personName(a.alumnus)} for ${a.program.title}`, href: `/staff/applications/${a.id}` },
    ]),
  contract: async (ids) =>
    (
      await db.gigContract.findMany({
        where: { id: { in: ids } },
        select: {
          id: true,
          role: true,
          alumnus: { select: { firstName: true, lastName: true, preferredName: true } },
        },
      })
    ).map((c) => [c.id, { name: `${personName(c.alumnus)}, ${c.role}`, href: `/staff/contracts/${c.id}` }]),
  erasure_request: async (ids) =>
    (
      await db.erasureRequest.findMany({ where: { id: { in: ids } }, select: { id: true, reference: true } })
    ).map((r) => [r.id, { name: r.reference, href: `/staff/privacy/${r.id}` }]),
  ImportRun: async (ids) =>
    (await db.importRun.findMany({ where: { id: { in: ids } }, select: { id: true, fileName: true } })).map(
      (r) => [r.id, { name: r.fileName, href: `/staff/imports/${r.id}` }],
    ),
  outbox_message: async (ids) =>
    (
      await db.outboxMessage.findMany({ where: { id: { in: ids } }, select: { id: true, subject: true } })
    ).map((m) => [m.id, { name: m.subject, href: `/staff/outbox/${m.id}` }]),
};

/**
 * Names for many records at once, one query per kind: `refs` are [kind, id] pairs; the answer
 * is keyed `${kind}:${id}`. Records that no longer exist (erased, deleted) are absent.
 */
export async function nameRecords(refs: readonly (readonly [string, string | null | undefined])[]) {
  const byKind = new Map<string, Set<string>>();
  for (const [kind, id] of refs) {
    if (!id || !LOOKUPS[kind]) continue;
    const ids = byKind.get(kind) ?? new Set<string>();
    ids.add(id);
    byKind.set(kind, ids);
  }
  const found = await Promise.all(
    [...byKind].map(async ([kind, ids]) =>
      (await LOOKUPS[kind]([...ids])).map(([id, name]) => [`${kind}:${id}`, name] as const),
    ),
  );
  return new Map<string, RecordName>(found.flat());
}
