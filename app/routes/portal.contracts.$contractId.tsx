import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { recordId } from "~/platform/input";
import { Link, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { ContractText } from "~/components/contracts/contract-text";
import { TermsFacts } from "~/components/contracts/terms-facts";
import {
  ActionNotice,
  SubmitButton,
  useActionResult,
  useValidatedForm,
  ValidatedForm,
} from "~/components/form";
import { portalMeta } from "~/components/portal/portal-meta";
import { Checkbox, Notice, TextArea } from "~/components/ui";
import { acceptContract, declineContract } from "~/modules/contracts/answer-offer.server";
import { getPortalContract } from "~/modules/contracts/get-portal-contract.server";
import { AcceptOfferSchema, DeclineOfferSchema } from "~/modules/contracts/schemas";
import { dateInWords } from "~/modules/contracts/contract-text";
import { t } from "~/modules/portal/strings";
import { requireAlumnus } from "~/platform/auth.server";
import { AppError } from "~/platform/errors";
import { defineAction, defineLoader, parseForm, submittedForm, parseParams } from "~/platform/http.server";
import { requestContext } from "~/platform/request-context.server";

export const meta = portalMeta("contract.title");

export const loader = defineLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const alumnus = await requireAlumnus(request);
  return getPortalContract({
    alumnus,
    contractId: parseParams(params, { contractId: recordId }, { message: t("notFound.contract") }).contractId,
  });
});

export const action = defineAction(async ({ request, params }: ActionFunctionArgs) => {
  const alumnus = await requireAlumnus(request);
  const form = await submittedForm(request);
  const intent = String(form.get("intent") ?? "");
  const contractId = parseParams(
    params,
    { contractId: recordId },
    { message: t("notFound.contract") },
  ).contractId;
  if (intent === "accept") {
    const input = await parseForm(request, AcceptOfferSchema, form);
    const context = requestContext();
    await acceptContract({
      alumnus,
      contractId,
      shownHash: input.termsHash,
      ip: context?.ip ?? null,
      userAgent: context?.userAgent ?? null,
    });
    return { ok: true as const, intent, message: t("contract.acceptedNow") };
  }
  if (intent === "decline") {
    const input = await parseForm(request, DeclineOfferSchema, form);
    await declineContract({ alumnus, contractId, shownHash: input.termsHash, comment: input.comment });
    return { ok: true as const, intent, message: t("contract.declinedNow") };
  }
  throw new AppError("bad_request", t("contract.reload"));
});

const day = (iso: string) => dateInWords(iso.slice(0, 10));

const PORTAL_TERMS_LABELS = {
  role: t("contract.factRole"),
  pay: t("contract.factPay"),
  hours: t("contract.factHours"),
  place: t("contract.factPlace"),
  start: t("contract.factStart"),
  end: t("contract.factEnd"),
  notice: t("contract.factNotice"),
  stipend: t("contract.factStipend"),
  rateRange: t("contract.factRateRange"),
};

function AcceptForm({ termsHash }: { termsHash: string }) {
  const form = useValidatedForm(AcceptOfferSchema, { intent: "accept", defaultValues: { termsHash } });
  return (
    <ValidatedForm form={form}>
      <input type="hidden" name="termsHash" value={termsHash} />
      <p>{t("contract.acceptRecord")}</p>
      <Checkbox label={t("contract.confirm")} {...form.checkbox("confirm")} />
      <SubmitButton>{t("contract.acceptButton")}</SubmitButton>
    </ValidatedForm>
  );
}

function DeclineForm({ termsHash }: { termsHash: string }) {
  const form = useValidatedForm(DeclineOfferSchema, { intent: "decline", defaultValues: { termsHash } });
  return (
    <ValidatedForm form={form}>
      <input type="hidden" name="termsHash" value={termsHash} />
      <p>{t("contract.declineExplain")}</p>
      <TextArea label={t("contract.declineComment")} rows={3} {...form.field("comment")} />
      <SubmitButton variant="secondary">{t("contract.declineButton")}</SubmitButton>
    </ValidatedForm>
  );
}

