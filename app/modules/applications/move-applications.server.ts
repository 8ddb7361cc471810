import { type RenderedTemplate } from "~/modules/outreach/render-template.server";
import { type StaffUser } from "~/platform/auth.server";
import { db } from "~/platform/db.server";
import { AppError } from "~/platform/errors";
import { queueEmail } from "~/platform/mailer/mailer.server";
import { employerForEmail } from "./employer.server";
import {
  type DeclineTarget,
  type Locked,
  assertKindDecline,
  assertMove,
  auditMove,
  declineEmail,
  declineTargets,
  lockApplication,
  writeMove,
} from "./move-steps.server";

/**
 * Moves several applications at once with one note (review, shortlist, decline). Each is checked
 * on its own; those that cannot move (moved meanwhile, not the actor's, a final status) are
 * listed and left as they are. Declines queue one email each.
 */
export async function moveApplications({
  actor,
  applicationIds,
  to,
  note,
  decline,
}: {
  actor: StaffUser;
  applicationIds: string[];
  to: "in_review" | "shortlisted" | "declined";
  note?: string | null;
  decline?: { reason: string; whatCouldChange: string };
}) {
  const ids = [...new Set(applicationIds)];
  const employer = await employerForEmail();
  const emails = new Map<string, { email: RenderedTemplate; target: DeclineTarget }>();
  if (to === "declined") {
    if (!decline)
      throw new AppError("validation", "Say why, and what could change it: each applicant reads it.");
    const declineInput = { ...decline, note: note ?? null };
    const targets = await declineTargets(ids);
    for (const target of targets) {
      const email = await declineEmail(target, declineInput, actor, employer);
      if (emails.size === 0) assertKindDecline(email, declineInput);
      emails.set(target.id, { email, target });
    }
  }
  return db.$transaction(async (tx) => {
    const moved: string[] = [];
    const skipped: { id: string; reason: string }[] = [];
    for (const id of ids) {
      const locked = await lockApplication(tx, id);
      let checked: Locked;
      try {
        checked = assertMove(locked, actor, to, undefined).app;
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        skipped.push({ id, reason: error.message });
        continue;
      }
      await writeMove(tx, {
        actor,
        app: checked,
        to,
        note: to === "declined" ? decline?.reason : note,
        bulk: ids.length,
      });
      let emailQueued = false;
      const pending = emails.get(id);
      if (pending?.target.address) {
        await queueEmail(tx, {
          template: pending.email.template,
          purpose: pending.email.purpose,
          to: {
            address: pending.target.address,
            name: pending.target.preferredName || pending.target.firstName,
          },
          alumnusId: checked.alumnusId,
          email: pending.email,
          from: employer.from,
        });
        emailQueued = true;
      }
      await auditMove(tx, {
        actor,
        app: checked,
        to,
        action: to === "declined" ? "application.declined" : "application.moved",
        note: to === "declined" ? decline?.reason : note,
        bulk: ids.length,
        extra: to === "declined" ? { emailQueued } : undefined,
      });
      moved.push(id);
    }
    return { moved, skipped };
  });
}
