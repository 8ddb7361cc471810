import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { WelcomeEditor } from "~/components/portal/welcome-editor";
import { PageHeader } from "~/components/ui";
import { getBranding } from "~/modules/portal/get-branding.server";
import { getWelcome } from "~/modules/portal/get-welcome.server";
import { saveWelcome } from "~/modules/portal/save-welcome.server";
import { WelcomeSchema } from "~/modules/portal/welcome";
import { requirePermission } from "~/platform/auth.server";
import { AppError } from "~/platform/errors";
import { defineAction, defineLoader, parseForm, submittedForm } from "~/platform/http.server";
import { can } from "~/platform/permissions";

export const meta: MetaFunction = () => [{ title: "Alumni welcome page · Comeback" }];

export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requirePermission(request, "edit:portal-welcome");
  const [welcome, branding] = await Promise.all([getWelcome(), getBranding()]);
  return {
    saved: welcome
      ? {
          headline: welcome.headline,
          whatWeAreDoing: welcome.whatWeAreDoing,
          flexibleWork: welcome.flexibleWork,
          contactName: welcome.contactName,
          contactRole: welcome.contactRole,
          contactEmail: welcome.contactEmail,
          contactPhone: welcome.contactPhone,
        }
      : null,
    version: welcome?.version ?? 0,
    accentColor: branding.accentColor,
    companyName: branding.companyName,
    canOverrideTone: can(actor, "override:tone-check"),
  };
});

export const action = defineAction(async ({ request }: ActionFunctionArgs) => {
  const actor = await requirePermission(request, "edit:portal-welcome");
  const form = await submittedForm(request);
  const intent = String(form.get("intent") ?? "");
  if (intent !== "save-welcome") {
    throw new AppError(
      "bad_request",
      "That action is not available on this page. Reload the page and try again.",
    );
  }
  const input = await parseForm(request, WelcomeSchema, form);
  const result = await saveWelcome({ actor, input });
  return {
    ok: true as const,
    intent,
    message:
      result.changed.length === 0
        ? "Nothing changed."
        : "Welcome page saved. Alumni see it when they sign in.",
  };
});

export default function WelcomePageEditor() {
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title="Alumni welcome page"
        description={`The first page former colleagues see when they sign in to the ${data.companyName} alumni site: what the company is doing and why, what flexible work looks like, and who to contact.`}
      />
      <WelcomeEditor
        key={data.version}
        saved={data.saved}
        version={data.version}
        accentColor={data.accentColor}
        canOverrideTone={data.canOverrideTone}
      />
    </>
  );
}
