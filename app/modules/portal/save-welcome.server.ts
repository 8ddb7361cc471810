import { actorOf, type StaffUser } from "~/platform/auth.server";
import { recordAudit } from "~/platform/audit.server";
import { db } from "~/platform/db.server";
import { AppError, conflict } from "~/platform/errors";
import { can } from "~/platform/permissions";
import { WELCOME_ID } from "./get-welcome.server";
import { welcomeTone, type WelcomeInput } from "./welcome";

const STALE =
  "Someone else saved the welcome page while you were editing. Reload the page to see their version, then make your changes again.";

/**
 * Saves the welcome page alumni see after signing in. Tone-check errors block the save unless
 * someone holding override:tone-check gives a reason (kept and audited), as for campaigns.
 */
export async function saveWelcome(options: { actor: StaffUser; input: WelcomeInput }) {
  const { input, actor } = options;
  const tone = welcomeTone(input);
  const reason = input.toneOverrideReason?.trim() || null;
  if (!tone.ok) {
    if (!reason) {
      throw new AppError(
        "validation",
        `The tone check found ${tone.errors === 1 ? "1 problem" : `${tone.errors} problems`} to fix before alumni read this. See the findings under “Tone check”.`,
        {
          fieldErrors: { toneOverrideReason: ["Fix the wording, or give a reason to publish it as it is."] },
        },
      );
    }
    if (!can(actor, "override:tone-check")) {
      throw new AppError(
        "forbidden",
        "Only people who may override the tone check can save this wording. Fix the findings instead.",
      );
    }
  }
  const values = {
    headline: input.headline,
    whatWeAreDoing: input.whatWeAreDoing,
    flexibleWork: input.flexibleWork,
    contactName: input.contactName,
    contactRole: input.contactRole || null,
    contactEmail: input.contactEmail,
    contactPhone: input.contactPhone || null,
    toneOverrideReason: tone.ok ? null : reason,
  };
  return db.$transaction(async (tx) => {
    const current = await tx.portalWelcome.findUnique({ where: { id: WELCOME_ID } });
    if ((current?.version ?? 0) !== input.version) throw conflict(STALE);
    const changed = (Object.keys(values) as (keyof typeof values)[]).filter(
      (key) => (current?.[key] ?? null) !== values[key],
    );
    if (current && changed.length === 0) return { version: current.version, changed: [] as string[], tone };
    let version = 1;
    if (current) {
      // Two saves from the same version: the second waits for the first's row lock, then finds
      // a newer version and writes nothing. That is the conflict, not a missing row.
      const updated = await tx.portalWelcome.updateMany({
        where: { id: WELCOME_ID, version: current.version },
        data: { ...values, version: { increment: 1 }, updatedById: actor.id },
      });
      if (updated.count === 0) throw conflict(STALE);
      version = current.version + 1;
    } else {
      // Two first saves at once: the second hits the row the first created.
      await tx.portalWelcome
        .create({ data: { id: WELCOME_ID, ...values, version: 1, updatedById: actor.id } })
        .catch((error: unknown) => {
          throw (error as { code?: string }).code === "P2002" ? conflict(STALE) : error;
        });
    }
    await recordAudit(tx, {
      actor: actorOf(actor),
      action: "portal.welcome_updated",
      entityType: "portal_welcome",
      entityId: WELCOME_ID,
      before: current ? Object.fromEntries(changed.map((key) => [key, current[key]])) : null,
      after: Object.fromEntries(changed.map((key) => [key, values[key]])),
      reason: tone.ok ? null : reason,
    });
    return { version, changed, tone };
  });
}
