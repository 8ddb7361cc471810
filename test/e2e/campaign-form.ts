import type { Page } from "playwright-core";

/** Fills the new-campaign form as HR would for an invitation pointing at a return program. */
export async function fillInvitationCampaign(
  hr: Page,
  campaign: { name: string; programId: string; whyNow: string },
) {
  await hr.getByLabel("Campaign name").fill(campaign.name);
  await hr.getByLabel("Return program (optional)").selectOption(campaign.programId);
  await hr.getByLabel("Company name").fill("Fjord Pay");
  await hr.getByLabel("Team or work").fill("customer support");
  await hr.getByLabel("What changed, and why we are writing now (invitation)").fill(campaign.whyNow);
  await hr.getByLabel("What we can offer").fill("Remote weekend shifts on disputes, 10 to 20 hours a week.");
  await hr.getByLabel("Reply by").fill("2099-01-15");
  await hr.getByLabel("Sender's role").fill("People Partner");
  await hr
    .getByLabel("Personal note")
    .fill("I remember how calm you stayed with the hardest calls.\n\nWe would love to have you back.");
  await hr.getByLabel("Emails per hour").fill("360000");
}
