import { templateDefinition, type TemplateProps } from "#emails/index";
import { cleanProps, renderTemplate, type RenderedTemplate } from "~/modules/outreach/render-template.server";
import { randomToken } from "~/platform/crypto.server";
import { checkTone, type ToneReport } from "~/modules/outreach/tone";
import { env } from "~/platform/env.server";
import { headerSafe } from "~/platform/mailer/mailer.server";
import { CAMPAIGN_TEMPLATES, type CampaignTemplate } from "./schemas";
import { unsubscribeLinks } from "~/platform/mailer/unsubscribe.server";

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

/**
 * The person's own preferences link (the outbox's signed token, ADR 022); the outbox adds the
 * List-Unsubscribe headers to the message itself. The stand-in person of a preview gets a link
 * that names nobody.
 */
function preferencesUrlFor(personId: string): string {
  if (personId === SAMPLE_PERSON.id) return `${env().appUrl}/preferences`;
  return unsubscribeLinks({ alumnusId: personId, purpose: CAMPAIGN_PURPOSE }).preferencesUrl;
}

export async function renderCampaignEmail(
  campaign: CampaignContent,
  person: CampaignPerson,
): Promise<RenderedTemplate> {
  return renderWith(campaign, person.preferredName?.trim() || person.firstName, preferencesUrlFor(person.id));
}

function propsFor(campaign: CampaignContent, firstName: string, preferencesUrl: string) {
  const contact = {
    name: campaign.senderName,
    role: campaign.senderRole,
    email: campaign.senderEmail,
    ...(campaign.senderPhone ? { phone: campaign.senderPhone } : {}),
  };
  const common = {
    firstName,
    companyName: campaign.companyName,
    opportunity: campaign.opportunity,
    respondBy: day(campaign.respondBy),
    interestUrl: `${env().appUrl}/portal`,
    preferencesUrl,
    contact,
    ...(campaign.note.trim() ? { note: campaign.note } : {}),
  };
  if (campaign.template === "return-reminder") {
    const props: TemplateProps<"return-reminder"> = {
      ...common,
      invitedOn: day(campaign.invitedOn ?? campaign.respondBy),
    };
    return { key: "return-reminder" as const, props };
  }
  const props: TemplateProps<"return-invitation"> = {
    ...common,
    teamName: campaign.teamName,
    whatChanged: campaign.whatChanged,
  };
  return { key: "return-invitation" as const, props };
}

function subjectFor(campaign: CampaignContent, firstName: string): string {
  const own = campaign.subject?.trim();
  if (own) return headerSafe(own, 150);
  const { key, props } = propsFor(campaign, firstName, "");
  return headerSafe(templateDefinition(key).subject(cleanProps(props) as Record<string, unknown>), 150);
}

async function renderWith(
  campaign: CampaignContent,
  firstName: string,
  preferencesUrl: string,
): Promise<RenderedTemplate> {
  const { key, props } = propsFor(campaign, firstName, preferencesUrl);
  const email =
    key === "return-reminder"
      ? await renderTemplate(key, props as TemplateProps<"return-reminder">)
      : await renderTemplate(key, props as TemplateProps<"return-invitation">);
  return { ...email, subject: subjectFor(campaign, firstName) };
}

/** What React writes for text in markup. */
function escapeHtml(text: string) {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#x27;");
}

/**
 * Renders a campaign's email once and fills in each person's name and preferences link by
 * substitution: rendering a React Email template costs ~10 ms, a substitution microseconds. The
 * markers carry a random token (a note cannot contain them); if the template ever stops showing
 * them verbatim, every person is rendered in full instead. Tests compare both ways.
 */
export async function campaignRenderer(
  campaign: CampaignContent,
): Promise<(person: CampaignPerson) => Promise<RenderedTemplate>> {
  const token = randomToken(12).replace(/[^A-Za-z0-9]/g, "x");
  const nameMark = `Nm${token}`;
  const urlMark = `https://preferences.invalid/${token}`;
  const template = await renderWith(campaign, nameMark, urlMark);
  const usable = [nameMark, urlMark].every(
    (mark) => template.html.includes(mark) && template.text.includes(mark),
  );
  return async (person) => {
    if (!usable) return renderCampaignEmail(campaign, person);
    const name = cleanProps(person.preferredName?.trim() || person.firstName);
    const url = preferencesUrlFor(person.id);
    return {
      ...template,
      subject: subjectFor(campaign, name),
      html: template.html.split(nameMark).join(escapeHtml(name)).split(urlMark).join(escapeHtml(url)),
      text: template.text.split(nameMark).join(name).split(urlMark).join(url),
    };
  };
}

/** The tone report for the whole email (and for the note alone), as checked before launch. */
export function campaignTone(
  campaign: CampaignContent,
  email: RenderedTemplate,
): { tone: ToneReport; noteTone: ToneReport | null } {
  const note = campaign.note.trim() ? campaign.note : null;
  const tone = checkTone({
    kind: email.kind,
    purpose: email.purpose,
    subject: email.subject,
    text: email.text,
    note,
  });
  const noteTone = note ? checkTone({ kind: email.kind, note }) : null;
  return { tone, noteTone };
}

/** A stand-in person for previews and the launch check when the audience is empty. */
export const SAMPLE_PERSON: CampaignPerson = { id: "preview", firstName: "Alex", preferredName: null };