/** A refused answer (the contract changed or closed meanwhile), once the forms are gone. */
function AnsweredNotice({ open }: { open: boolean }) {
  const result = useActionResult();
  // Success is said by the page itself (accepted on ..., declined); a refusal is said here.
  if (!result?.intent || open || result.ok) return null;
  return <ActionNotice intent={result.intent} />;
}

export default function PortalContract() {
  const c = useLoaderData<typeof loader>();
  const layout = useRouteLoaderData<{ branding: { companyName: string } }>("routes/portal");
  const open = c.state === "open";
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link to="/portal/applications" className="text-brand underline">
          ← {t("contract.back")}
        </Link>
      </p>
      <div>
        <h1 className="text-2xl font-semibold">{t("contract.title")}</h1>
        {open ? (
          <p className="mt-2 text-lg">
            {c.program === c.role
              ? t("contract.introOpenRole", { company: layout?.branding.companyName ?? "", role: c.role })
              : t("contract.introOpen", {
                  company: layout?.branding.companyName ?? "",
                  role: c.role,
                  program: c.program,
                })}
          </p>
        ) : null}
      </div>
      <AnsweredNotice open={open} />
      {open && c.offerExpiresOn ? (
        <Notice tone="info">{t("contract.openUntil", { date: day(c.offerExpiresOn) })}</Notice>
      ) : null}
      {c.state === "accepted" && c.acceptance ? (
        <Notice tone="success">
          <p>{t("contract.acceptedOn", { date: day(c.acceptance.at) })}</p>
          {c.acceptance.hasPdf ? (
            <a
              href={`/portal/contracts/${c.id}/pdf`}
              className="mt-2 inline-block font-medium text-brand underline"
              download
            >
              {t("contract.download")}
            </a>
          ) : null}
          {c.hasChecklist ? (
            <Link to={`/portal/onboarding/${c.id}`} className="mt-2 block font-medium text-brand underline">
              {t("contract.onboardingLink")}
            </Link>
          ) : null}
        </Notice>
      ) : null}
      {c.state === "declined" ? <Notice tone="info">{t("contract.declinedState")}</Notice> : null}
      {c.state === "revising" ? <Notice tone="warning">{t("contract.revising")}</Notice> : null}
      {c.state === "closed" ? <Notice tone="info">{t("contract.closed")}</Notice> : null}
      {c.state !== "revising" ? (
        <>
          <section aria-labelledby="terms-heading" className="rounded-lg border border-line bg-white p-5">
            <h2 id="terms-heading" className="mb-3 text-lg font-semibold">
              {t("contract.termsHeading")}
            </h2>
            <TermsFacts terms={c.terms} labels={PORTAL_TERMS_LABELS} />
          </section>
          <section aria-labelledby="text-heading" className="rounded-lg border border-line bg-white p-5">
            <h2 id="text-heading" className="mb-3 text-lg font-semibold">
              {t("contract.textHeading")}
            </h2>
            <ContractText blocks={c.blocks} />
            <p className="mt-4 break-all text-xs text-muted">
              {t("contract.fingerprint", { hash: c.acceptance?.textSha256 ?? c.termsHash })}
            </p>
            <p className="mt-1 text-xs text-muted">{t("contract.fingerprintWhy")}</p>
          </section>
        </>
      ) : null}
      {open ? (
        <>
          <section aria-labelledby="accept-heading" className="rounded-lg border-2 border-brand bg-white p-5">
            <h2 id="accept-heading" className="mb-3 text-lg font-semibold">
              {t("contract.acceptHeading")}
            </h2>
            <AcceptForm termsHash={c.termsHash} />
          </section>
          <section aria-labelledby="decline-heading" className="rounded-lg border border-line bg-white p-5">
            <h2 id="decline-heading" className="mb-3 text-lg font-semibold">
              {t("contract.declineHeading")}
            </h2>
            <DeclineForm termsHash={c.termsHash} />
          </section>
        </>
      ) : null}
    </div>
  );
}
