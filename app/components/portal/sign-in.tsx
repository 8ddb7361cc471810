import { useRouteLoaderData } from "@remix-run/react";
import { t } from "~/modules/portal/strings";
import { PortalSignInConfirmSchema, PortalSignInSchema } from "~/modules/portal/schemas";
import { SubmitButton, ValidatedForm, useActionResult, useValidatedForm } from "../form";
import { Notice, TextField } from "../ui";

function useCompany() {
  return (
    useRouteLoaderData<{ branding: { companyName: string } }>("routes/portal")?.branding.companyName ?? ""
  );
}

/** "Email me a link": the address, then the same "check your email" answer for everyone. */
export function SignInRequestForm({ redirectTo, signedOut }: { redirectTo: string; signedOut: boolean }) {
  const company = useCompany();
  const result = useActionResult("sign-in");
  const form = useValidatedForm(PortalSignInSchema, { intent: "sign-in", defaultValues: { redirectTo } });
  if (result?.ok) {
    return (
      <section className="mx-auto max-w-md space-y-4">
        <h1 className="text-2xl font-semibold">{t("signIn.sentTitle")}</h1>
        <div role="status" className="rounded-lg border border-line bg-white p-5">
          <p>{result.message}</p>
        </div>
        <p>
          <a
            className="font-medium text-brand underline"
            href={
              redirectTo ? `/portal/sign-in?redirectTo=${encodeURIComponent(redirectTo)}` : "/portal/sign-in"
            }
          >
            {t("signIn.askAgain")}
          </a>
        </p>
      </section>
    );
  }
  return (
    <section className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-semibold">{t("signIn.title")}</h1>
      {signedOut ? <Notice tone="success">{t("signIn.signedOut")}</Notice> : null}
      <p>{t("signIn.intro", { company })}</p>
      <div className="rounded-lg border border-line bg-white p-5">
        <ValidatedForm form={form} className="space-y-5">
          <input type="hidden" {...form.register("redirectTo")} />
          <TextField
            label={t("signIn.email")}
            type="email"
            inputMode="email"
            autoComplete="email"
            hint={t("signIn.emailHint")}
            {...form.field("email")}
          />
          <SubmitButton className="min-h-11 w-full">{t("signIn.submit")}</SubmitButton>
        </ValidatedForm>
      </div>
      <p className="text-sm text-muted">{t("signIn.privacy")}</p>
    </section>
  );
}

/** The page an emailed link opens: nothing happens until the person presses the button. */
export function SignInConfirm({
  usable,
  invalidMessage,
  error,
}: {
  usable: boolean;
  invalidMessage: string;
  error?: string;
}) {
  const company = useCompany();
  const form = useValidatedForm(PortalSignInConfirmSchema, {
    intent: "confirm-sign-in",
    defaultValues: { intent: "confirm-sign-in" },
  });
  if (!usable || error) {
    return (
      <section className="mx-auto max-w-md space-y-4">
        <h1 className="text-2xl font-semibold">{t("signIn.invalidTitle")}</h1>
        <p>{error ?? invalidMessage}</p>
        <p>
          <a className="font-medium text-brand underline" href="/portal/sign-in">
            {t("signIn.askAgain")}
          </a>
        </p>
      </section>
    );
  }
  return (
    <section className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-semibold">{t("signIn.confirmTitle")}</h1>
      <p>{t("signIn.confirm", { company })}</p>
      <ValidatedForm form={form} className="rounded-lg border border-line bg-white p-5">
        <SubmitButton className="min-h-11 w-full">{t("signIn.confirmButton")}</SubmitButton>
      </ValidatedForm>
      <p className="text-sm text-muted">{t("signIn.confirmWhy")}</p>
    </section>
  );
}
