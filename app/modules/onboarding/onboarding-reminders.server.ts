import { renderTemplate } from "~/modules/outreach/render-template.server";
import { alumniSender, emailBrand, getBranding } from "~/modules/portal/get-branding.server";
import { personName, staffContractUrl } from "~/modules/contracts/contract-record.server";
import { alumnusAddress } from "~/modules/applications/employer.server";
import { db } from "~/platform/db.server";
import { queueEmail } from "~/platform/mailer/mailer.server";
import { portalOnboardingUrl } from "./onboarding.server";

/**
 * Overdue onboarding steps remind their owners (ADR 067), from the hourly contracts sweep
 * (ADR 059): the person gets the onboarding reminder listing their open steps, HR (the
 * contract's author) and the hiring manager one internal email listing theirs. Each step
 * reminds at most once a day: a ReminderLog row per step and UTC day, inserted with the email,
 * and never within 20 hours of the step's last reminder.
 */

const HOUR = 3_600_000;
export const TASK_REMINDER_GAP = 20 * HOUR;
const KIND = "onboarding-task";

type Recipient = {
  key: string;
  address: string;
  name: string;
  userId?: string;
  alumnusId?: string;
};

export async function sendOnboardingReminders({ now = new Date() }: { now?: Date } = {}) {
  const today = new Date(`${now.toISOString().slice(0, 10)}T00:00:00Z`);
  const overdue = await db.onboardingTask.findMany({
    where: { status: "open", dueOn: { lt: today }, contract: { status: "onboarding" } },
    orderBy: { dueOn: "asc" },
    take: 2000,
    select: {
      id: true,
      title: true,
      owner: true,
      dueOn: true,
      contract: {
        select: {
          id: true,
          alumnusId: true,
          createdById: true,
          startsOn: true,
          alumnus: {
            select: {
              firstName: true,
              lastName: true,
              preferredName: true,
              personalEmail: true,
              workEmail: true,
            },
          },
          program: {
            select: { hiringManager: { select: { id: true, name: true, email: true, status: true } } },
          },
        },
      },
    },
  });
  if (overdue.length === 0) return 0;
  const recent = new Set(
    (
      await db.reminderLog.findMany({
        where: { kind: KIND, createdAt: { gt: new Date(now.getTime() - TASK_REMINDER_GAP) } },
        select: { recipientKey: true },
      })
    ).map((r) => r.recipientKey),
  );
  const authorIds = [...new Set(overdue.map((t) => t.contract.createdById).filter((v): v is string => !!v))];
  const authors = new Map(
    (
      await db.user.findMany({
        where: { id: { in: authorIds }, status: "active" },
        select: { id: true, name: true, email: true },
      })
    ).map((u) => [u.id, u]),
  );

  // Group each step under the one who owns it.
  const groups = new Map<string, { to: Recipient; alumnus: boolean; tasks: typeof overdue }>();
  for (const task of overdue) {
    if (recent.has(`task:${task.id}`)) continue;
    let to: Recipient | null = null;
    if (task.owner === "alumnus") {
      const address = alumnusAddress(task.contract.alumnus);
      if (address)
        to = {
          key: `alumnus:${task.contract.alumnusId}:${task.contract.id}`,
          address,
          name: task.contract.alumnus.preferredName || task.contract.alumnus.firstName,
          alumnusId: task.contract.alumnusId,
        };
    } else {
      const user =
        task.owner === "manager"
          ? task.contract.program.hiringManager.status === "active"
            ? task.contract.program.hiringManager
            : null
          : task.contract.createdById
            ? (authors.get(task.contract.createdById) ?? null)
            : null;
      if (user) to = { key: `user:${user.id}`, address: user.email, name: user.name, userId: user.id };
    }
    if (!to) continue;
    const group = groups.get(to.key) ?? { to, alumnus: task.owner === "alumnus", tasks: [] };
    group.tasks.push(task);
    groups.set(to.key, group);
  }

  const branding = groups.size ? await getBranding() : null;
  const from = groups.size ? await alumniSender() : null;
  let sent = 0;
  for (const { to, alumnus, tasks } of groups.values()) {
    const day = (d: Date) => d.toISOString().slice(0, 10);
    const email = alumnus
      ? await renderTemplate(
          "onboarding-reminder",
          {
            firstName: to.name,
            companyName: branding!.companyName,
            startDate: day(tasks[0].contract.startsOn ?? now),
            openTasks: tasks.map((t) => ({ title: t.title, dueDate: day(t.dueOn) })),
            doneCount: await db.onboardingTask.count({
              where: { contractId: tasks[0].contract.id, owner: "alumnus", status: { not: "open" } },
            }),
            checklistUrl: portalOnboardingUrl(tasks[0].contract.id),
            contact: {
              name: branding!.senderName || branding!.companyName,
              role: "HR",
              email: from!.address,
            },
          },
          { brand: emailBrand(branding!) },
        )
      : await renderTemplate("onboarding-task-reminder", {
          recipientName: to.name.split(" ")[0] || to.name,
          tasks: tasks.map((t) => ({
            alumnusName: personName(t.contract.alumnus),
            title: t.title,
            dueDate: day(t.dueOn),
            url: staffContractUrl(t.contract.id),
          })),
        });
    const queued = await db
      .$transaction(async (tx) => {
        for (const task of tasks) {
          const inserted = await tx.$executeRaw`
            INSERT INTO "ReminderLog" ("kind", "recipientKey", "day", "createdAt")
            VALUES (${KIND}, ${`task:${task.id}`}, ${today}::date, ${now})
            ON CONFLICT DO NOTHING`;
          // Another sweep reminded this step today: leave the whole email to it.
          if (inserted !== 1) throw new SkipReminder();
        }
        await queueEmail(tx, {
          template: email.template,
          purpose: email.purpose,
          to: { address: to.address, name: to.name },
          ...(to.userId ? { userId: to.userId } : {}),
          ...(to.alumnusId ? { alumnusId: to.alumnusId, from: from ?? undefined } : {}),
          email,
        });
        return true;
      })
      .catch((error: unknown) => {
        if (error instanceof SkipReminder) return false;
        throw error;
      });
    if (queued) sent += 1;
  }
  return sent;
}

class SkipReminder extends Error {}
