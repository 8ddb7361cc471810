import type { EmailBrand } from "#emails/components/brand";
import { templateDefinition, type TemplateProps } from "#emails/index";
import { alumniEmailBrand } from "~/modules/portal/get-branding.server";
import { cleanProps, renderTemplate, type RenderedTemplate } from "~/modules/outreach/render-template.server";
import { randomToken } from "~/platform/crypto.server";
import { checkTone, type ToneReport } from "~/modules/outreach/tone";
import { env } from "~/platform/env.server";
import { headerSafe } from "~/platform/mailer/mailer.server";
import { CAMPAIGN_TEMPLATES, type CampaignTemplate } from "./schemas";
import { unsubscribeLinks } from "~/platform/mailer/unsubscribe.server";
import { answerLinkExpiry, answerUrl } from "~/modules/invitation-answers/answer-token.server";

/**
 * One campaign email for one person: the campaign's template filled with the campaign's
 * content, HR's note and the person's name, with the person's own signed links: the main
 * button opens the page where they answer (ADR 038), the footer their preferences (ADR 022).
 * No tracking pixels and no other per-recipient parameters in links.
 */

export const CAMPAIGN_PURPOSE = "return_opportunities" as const;

export type CampaignContent = {
  /** The campaign's id: the answer link names it. */
  id: string;
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

/**
 * The person's own answer link (ADR 038): signed for them and this campaign, usable until 30
 * days after the reply-by date. The stand-in person of a preview gets a link that names nobody.
 */
function answerUrlFor(campaign: CampaignContent, personId: string, now: Date): string {
  if (personId === SAMPLE_PERSON.id) return `${env().appUrl}/portal/answer/preview`;
  return answerUrl({
    alumnusId: personId,
    campaignId: campaign.id,
    expiresAt: answerLinkExpiry({ respondBy: campaign.respondBy, now }),
  });
}

type PersonLinks = { preferencesUrl: string; interestUrl: string };

function linksFor(campaign: CampaignContent, personId: string, now: Date): PersonLinks {
  return { preferencesUrl: preferencesUrlFor(personId), interestUrl: answerUrlFor(campaign, personId, now) };
}

/**
 * `now`: when the email is written (the answer link's expiry counts from it at the earliest).
 * `brand`: the employer's branding for the email's look (ADR 036), read here when not given.
 */
export async function renderCampaignEmail(
  campaign: CampaignContent,
  person: CampaignPerson,
  options: { now?: Date; brand?: EmailBrand } = {},
): Promise<RenderedTemplate> {
  return renderWith(
    campaign,
    person.preferredName?.trim() || person.firstName,
    linksFor(campaign, person.id, options.now ?? new Date()),
    options.brand ?? (await alumniEmailBrand()),
  );
}

function propsFor(campaign: CampaignContent, firstName: string, links: PersonLinks) {
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
    interestUrl: links.interestUrl,
    preferencesUrl: links.preferencesUrl,
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
  const { key, props } = propsFor(campaign, firstName, { preferencesUrl: "", interestUrl: "" });
  return headerSafe(templateDefinition(key).subject(cleanProps(props) as Record<string, unknown>), 150);
}

async function renderWith(
  campaign: CampaignContent,
  firstName: string,
  links: PersonLinks,
  brand: EmailBrand,
): Promise<RenderedTemplate> {
  const { key, props } = propsFor(campaign, firstName, links);
  const email =
    key === "return-reminder"
      ? await renderTemplate(key, props as TemplateProps<"return-reminder">, { brand })
      : await renderTemplate(key, props as TemplateProps<"return-invitation">, { brand });
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
 * Renders a campaign's email once and fills in each person's name and links by substitution:
 * rendering a React Email template costs ~10 ms, a substitution microseconds. The markers carry
 * a random token (a note cannot contain them); if the template ever stops showing them
 * verbatim, every person is rendered in full instead. Tests compare both ways. `now` is read
 * once, so every link of one batch expires on the same day.
 */
export async function campaignRenderer(
  campaign: CampaignContent,
  options: { now?: Date; brand?: EmailBrand } = {},
): Promise<(person: CampaignPerson) => Promise<RenderedTemplate>> {
  const now = options.now ?? new Date();
  const token = randomToken(12).replace(/[^A-Za-z0-9]/g, "x");
  const nameMark = `Nm${token}`;
  const marks: PersonLinks = {
    preferencesUrl: `https://preferences.invalid/${token}`,
    interestUrl: `https://answer.invalid/${token}`,
  };
  // The branding is read once: every message of the run looks the same.
  const brand = options.brand ?? (await alumniEmailBrand());
  const template = await renderWith(campaign, nameMark, marks, brand);
  const usable = [nameMark, marks.preferencesUrl, marks.interestUrl].every(
    (mark) => template.html.includes(mark) && template.text.includes(mark),
  );
  return async (person) => {
    if (!usable) return renderCampaignEmail(campaign, person, { now, brand });
    const name = cleanProps(person.preferredName?.trim() || person.firstName);
    const links = linksFor(campaign, person.id, now);
    const fill = (text: string, escape: (value: string) => string) =>
      text
        .split(nameMark)
        .join(escape(name))
        .split(marks.preferencesUrl)
        .join(escape(links.preferencesUrl))
        .split(marks.interestUrl)
        .join(escape(links.interestUrl));
    return {
      ...template,
      subject: subjectFor(campaign, name),
      html: fill(template.html, escapeHtml),
      text: fill(template.text, (v) => v),
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
