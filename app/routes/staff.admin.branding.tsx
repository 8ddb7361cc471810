import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { SubmitButton, ValidatedForm, useValidatedForm } from "~/components/form";
import { BrandingPreview, LogoForm } from "~/components/portal/branding-admin";
import { Card, PageHeader, TextField } from "~/components/ui";
import { BrandingSchema, LOGO_MESSAGES, MAX_LOGO_BYTES, MAX_LOGO_LABEL } from "~/modules/portal/branding";
import { getBrandingSettings } from "~/modules/portal/get-branding.server";
import { saveBranding } from "~/modules/portal/save-branding.server";
import { removeBrandingLogo, setBrandingLogo } from "~/modules/portal/set-branding-logo.server";
import { requirePermission } from "~/platform/auth.server";
import { AppError } from "~/platform/errors";
import { defineAction, defineLoader, parseForm } from "~/platform/http.server";

export const meta: MetaFunction = () => [{ title: "Employer branding · Comeback" }];

export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  await requirePermission(request, "manage:branding");
  return getBrandingSettings();
});

const LogoIntentSchema = z.object({ intent: z.enum(["upload-logo", "remove-logo"]) });

function logoRefusal(message: string) {
  return new AppError("validation", message, { fieldErrors: { logo: [message] } });
}

export const action = defineAction(async ({ request }: ActionFunctionArgs) => {
  const actor = await requirePermission(request, "manage:branding");
  if ((request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) {
    const declared = Number(request.headers.get("content-length") ?? "0");
    // The form adds a little around the file; anything clearly over the limit is refused unread.
    if (declared > MAX_LOGO_BYTES + 16 * 1024) {
      const form = new FormData();
      form.set("intent", "upload-logo");
      await parseForm(request, LogoIntentSchema, form);
      throw logoRefusal(LOGO_MESSAGES.tooLarge);
    }
    let tooLarge = false;
    const form = await unstable_parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({ maxPartSize: MAX_LOGO_BYTES }),
    ).catch((error: unknown) => {
      if (!(error instanceof MaxPartSizeExceededError)) throw error;
      tooLarge = true;
      const fallback = new FormData();
      fallback.set("intent", "upload-logo");
      return fallback;
    });
    await parseForm(request, LogoIntentSchema, form);
    if (tooLarge) throw logoRefusal(LOGO_MESSAGES.tooLarge);
    const file = form.get("logo");
    if (!(file instanceof File) || file.size === 0) throw logoRefusal(LOGO_MESSAGES.missing);
    const result = await setBrandingLogo({ actor, bytes: new Uint8Array(await file.arrayBuffer()) });
    return {
      ok: true as const,
      intent: "upload-logo",
      message: `Logo saved${result.width && result.height ? ` (${result.width} × ${result.height} pixels)` : ""}. Alumni see it on every portal page.`,
    };
  }
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  if (intent === "save-branding") {
    const input = await parseForm(request, BrandingSchema, form);
    const result = await saveBranding({ actor, input });
    return {
      ok: true as const,
      intent,
      message:
        result.changed.length === 0
          ? "Nothing changed."
          : "Branding saved. Alumni pages and new alumni email use it from now on.",
    };
  }
  if (intent === "remove-logo") {
    await parseForm(request, LogoIntentSchema, form);
    const result = await removeBrandingLogo({ actor });
    return {
      ok: true as const,
      intent,
      message: result.removed
        ? "Logo removed. Pages show the company name instead."
        : "There was no logo to remove.",
    };
  }
  throw new AppError(
    "bad_request",
    "That action is not available on this page. Reload the page and try again.",
  );
});

export default function BrandingSettings() {
  const { branding, version } = useLoaderData<typeof loader>();
  const form = useValidatedForm(BrandingSchema, {
    intent: "save-branding",
    defaultValues: {
      companyName: branding.companyName,
      accentColor: branding.accentColor,
      senderName: branding.senderName,
      senderEmail: branding.senderEmail,
      version,
    },
  });
  return (
    <>
      <PageHeader
        title="Employer branding"
        description="Former colleagues know your company, not this tool: the alumni portal and every email to alumni carry the name, logo, colour and sender you set here."
      />
      {branding.isDefault ? (
        <p className="mb-6 max-w-3xl rounded-md border border-line bg-white p-4 text-sm">
          These are the demo company&apos;s values. Save your own before inviting anyone.
        </p>
      ) : null}
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title="Name, colour and sender">
            <ValidatedForm form={form}>
              <input type="hidden" {...form.register("version")} />
              <TextField
                label="Company name"
                hint="As former colleagues know it, for example “Fjord Pay”."
                autoComplete="organization"
                {...form.field("companyName")}
              />
              <TextField
                label="Accent colour"
                hint="A hex code such as #1f5f7a, used for buttons and links. It must be dark enough for white text (contrast of at least 4.5:1)."
                {...form.field("accentColor")}
              />
              <TextField
                label="Sender name for alumni email"
                hint="Shown as the sender, for example “Fjord Pay People Team”."
                {...form.field("senderName")}
              />
              <TextField
                label="Sender address for alumni email"
                type="email"
                hint="Replies go here. Your mail server must be allowed to send from this address."
                {...form.field("senderEmail")}
              />
              <SubmitButton>Save branding</SubmitButton>
            </ValidatedForm>
          </Card>
          <Card title="Logo">
            <LogoForm hasLogo={!!branding.logoUrl} limit={MAX_LOGO_LABEL} />
          </Card>
        </div>
        <Card title="How alumni see it">
          <BrandingPreview branding={branding} />
        </Card>
      </div>
    </>
  );
}
