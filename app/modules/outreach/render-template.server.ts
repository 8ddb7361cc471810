import {
  templateDefinition,
  templateElement,
  type EmailKind,
  type TemplateAudience,
  type TemplateKey,
  type TemplateProps,
  type TemplatePurpose,
} from "#emails/index";
import { EmailBrandProvider, type EmailBrand } from "#emails/components/brand";
import { neutraliseText } from "#emails/components/text";
import { createElement } from "react";
import { renderEmail, type RenderedEmail } from "~/platform/mailer/mailer.server";

/**
 * Renders a registered template to what the outbox stores: a header-safe subject, HTML and
 * plain text. Every string prop is neutralised first (control, bidirectional-override and
 * zero-width characters removed; line breaks kept), so text people typed cannot disguise
 * itself; React escapes it in the HTML.
 *
 * Alumni templates carry the employer's branding (logo, accent colour; ADR 036): pass `brand`
 * (`alumniEmailBrand()` or `emailBrand(branding)` in app/modules/portal); without it they are
 * refused, as the outbox refuses them without the employer's sender. Other templates ignore it.
 *
 *   const email = await renderTemplate("return-invitation", props, { brand });   // before the transaction
 *   await db.$transaction(async (tx) => {
 *     await queueEmail(tx, { template: email.template, purpose: email.purpose, to, email, ... });
 *   });
 */

export type RenderedTemplate = RenderedEmail & {
  /** "alumnus": the outbox refuses it without the employer's sender as `from` (ADR 036). */
  audience: TemplateAudience;
  template: TemplateKey;
  kind: EmailKind;
  purpose: TemplatePurpose;
};

/** Deep copy with every string neutralised (multi-line kept: notes and comments have paragraphs). */
export function cleanProps<T>(value: T): T {
  if (typeof value === "string") return neutraliseText(value, { multiline: true }) as T;
  if (Array.isArray(value)) return value.map((item) => cleanProps(item)) as T;
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (k === "__proto__" || k === "constructor" || k === "prototype") continue;
      out[k] = cleanProps(v);
    }
    return out as T;
  }
  return value;
}

export async function renderTemplate<K extends TemplateKey>(
  key: K,
  props: TemplateProps<K>,
  options: { brand?: EmailBrand | null } = {},
): Promise<RenderedTemplate> {
  const definition = templateDefinition(key);
  if (definition.audience === "alumnus" && !options.brand) {
    throw new Error(`The ${key} email goes to an alumnus: pass the employer's branding as \`brand\`.`);
  }
  const clean = cleanProps(props);
  const brand = definition.audience === "alumnus" ? cleanProps(options.brand!) : null;
  const email = await renderEmail(
    createElement(EmailBrandProvider, { value: brand }, templateElement(key, clean)),
    definition.subject(clean as Record<string, unknown>),
  );
  return {
    ...email,
    audience: definition.audience,
    template: key,
    kind: definition.kind,
    purpose: definition.purpose,
  };
}
