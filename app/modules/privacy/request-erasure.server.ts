import { randomBytes } from "node:crypto";
import { t } from "~/modules/portal/strings";
import type { AlumnusUser } from "~/platform/auth.server";
import { recordAudit } from "~/platform/audit.server";
import { db, type Db } from "~/platform/db.server";
import { AppError } from "~/platform/errors";

/** Letters and digits that cannot be confused when read aloud or copied by hand. */
const REFERENCE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/** A pseudonymous reference such as "ER-7K3QX9": the only name an erased person keeps. */
export function newErasureReference(): string {
  const bytes = randomBytes(8);
  let out = "";
  for (let i = 0; i < 8; i++) out += REFERENCE_ALPHABET[bytes[i] % REFERENCE_ALPHABET.length];
  return `ER-${out}`;
}

/** The person's open request, if any (read inside the caller's transaction when given). */
export function openErasureRequest(tx: Db, alumnusId: string) {
  return tx.erasureRequest.findFirst({
    where: { alumnusId, status: "requested" },
    orderBy: { requestedAt: "desc" },
  });
}

/**
 * The person asks for their data to be erased (from the portal). One open request at a time: a
 * second one while the first waits is refused with a clear message. HR reviews it (ADR 040).
 * The audit event carries the reference only, never the person's message.
 */
export async function requestErasure(options: { actor: AlumnusUser; message: string }) {
  const { actor } = options;
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM "Alumnus" WHERE "id" = ${actor.id} FOR UPDATE`;
    const open = await openErasureRequest(tx, actor.id);
    if (open) throw new AppError("conflict", t("privacy.erase.alreadyRequested"));
    const request = await tx.erasureRequest.create({
      data: {
        reference: newErasureReference(),
        alumnusId: actor.id,
        message: options.message.trim() || null,
      },
    });
    await recordAudit(tx, {
      actor: { type: "alumnus", id: actor.id, name: actor.name },
      action: "erasure.requested",
      entityType: "erasure_request",
      entityId: request.id,
      after: { reference: request.reference, withMessage: !!request.message },
    });
    return { id: request.id, reference: request.reference, requestedAt: request.requestedAt.toISOString() };
  });
}
