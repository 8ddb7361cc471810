import { actorOf, type StaffUser } from "~/platform/auth.server";
import { recordAudit } from "~/platform/audit.server";
import { db } from "~/platform/db.server";

/** The zone a staff member sees times in (UTC until they choose one). Their own setting only. */
export async function setTimeZone(input: { actor: StaffUser; timeZone: string }) {
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({
      where: { id: input.actor.id },
      select: { timeZone: true },
    });
    const timeZone = input.timeZone === "UTC" ? null : input.timeZone;
    if ((before.timeZone ?? null) === timeZone) return { timeZone: timeZone ?? "UTC", changed: false };
    await tx.user.update({ where: { id: input.actor.id }, data: { timeZone } });
    await recordAudit(tx, {
      actor: actorOf(input.actor),
      action: "staff.time_zone_changed",
      entityType: "user",
      entityId: input.actor.id,
      before: { timeZone: before.timeZone ?? "UTC" },
      after: { timeZone: timeZone ?? "UTC" },
    });
    return { timeZone: timeZone ?? "UTC", changed: true };
  });
}

/** The zones the account page offers: the runtime's IANA list, UTC first. */
export function listTimeZones(): string[] {
  const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return ["UTC", ...zones.filter((z) => z !== "UTC")];
}
