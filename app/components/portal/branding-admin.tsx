import { Form, useNavigation } from "@remix-run/react";
import type { Branding } from "~/modules/portal/branding";
import { ActionNotice, useActionResult } from "../form";
import { Button, FieldError } from "../ui";
import { accentStyle, PortalLogo } from "./portal-shell";

/** The logo upload and removal (native forms: a file cannot go through react-hook-form's fields). */
export function LogoForm({ hasLogo, limit }: { hasLogo: boolean; limit: string }) {
  const navigation = useNavigation();
  const uploaded = useActionResult("upload-logo");
  const busy = (intent: string) =>
    navigation.state === "submitting" && navigation.formData?.get("intent") === intent;
  const error =
    uploaded && !uploaded.ok ? (uploaded.error.fieldErrors?.logo ?? [uploaded.error.message]) : undefined;
  return (
    <div className="space-y-4">
      <ActionNotice intent="remove-logo" />
      {uploaded?.ok ? <ActionNotice intent="upload-logo" /> : null}
      <Form method="post" encType="multipart/form-data" className="space-y-3">
        <input type="hidden" name="intent" value="upload-logo" />
        <div>
          <label htmlFor="upload-logo-logo" className="block text-sm font-medium">
            Logo file
          </label>
          <p id="upload-logo-logo-hint" className="mt-1 text-sm text-muted">
            PNG, JPEG or WebP, at most {limit}. A wide logo on a transparent or white background works best;
            SVG is not accepted.
          </p>
          <input
            id="upload-logo-logo"
            name="logo"
            type="file"
            accept="image/png,image/jpeg,image/webp"
            aria-describedby={
              error ? "upload-logo-logo-error upload-logo-logo-hint" : "upload-logo-logo-hint"
            }
            aria-invalid={error ? true : undefined}
            className="mt-2 block w-full text-sm"
          />
          <FieldError id="upload-logo-logo-error" errors={error} />
        </div>
        <Button type="submit" busy={busy("upload-logo")}>
          {hasLogo ? "Replace logo" : "Upload logo"}
        </Button>
      </Form>
      {hasLogo ? (
        <Form method="post">
          <input type="hidden" name="intent" value="remove-logo" />
          <Button type="submit" variant="secondary" busy={busy("remove-logo")}>
            Remove logo
          </Button>
        </Form>
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
