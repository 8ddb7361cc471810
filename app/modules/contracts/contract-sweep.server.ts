import { renderTemplate } from "~/modules/outreach/render-template.server";
import { db } from "~/platform/db.server";
import { env } from "~/platform/env.server";
import { enqueueJob } from "~/platform/jobs.server";
import { log } from "~/platform/logging.server";
import { queueEmail } from "~/platform/mailer/mailer.server";
import { can, type Permission } from "~/platform/permissions";
import type { StaffUser } from "~/platform/auth.server";
import type { RoleId } from "~/platform/permissions";
import {
  assertAllowed,
  auditMove,
  contractSettings,
  loadContract,
  lockContract,
  personName,
  staffContractUrl,
  writeMove,
} from "./contract-record.server";
import { answerEmails, queueAnswerEmails } from "./answer-offer.server";
import { contractsWaitingFor } from "./list-contracts.server";
import { sendOnboardingReminders } from "~/modules/onboarding/onboarding-reminders.server";

/**
 * The contracts' background sweep, about once an hour (ADR 059): offers not answered in time
 * expire, and approvers with contracts waiting longer than the set number of days get one
 * reminder listing them all, never more than one a day (a ReminderLog row per person and UTC
 * day, inserted in the same transaction as the email, decides; and never within 20 hours of
 * the last one). Overdue onboarding steps remind their owners the same way (ADR 067).
 */

export const CONTRACT_SWEEP_JOB = "contracts.sweep";
const HOUR = 3_600_000;
/** The least time between two reminders to one person, besides one per calendar day. */
export const REMINDER_GAP = 20 * HOUR;
const SYSTEM = { kind: "system", name: "Offer expiry" } as const;

/** Expires every offer past its date; each in its own transaction, each audited and emailed. */
export async function expireOffers({ now = new Date() }: { now?: Date } = {}) {
  const due = await db.gigContract.findMany({
    where: { status: "offered", offerExpiresAt: { lte: now } },
    select: { id: true },
    take: 500,
  });
  let expired = 0;
  for (const { id } of due) {
    const contract = await loadContract(id);
    if (!contract || contract.status !== "offered") continue;
    const emails = await answerEmails(contract, "expired", null, now);
    const done = await db.$transaction(async (tx) => {
      const locked = await lockContract(tx, id);
      if (!locked || locked.status !== "offered") return false;
      const row = await tx.gigContract.findUniqueOrThrow({ where: { id }, select: { offerExpiresAt: true } });
      if (!row.offerExpiresAt || row.offerExpiresAt > now) return false;
      assertAllowed(["system"], "expire", locked.status);
      await writeMove(tx, { actor: SYSTEM, locked, action: "expire", to: "expired" });
      await queueAnswerEmails(tx, emails);
      await auditMove(tx, {
        actor: SYSTEM,
        action: "contract.expired",
        locked,
        to: "expired",
        after: { offerExpiresAt: row.offerExpiresAt, emails: emails.length },
      });
      return true;
    });
    if (done) expired += 1;
  }
  return expired;
}

const APPROVERS: Permission[] = ["approve:contract:team", "approve:contract:second"];

/** One reminder a day to each approver whose contracts have waited longer than the setting. */
export async function sendApprovalReminders({ now = new Date() }: { now?: Date } = {}) {
  const settings = await contractSettings();
  const cutoff = new Date(now.getTime() - settings.approvalReminderDays * 24 * HOUR);
  // Only people who could be waited on: active staff with an approving permission.
  const people = await db.user.findMany({
    where: {
      status: "active",
      role: { permissions: { some: { permissionKey: { in: APPROVERS } } } },
    },
    select: {
      id: true,
      email: true,
      name: true,
      roleId: true,
      teamId: true,
      role: { select: { label: true, permissions: { select: { permissionKey: true } } } },
    },
  });
  const day = new Date(`${now.toISOString().slice(0, 10)}T00:00:00Z`);
  let sent = 0;
  for (const person of people) {
    const actor: StaffUser = {
      kind: "staff",
      id: person.id,
      sessionId: "reminder",
      email: person.email,
      name: person.name,
      role: person.roleId as RoleId,
      roleLabel: person.role.label,
      teamId: person.teamId,
      permissions: person.role.permissions.map((p) => p.permissionKey) as Permission[],
    };
    if (!APPROVERS.some((p) => can(actor, p))) continue;
    const waiting = (await contractsWaitingFor(actor, { now })).filter(
      (w) => w.row.submittedAt && w.row.submittedAt <= cutoff,
    );
    if (waiting.length === 0) continue;
    const email = await renderTemplate("contract-approval-reminder", {
      recipientName: person.name.split(" ")[0] || person.name,
      contracts: waiting.map((w) => ({
        alumnusName: personName(w.row.alumnus),
        role: w.row.role,
        waitingDays: Math.max(1, w.waitingDays),
        url: staffContractUrl(w.row.id),
      })),
      inboxUrl: `${env().appUrl}/staff/contracts?view=approvals`,
    });
    const key = `user:${person.id}`;
    const queued = await db.$transaction(async (tx) => {
      // Not twice in one calendar day (UTC), nor a day's reminder late in the evening and the
      // next one just after midnight: the last must be at least REMINDER_GAP old.
      const recent = await tx.reminderLog.count({
        where: {
          kind: "contract-approval",
          recipientKey: key,
          createdAt: { gt: new Date(now.getTime() - REMINDER_GAP) },
        },
      });
      if (recent > 0) return false;
      const inserted = await tx.$executeRaw`
        INSERT INTO "ReminderLog" ("kind", "recipientKey", "day", "createdAt")
        VALUES ('contract-approval', ${key}, ${day}::date, ${now})
        ON CONFLICT DO NOTHING`;
      if (inserted !== 1) return false;
      await queueEmail(tx, {
        template: email.template,
        purpose: email.purpose,
        to: { address: person.email, name: person.name },
        userId: person.id,
        email,
      });
      return true;
    });
    if (queued) sent += 1;
  }
  return sent;
}

/** The job: expire, remind, and schedule the next sweep in an hour. */
export async function runContractSweep() {
  try {
    const expired = await expireOffers();
    const reminded = await sendApprovalReminders();
    const onboarding = await sendOnboardingReminders();
    return `${expired} offers expired, ${reminded} approval reminders queued, ${onboarding} onboarding reminders queued`;
  } finally {
    // Even when this sweep failed, the next one is queued: a bad hour must not stop the sweeps.
    await scheduleContractSweep(new Date(Date.now() + HOUR));
  }
}

/** Makes sure one sweep is queued (several app instances may ask at once: an advisory lock keeps it to one). */
export async function scheduleContractSweep(runAfter = new Date()) {
  try {
    await db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(727114045)`;
      const queued = await tx.job.count({ where: { kind: CONTRACT_SWEEP_JOB, status: "queued" } });
      if (queued === 0) await enqueueJob(tx, { kind: CONTRACT_SWEEP_JOB, runAfter });
    });
  } catch (error) {
    // The next start (or the next sweep) tries again; a missed hour only delays reminders.
    log.warn("could not schedule the contracts sweep", { error });
  }
}
