import { db } from "~/platform/db.server";
import { notFound } from "~/platform/errors";
import { campaignTone, renderCampaignEmail, SAMPLE_PERSON } from "./campaign-email.server";

/** The tone of a note HR is trying (nothing is saved): the note alone and the whole email with it. */
export async function checkCampaignNote(input: { campaignId: string; note: string }) {
  const campaign = await db.campaign.findUnique({ where: { id: input.campaignId } });
  if (!campaign) throw notFound("That campaign");
  const email = await renderCampaignEmail({ ...campaign, note: input.note }, SAMPLE_PERSON);
  return campaignTone({ ...campaign, note: input.note }, email);
}
