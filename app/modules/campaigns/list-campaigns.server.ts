import { ONE_PERSON_QUERY } from "~/modules/alumni/alumni-filter";
import { db } from "~/platform/db.server";
import { countThrottledEmails } from "~/platform/mailer/throttle.server";
import { campaignThrottleKey } from "./run-campaign.server";

export const CAMPAIGNS_PAGE_SIZE = 25;

/** Campaigns, newest first, with their delivery counts. */
export async function listCampaigns(input: { page: number }) {
  const page = Math.max(1, Math.floor(input.page) || 1);
  const [total, rows] = await Promise.all([
    db.campaign.count(),
    db.campaign.findMany({
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * CAMPAIGNS_PAGE_SIZE,
      take: CAMPAIGNS_PAGE_SIZE,
      select: {
        id: true,
        name: true,
        status: true,
        template: true,
        sendAt: true,
        launchedAt: true,
        createdAt: true,
        recipientCount: true,
        segment: { select: { name: true } },
      },
    }),
  ]);
  const campaigns = [];
  for (const c of rows) {
    const counts = await countThrottledEmails(db, campaignThrottleKey(c.id));
    campaigns.push({
      id: c.id,
      name: c.name,
      status: c.status,
      template: c.template,
      segmentName: c.segment.name,
      sendAt: c.sendAt?.toISOString() ?? null,
      launchedAt: c.launchedAt?.toISOString() ?? null,
      createdAt: c.createdAt.toISOString(),
      recipients: c.recipientCount,
      sent: counts.sent,
      waiting: counts.queued + counts.held + counts.sending + counts.failed,
      setAside: counts.set_aside,
    });
  }
  return { campaigns, page, pages: Math.max(1, Math.ceil(total / CAMPAIGNS_PAGE_SIZE)), total };
}

/** The saved segments a campaign can go to (not the one-person ones behind profile invitations). */
export async function listSegmentsForCampaigns() {
  return db.segment.findMany({
    where: { NOT: { query: { startsWith: ONE_PERSON_QUERY } } },
    orderBy: { name: "asc" },
    select: { id: true, name: true, description: true },
    take: 500,
  });
}

/** Return programs an invitation may point at: open ones, and drafts or paused ones to open before launching. */
export async function listProgramsForCampaigns() {
  return db.returnProgram.findMany({
    where: { status: { in: ["open", "draft", "paused"] } },
    orderBy: { title: "asc" },
    select: { id: true, title: true, status: true },
    take: 500,
  });
}
