import {
  templateDefinition,
  type TemplateKey,
  type TemplateProps,
  type TemplateSummary,
} from "#emails/index";
import type { EmailBrand } from "#emails/components/brand";
import { alumniEmailBrand } from "~/modules/portal/get-branding.server";
import { renderTemplate, type RenderedTemplate } from "./render-template.server";
import { checkTone, type ToneReport } from "./tone";

/**
 * A template rendered with the given props (the sample props by default) and a personal note,
 * alumni templates in the employer's branding (ADR 036),
 * with its tone report: what the preview pages show, and what a campaign shows before launch.
 * `tone` checks the whole email (subject, template and note); `noteTone` only the note, for
 * feedback next to the field HR is typing in.
 */

export type TemplatePreview = {
  template: TemplateSummary;
  email: RenderedTemplate;
  tone: ToneReport;
  noteTone: ToneReport | null;
  note: string | null;
};

export async function previewTemplate<K extends TemplateKey>(options: {
  template: K;
  props?: TemplateProps<K>;
  /** Replaces the props' note when given (templates that accept a note only). */
  note?: string | null;
  /** Alumni templates show the employer's branding: the saved one unless given. */
  brand?: EmailBrand;
}): Promise<TemplatePreview> {
  const definition = templateDefinition(options.template);
  const brand = definition.audience === "alumnus" ? (options.brand ?? (await alumniEmailBrand())) : null;
  // The sample speaks of the demo employer; a preview of it speaks of this one.
  const sample = {
    ...definition.sample,
    ...(brand && "companyName" in definition.sample ? { companyName: brand.companyName } : {}),
  };
  const base = (options.props ?? sample) as Record<string, unknown>;
  const props =
    definition.acceptsNote && options.note !== undefined
      ? { ...base, note: options.note ?? undefined }
      : base;
  const email = await renderTemplate(options.template, props as TemplateProps<K>, { brand });
  const rawNote =
    definition.acceptsNote && typeof props.note === "string" && props.note.trim() ? props.note : null;
  const tone = checkTone({
    kind: definition.kind,
    purpose: definition.purpose,
    subject: email.subject,
    text: email.text,
    note: rawNote,
  });
  const noteTone = rawNote ? checkTone({ kind: definition.kind, note: rawNote }) : null;
  return {
    template: {
      key: options.template,
      title: definition.title,
      description: definition.description,
      audience: definition.audience,
      kind: definition.kind,
      purpose: definition.purpose,
      acceptsNote: definition.acceptsNote,
    },
    email,
    tone,
    noteTone,
    note: rawNote,
  };
}
