import type { TemplateProps } from "#emails/index";
import { renderTemplate, type RenderedTemplate } from "~/modules/outreach/render-template.server";
import { checkTone, type ToneReport } from "~/modules/outreach/tone";
import { env } from "~/platform/env.server";
import { headerSafe } from "~/platform/mailer/mailer.server";
import { CAMPAIGN_TEMPLATES, type CampaignTemplate } from "./schemas";
import { preferencesUrlFor } from "./unsubscribe-headers.server";

/**
 * One campaign email for one person: the campaign's template filled with the campaign's
 * content, HR's note and the person's name, with the person's own preferences link. No
 * tracking pixels, no per-recipient or per-campaign parameters in links.
 */

export const CAMPAIGN_PURPOSE = "return_opportunities" as const;

export type CampaignContent = {
  template: string;
  subject: string | null;
  note: string;
  senderName: string;
  senderRole: string;
  senderEmail: string;
  senderPhone: string | null;
  companyName: string;
  teamName: string;
  whatChanged: string;
  opportunity: string;
  respondBy: Date;
  invitedOn: Date | null;
};

export type CampaignPerson = { id: string; firstName: string; preferredName: string | null };

export function isCampaignTemplate(value: string): value is CampaignTemplate {
  return Object.hasOwn(CAMPAIGN_TEMPLATES, value);
}

const day = (d: Date) => d.toISOString().slice(0, 10);

export async function renderCampaignEmail(campaign: CampaignContent, person: CampaignPerson): Promise<RenderedTemplate> {
  const contact = {
    name: campaign.senderName,
    role: campaign.senderRole,
    email: campaign.senderEmail,
    ...(campaign.senderPhone ? { phone: campaign.senderPhone } : {}),
  };
  const common = {
    firstName: person.preferredName?.trim() || person.firstName,
    companyName: campaign.companyName,
    opportunity: campaign.opportunity,
    respondBy: day(campaign.respondBy),
    interestUrl: `${env().appUrl}/portal`,
    preferencesUrl: preferencesUrlFor(person.id, CAMPAIGN_PURPOSE),
    contact,
    ...(campaign.note.trim() ? { note: campaign.note } : {}),
  };
  let email: RenderedTemplate;
  if (campaign.template === "return-reminder") {
    const props: TemplateProps<"return-reminder"> = { ...common, invitedOn: day(campaign.invitedOn ?? campaign.respondBy) };
    email = await renderTemplate("return-reminder", props);
  } else {
    const props: TemplateProps<"return-invitation"> = { ...common, teamName: campaign.teamName, whatChanged: campaign.whatChanged };
    email = await renderTemplate("return-invitation", props);
  }
  const subject = campaign.subject?.trim();
  return subject ? { ...email, subject: headerSafe(subject, 150) } : email;
}

/** The tone report for the whole email (and for the note alone), as checked before launch. */
export function campaignTone(campaign: CampaignContent, email: RenderedTemplate): { tone: ToneReport; noteTone: ToneReport | null } {
  const note = campaign.note.trim() ? campaign.note : null;
  const tone = checkTone({ kind: email.kind, purpose: email.purpose, subject: email.subject, text: email.text, note });
  const noteTone = note ? checkTone({ kind: email.kind, note }) : null;
  return { tone, noteTone };
}

/** A stand-in person for previews and the launch check when the audience is empty. */
export const SAMPLE_PERSON: CampaignPerson = { id: "preview", firstName: "Alex", preferredName: null };
