import { templateSummaries, type TemplateSummary } from "#emails/index";

/** Every email template, for the preview list: key, title, kind, purpose, audience. */
export function listEmailTemplates(): TemplateSummary[] {
  return templateSummaries();
}
