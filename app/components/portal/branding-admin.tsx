import type { Branding } from "~/modules/portal/branding";
import { RemoveLogoSchema, UploadLogoSchema } from "~/modules/portal/branding";
import { SubmitButton, useValidatedForm, ValidatedForm } from "../form";
import { FileField } from "../ui";
import { accentStyle, PortalLogo } from "./portal-shell";

/**
 * The logo upload and removal. The upload posts multipart (the file never goes into
 * react-hook-form's values as text): the browser checks that a file is chosen and not too large,
 * the server judges its bytes, and either refusal is shown under the file field.
 */
export function LogoForm({ hasLogo, limit }: { hasLogo: boolean; limit: string }) {
  const upload = useValidatedForm(UploadLogoSchema, {
    intent: "upload-logo",
    defaultValues: { intent: "upload-logo" },
  });
  const remove = useValidatedForm(RemoveLogoSchema, {
    intent: "remove-logo",
    defaultValues: { intent: "remove-logo" },
  });
  return (
    <div className="space-y-4">
      <ValidatedForm form={upload} encType="multipart/form-data" className="space-y-3">
        <FileField
          label="Logo file"
          hint={`PNG, JPEG or WebP, at most ${limit}. A wide logo on a transparent or white background works best; SVG is not accepted.`}
          accept="image/png,image/jpeg,image/webp"
          {...upload.field("logo")}
          required
        />
        <SubmitButton>{hasLogo ? "Replace logo" : "Upload logo"}</SubmitButton>
      </ValidatedForm>
      {hasLogo || remove.success ? (
        <ValidatedForm form={remove}>
          {hasLogo ? <SubmitButton variant="secondary">Remove logo</SubmitButton> : null}
        </ValidatedForm>
      ) : null}
    </div>
  );
}
/** The portal's header and a button as alumni will see them, with the saved values. */
export function BrandingPreview({ branding }: { branding: Branding }) {
  return (
    <div style={accentStyle(branding.accentColor)} className="space-y-4">
      <div className="rounded-md border border-line border-t-4 border-t-brand bg-white p-3">
        <PortalLogo branding={branding} />
      </div>
      <p className="text-sm">
        Buttons and links use the accent colour: <span className="text-brand underline">a link</span>
      </p>
      <span className="inline-flex rounded-md bg-brand px-4 py-2 text-sm font-medium text-white">
        A button
      </span>
      <p className="text-sm text-muted">
        Email to alumni comes from{" "}
        <span className="font-medium text-ink">
          {branding.senderName} &lt;{branding.senderEmail}&gt;
        </span>
        .
      </p>
    </div>
  );
}
