import {
  clearAuditLinker,
  GENESIS_HASH,
  hashAuditEvent,
  hashedFieldsOf,
  setAuditLinker,
} from "./audit.server";
import { db, Prisma, type Db } from "./db.server";
import { log } from "./logging.server";

/**
 * Linking audit events into the hash chain (ADR 006), after the transactions that wrote them have
 * committed (ADR 084).
 *
 * `recordAudit` only inserts the event, with no chain link, so transactions that write events do
 * not wait for each other. The linker then takes the chain lock (one linker at a time, across app
 * instances), reads the chain's head and the committed events not yet linked, oldest id first,
 * and gives each its place in the chain, the previous event's hash and its own hash. Each batch is
 * one short transaction: it is linked entirely or not at all, and linking again finds only what is
 * still unlinked, so a crash at any point loses nothing and links nothing twice. The chain's order
 * is the order of linking (close to the order of commit), not the order of the ids.
 *
 * Every app instance runs a linker (`startAuditLinker`): a transaction that wrote an event asks it
 * to run once it has committed, and it also runs at start and every few seconds, which picks up
 * events that other processes (the import jobs' own processes, scripts) or a crashed instance
 * left behind. `verifyAuditChain` links what is waiting before it verifies, or reports events left
 * unlinked for longer than `AUDIT_LINK_GRACE_MS`.
 */

const CHAIN_LOCK = 727_114_001;
/** Events linked per transaction. */
export const LINK_BATCH = 500;
/** How long a committed event may wait for its link before verification calls it a problem. */
export const AUDIT_LINK_GRACE_MS = 60_000;
/** How often every instance looks for events that nobody asked it to link. */
const SWEEP_MS = 5_000;

type Tx = Prisma.TransactionClient;

export type LinkResult = { linked: number; busy: boolean };

/**
 * Links up to `limit` committed events inside the caller's transaction, which must hold the chain
 * lock until it ends. Returns how many it linked.
 */
async function linkBatchInTx(tx: Tx, limit: number): Promise<number> {
  const head = await tx.auditEvent.findFirst({
    where: { chainPosition: { not: null } },
    orderBy: { chainPosition: "desc" },
    select: { chainPosition: true, hash: true },
  });
  const rows = await tx.auditEvent.findMany({
    where: { chainPosition: null },
    orderBy: { id: "asc" },
    take: limit,
  });
  if (rows.length === 0) return 0;
  let position = head?.chainPosition ?? 0n;
  let previous = head?.hash ?? GENESIS_HASH;
  const ids: string[] = [];
  const positions: string[] = [];
  const prevHashes: string[] = [];
  const hashes: string[] = [];
  for (const row of rows) {
    position += 1n;
    const hash = hashAuditEvent({ ...hashedFieldsOf(row), prevHash: previous });
    ids.push(row.id.toString());
    positions.push(position.toString());
    prevHashes.push(previous);
    hashes.push(hash);
    previous = hash;
  }
  const updated = await tx.$executeRaw`
    UPDATE "AuditEvent" AS e
    SET "chainPosition" = v.position, "prevHash" = v.prev, "hash" = v.hash
    FROM unnest(${ids}::text[]::bigint[], ${positions}::text[]::bigint[], ${prevHashes}::text[], ${hashes}::text[])
      AS v(id, position, prev, hash)
    WHERE e."id" = v.id AND e."chainPosition" IS NULL`;
  if (updated !== rows.length)
    throw new Error(`Linked ${updated} of ${rows.length} audit events; the batch was taken back.`);
  return rows.length;
}

/**
 * One batch in a short transaction of its own. With `wait`, waits for another linker to finish;
 * without, returns `busy` at once when one is running (it will link these events too, or be asked
 * again).
 */
export async function linkAuditChain(options: { limit?: number; wait?: boolean } = {}): Promise<LinkResult> {
  const limit = options.limit ?? LINK_BATCH;
  return db.$transaction(async (tx) => {
    if (options.wait) await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CHAIN_LOCK})`;
    else {
      const [{ locked }] = await tx.$queryRaw<{ locked: boolean }[]>`
        SELECT pg_try_advisory_xact_lock(${CHAIN_LOCK}) AS locked`;
      if (!locked) return { linked: 0, busy: true };
    }
    return { linked: await linkBatchInTx(tx, limit), busy: false };
  });
}

/** Links everything committed so far, batch after batch. */
export async function linkPendingAuditEvents(options: { wait?: boolean } = {}): Promise<LinkResult> {
  let linked = 0;
  for (;;) {
    const batch = await linkAuditChain({ wait: options.wait });
    linked += batch.linked;
    if (batch.busy || batch.linked < LINK_BATCH) return { linked, busy: batch.busy };
  }
}

/**
 * Inside a caller's transaction (the erasure, which must know the hashes of the events it
 * redacts): takes the chain lock until that transaction ends and links everything it can see.
 */
export async function linkAuditChainInTx(tx: Db): Promise<number> {
  const client = tx as Tx;
  await client.$executeRaw`SELECT pg_advisory_xact_lock(${CHAIN_LOCK})`;
  let linked = 0;
  for (;;) {
    const batch = await linkBatchInTx(client, LINK_BATCH);
    linked += batch;
    if (batch < LINK_BATCH) return linked;
  }
}

export type AuditLinker = { stop(): Promise<void> };

/**
 * The linker of this app instance: runs when a transaction that wrote an event commits
 * (`requestAuditLink`), at start, and every few seconds. One run at a time; requests that arrive
 * during a run make it go round once more.
 */
export function startAuditLinker(options: { sweepMs?: number } = {}): AuditLinker {
  let requested = false;
  let stopped = false;
  let running: Promise<void> | null = null;
  let retry: NodeJS.Timeout | undefined;

  const later = (ms: number) => {
    if (stopped || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      request();
    }, ms);
    retry.unref();
  };

  const run = async () => {
    try {
      while (requested && !stopped) {
        requested = false;
        const result = await linkPendingAuditEvents();
        // Another instance is linking; look again shortly in case it read the pending events
        // before ours committed.
        if (result.busy) later(50);
      }
    } catch (error) {
      log.warn("audit events could not be linked into the chain; trying again", { error });
      later(1_000);
    } finally {
      running = null;
    }
  };

  function request() {
    if (stopped) return;
    requested = true;
    running ??= run();
  }

  const sweep = setInterval(request, options.sweepMs ?? SWEEP_MS);
  sweep.unref();
  const linker = { request };
  setAuditLinker(linker);
  request();
  return {
    async stop() {
      stopped = true;
      clearInterval(sweep);
      if (retry) clearTimeout(retry);
      clearAuditLinker(linker);
      await running;
    },
  };
}
