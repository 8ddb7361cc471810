import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { SubmitButton, ValidatedForm, useValidatedForm } from "~/components/form";
import { BrandingPreview, LogoForm } from "~/components/portal/branding-admin";
import { Card, PageHeader, TextField } from "~/components/ui";
import {
  BrandingSchema,
  LOGO_MESSAGES,
  MAX_LOGO_BYTES,
  MAX_LOGO_LABEL,
  RemoveLogoSchema,
  UploadLogoSchema,
} from "~/modules/portal/branding";
import { getBrandingSettings } from "~/modules/portal/get-branding.server";
import { saveBranding } from "~/modules/portal/save-branding.server";
import { removeBrandingLogo } from "~/modules/portal/remove-branding-logo.server";
import { setBrandingLogo } from "~/modules/portal/set-branding-logo.server";
import { requirePermission } from "~/platform/auth.server";
import { AppError } from "~/platform/errors";
import {
  defineAction,
  defineLoader,
  isUpload,
  parseForm,
  parseIntent,
  parseUpload,
} from "~/platform/http.server";

export const meta: MetaFunction = () => [{ title: "Employer branding · Comeback" }];

export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  await requirePermission(request, "manage:branding");
  return getBrandingSettings();
});

function logoRefusal(message: string) {
  return new AppError("validation", message, { fieldErrors: { logo: [message] } });
}

export const action = defineAction(async ({ request }: ActionFunctionArgs) => {
  const actor = await requirePermission(request, "manage:branding");
  if (isUpload(request)) {
    // Anything clearly over the limit is refused unread; the logo is small enough to hold whole.
    const chunks: Buffer[] = [];
    await parseUpload(request, {
      schema: UploadLogoSchema,
      file: "logo",
      intent: "upload-logo",
      maxBytes: MAX_LOGO_BYTES,
      tooLarge: () => logoRefusal(LOGO_MESSAGES.tooLarge),
      onFile: async (file) => {
        for await (const chunk of file.data) chunks.push(Buffer.from(chunk));
      },
    });
    const bytes = new Uint8Array(Buffer.concat(chunks));
    if (bytes.byteLength === 0) throw logoRefusal(LOGO_MESSAGES.missing);
    const result = await setBrandingLogo({ actor, bytes });
    return {
      ok: true as const,
      intent: "upload-logo",
      message: `Logo saved${result.width && result.height ? ` (${result.width} × ${result.height} pixels)` : ""}. Alumni see it on every portal page.`,
    };
  }
  const intent = await parseIntent(request, ["save-branding", "remove-logo"]);
  if (intent === "save-branding") {
    const input = await parseForm(request, BrandingSchema);
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
  await parseForm(request, RemoveLogoSchema);
  const result = await removeBrandingLogo({ actor });
  return {
    ok: true as const,
    intent,
    message: result.removed
      ? "Logo removed. Pages show the company name instead."
      : "There was no logo to remove.",
  };
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
