import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { recordId } from "~/platform/input";
import { Link, useLoaderData } from "@remix-run/react";
import { ApplicantHistory } from "~/components/contracts/applicant-history";
import { ContractText } from "~/components/contracts/contract-text";
import { DecisionForm } from "~/components/contracts/decision-form";
import { ContractMoveForm, TermsForm } from "~/components/contracts/hr-forms";
import { ContractStatusBadge } from "~/components/contracts/status";
import { CarryOverForm, TaskDoneForm, TaskList } from "~/components/onboarding/task-list";
import { TermsFacts } from "~/components/contracts/terms-facts";
import { ActionNotice, useActionResult } from "~/components/form";
import { Time } from "~/components/time";
import { Card, Notice, PageHeader } from "~/components/ui";
import { cancelContract } from "~/modules/contracts/cancel-contract.server";
import { decideContract } from "~/modules/contracts/decide-contract.server";
import { endContract } from "~/modules/contracts/end-contract.server";
import { getContractPage } from "~/modules/contracts/get-contract-page.server";
import {
  CancelSchema,
  DecisionSchema,
  EndSchema,
  TermsSchema,
  VersionSchema,
} from "~/modules/contracts/schemas";
import { sendContractOffer } from "~/modules/contracts/send-contract-offer.server";
import { submitContract } from "~/modules/contracts/submit-contract.server";
import { updateContractTerms } from "~/modules/contracts/update-contract-terms.server";
import { CarryOverSchema, KIND_LABELS, OWNER_LABELS, TaskSchema } from "~/modules/onboarding/checklist";
import { carryOverOnboardingTask, completeOnboardingTask } from "~/modules/onboarding/onboarding.server";
import { requireAnyPermission, requirePermission } from "~/platform/auth.server";
import { AppError } from "~/platform/errors";
import { defineAction, defineLoader, parseForm, submittedForm, parseParams } from "~/platform/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data && "person" in data ? `Contract: ${data.person.name}` : "Contract"} · Comeback` },
];

export const loader = defineLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requireAnyPermission(request, [
    "read:contract:any",
    "approve:contract:team",
    "approve:contract:second",
  ]);
  return getContractPage({
    actor,
    contractId: parseParams(params, { contractId: recordId }, "That contract").contractId,
  });
});

export const action = defineAction(async ({ request, params }: ActionFunctionArgs) => {
  await requireAnyPermission(request, [
    "manage:contract",
    "approve:contract:team",
    "approve:contract:second",
  ]);
  const form = await submittedForm(request);
  const intent = String(form.get("intent") ?? "");
  const contractId = parseParams(params, { contractId: recordId }, "That contract").contractId;
  const hr = () => requirePermission(request, "manage:contract");
  switch (intent) {
    case "decide": {
      const actor = await requireAnyPermission(request, ["approve:contract:team", "approve:contract:second"]);
      const input = await parseForm(request, DecisionSchema, form);
      const result = await decideContract({ actor, contractId, input });
      const message =
        input.decision === "approve"
          ? result.complete
            ? "Approved. HR can send the offer now."
            : `Your approval is in. It still needs ${result.waitingFor.join(" and ")}.`
          : input.decision === "reject"
            ? "Rejected. HR has your comment."
            : "Sent back to HR with your comment.";
      return { ok: true as const, intent, message };
    }
    case "terms": {
      const actor = await hr();
      const input = await parseForm(request, TermsSchema, form);
      const result = await updateContractTerms({ actor, contractId, input });
      return {
        ok: true as const,
        intent,
        message: !result.changed
          ? "Nothing changed: these are the terms already saved."
          : result.status === "pending_approval"
            ? "Terms saved. They changed, so the approvers were asked again."
            : "Terms saved.",
      };
    }
    case "submit": {
      const actor = await hr();
      const input = await parseForm(request, VersionSchema, form);
      const result = await submitContract({ actor, contractId, version: input.version, note: input.note });
      return {
        ok: true as const,
        intent,
        message: `Sent for approval. ${result.approvalRequests === 1 ? "One approver was" : `${result.approvalRequests} approvers were`} emailed.`,
      };
    }
    case "send_offer": {
      const actor = await hr();
      const input = await parseForm(request, VersionSchema, form);
      await sendContractOffer({ actor, contractId, version: input.version, note: input.note });
      return {
        ok: true as const,
        intent,
        message: "Offer sent. The person can read and accept it in the portal.",
      };
    }
    case "cancel": {
      const actor = await hr();
      const input = await parseForm(request, CancelSchema, form);
      const result = await cancelContract({
        actor,
        contractId,
        version: input.version,
        reason: input.reason,
      });
      return {
        ok: true as const,
        intent,
        message: result.emailed ? "Cancelled. The person gets an email with your reason." : "Cancelled.",
      };
    }
    case "end": {
      const actor = await hr();
      const input = await parseForm(request, EndSchema, form);
      await endContract({ actor, contractId, version: input.version, reason: input.reason });
      return { ok: true as const, intent, message: "The contract has ended." };
    }
    default: {
      // Onboarding steps: one form per step, its intent naming the step.
      if (intent.startsWith("task_done:")) {
        const actor = await requireAnyPermission(request, ["manage:contract", "approve:contract:team"]);
        const input = await parseForm(request, TaskSchema, form);
        const result = await completeOnboardingTask({ actor, taskId: input.taskId });
        return {
          ok: true as const,
          intent,
          message: result.activated
            ? "Done. That was the last step: the contract is active."
            : "Step marked done.",
        };
      }
      if (intent.startsWith("carry_over:")) {
        const actor = await hr();
        const input = await parseForm(request, CarryOverSchema, form);
        const result = await carryOverOnboardingTask({ actor, taskId: input.taskId, note: input.note });
        return {
          ok: true as const,
          intent,
          message: result.activated
            ? "Carried over. That was the last step: the contract is active."
            : "Carried over from the earlier employment.",
        };
      }
      throw new AppError("bad_request", "This form is out of date. Reload the page and try again.");
    }
  }
});

/** Which form answers for an intent, and whether the page still shows it. */
const FORM_OF_INTENT: Record<string, (may: (a: string) => boolean) => boolean> = {
  decide: (may) => may("approve") || may("reject"),
  terms: (may) => may("edit_terms"),
  submit: (may) => may("submit"),
  send_offer: (may) => may("send_offer"),
  cancel: (may) => may("cancel"),
  end: (may) => may("end"),
};

/**
 * An action's answer, at the top of the page, when the form that sent it is no longer shown
 * (the contract moved on): "Offer sent" must not vanish with the offer button.
 */
function MovedOnNotice({ may }: { may: (a: string) => boolean }) {
  const result = useActionResult();
  const intent = result?.intent;
  if (!intent || (FORM_OF_INTENT[intent]?.(may) ?? false)) return null;
  return (
    <div className="mb-4">
      <ActionNotice intent={intent} />
    </div>
  );
}

type StaffOnboarding = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["onboarding"]>;

const STAFF_TASK_WORDS = {
  due: (date: string) => `Due ${date}`,
  overdue: "Overdue",
  done: "Done",
  carriedOver: "Carried over",
  optional: "Optional",
};

/** The checklist on the contract page: every step, who owns it, and the actor's own steps to mark done. */
function OnboardingCard({ onboarding }: { onboarding: StaffOnboarding }) {
  const open = onboarding.tasks.filter((t) => t.required && t.status === "open").length;
  return (
    <div id="onboarding">
      <Card title="Onboarding">
        <p className="mb-3 text-sm">
          {onboarding.activatedAt ? (
            <>
              Active since <Time iso={onboarding.activatedAt} />.
            </>
          ) : onboarding.running ? (
            `${open} required ${open === 1 ? "step" : "steps"} left before the contract becomes active.`
          ) : (
            "Onboarding stopped with the contract."
          )}
        </p>
        <TaskList
          tasks={onboarding.tasks}
          words={STAFF_TASK_WORDS}
          meta={(t) => (
            <>
              {KIND_LABELS[t.kind]} · for {OWNER_LABELS[t.owner]}
              {t.doneBy ? <> · by {t.doneBy}</> : null}
              {t.doneAt ? (
                <>
                  , <Time iso={t.doneAt} />
                </>
              ) : null}
              {t.note ? <span className="block whitespace-pre-wrap">{t.note}</span> : null}
              {onboarding.mayReadDocuments
                ? t.documents.map((d) => (
                    <a
                      key={d.id}
                      href={`/staff/onboarding/documents/${d.id}`}
                      className="block text-brand underline"
                    >
                      {d.fileName} ({Math.ceil(d.size / 1024)} kB)
                    </a>
                  ))
                : null}
            </>
          )}
          actions={(t) =>
            t.status !== "open" ? null : (
              <div className="space-y-2">
                {t.mine && t.kind !== "document" ? <TaskDoneForm taskId={t.id} label="Mark done" /> : null}
                {onboarding.mayCarryOver ? <CarryOverForm taskId={t.id} /> : null}
              </div>
            )
          }
        />
      </Card>
    </div>
  );
}

export default function ContractPage() {
  const page = useLoaderData<typeof loader>();
  const { contract: c, program, person, approvals, needs, history, actions, whyNot } = page;
  const may = (a: string) => (actions as string[]).includes(a);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link to="/staff/contracts" className="text-brand underline">
          ← Contracts
        </Link>
      </p>
      <PageHeader
        title={person.name}
        description={
          <>
            Gig contract for {program.title} · hiring manager {program.hiringManager}
          </>
        }
        actions={<ContractStatusBadge status={c.status} />}
      />
      <MovedOnNotice may={may} />
      <Notice tone={c.status === "pending_approval" || c.status === "changes_requested" ? "warning" : "info"}>
        {c.statusHint}
        {c.offerExpiresAt && c.status === "offered" ? (
          <>
            {" "}
            The offer stays open until <Time iso={c.offerExpiresAt} />.
          </>
        ) : null}
      </Notice>
      <div className="mt-6 grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          {c.status === "pending_approval" || approvals.some((a) => a.approvedBy) ? (
            <Card title="Approvals">
              {needs.length ? (
                <p className="mb-3 text-sm">
                  <span className="font-medium">Still needs:</span> {needs.join("; ")}.
                </p>
              ) : null}
              <ul className="space-y-2 text-sm">
                {approvals.map((a) => (
                  <li key={a.capacity} className="rounded-md border border-line p-3">
                    <p className="font-medium">{a.who}</p>
                    <p className="text-muted">Needed because {a.reasons.join(" and ")}.</p>
                    <p className="mt-1">
                      {a.approvedBy ? (
                        <>
                          Approved by {a.approvedBy.name}, <Time iso={a.approvedBy.at} />
                        </>
                      ) : (
                        "Not approved yet."
                      )}
                    </p>
                  </li>
                ))}
              </ul>
              {whyNot ? <p className="mt-3 text-sm text-muted">{whyNot}</p> : null}
              {may("approve") || may("reject") ? (
                <div className="mt-4 border-t border-line pt-4">
                  <DecisionForm intent="decide" version={c.version} />
                </div>
              ) : null}
            </Card>
          ) : null}
          <Card title="Terms">
            <TermsFacts terms={c.summary} rateRange={program.rateRange} />
            {c.missing.length ? (
              <p className="mt-3 text-sm text-warn">
                Still to fill in before approval: {c.missing.join(", ")}.
              </p>
            ) : null}
            {may("edit_terms") ? (
              <details className="mt-4 rounded-md border border-line p-3" open={c.status === "draft"}>
                <summary className="cursor-pointer text-sm font-medium">Change the terms</summary>
                <p className="mt-2 text-sm text-muted">
                  {c.status === "draft" || c.status === "changes_requested"
                    ? "Save, then send for approval."
                    : "Any change sends the contract back for approval: approvals given so far stop counting."}
                </p>
                <div className="mt-3">
                  <TermsForm defaults={c.form} version={c.version} templates={page.templates} />
                </div>
              </details>
            ) : null}
          </Card>
          {may("submit") || may("send_offer") || may("cancel") || may("end") ? (
            <Card title="Next step">
              <div className="space-y-4">
                {may("submit") ? (
                  <ContractMoveForm
                    intent="submit"
                    version={c.version}
                    label="Send for approval"
                    hint="The approvers get an email with the terms."
                  />
                ) : null}
                {may("send_offer") ? (
                  <ContractMoveForm
                    intent="send_offer"
                    version={c.version}
                    label="Send the offer"
                    hint="The person gets an email and reads the contract in the portal. You can add a personal note."
                  />
                ) : null}
                {may("cancel") ? (
                  <ContractMoveForm intent="cancel" version={c.version} label="Cancel the contract" />
                ) : null}
                {may("end") ? (
                  <ContractMoveForm intent="end" version={c.version} label="End the contract" />
                ) : null}
              </div>
            </Card>
          ) : null}
          {page.acceptance ? (
            <Card title="Acceptance">
              <dl className="grid gap-2 text-sm sm:grid-cols-[10rem_1fr]">
                <dt className="text-muted">Accepted</dt>
                <dd>
                  <Time iso={page.acceptance.at} /> (terms version {page.acceptance.termsVersion})
                </dd>
                <dt className="text-muted">Browser</dt>
                <dd className="break-words">{page.acceptance.userAgent ?? "Not recorded"}</dd>
                {page.acceptance.ip ? (
                  <>
                    <dt className="text-muted">Internet address</dt>
                    <dd>{page.acceptance.ip}</dd>
                  </>
                ) : null}
                <dt className="text-muted">SHA-256 of the text</dt>
                <dd className="break-all font-mono text-xs">{page.acceptance.textSha256}</dd>
                {page.acceptance.pdfSha256 ? (
                  <>
                    <dt className="text-muted">SHA-256 of the PDF</dt>
                    <dd className="break-all font-mono text-xs">{page.acceptance.pdfSha256}</dd>
                  </>
                ) : null}
              </dl>
              {page.acceptance.pdfSha256 ? (
                <a
                  href={`/staff/contracts/${c.id}/pdf`}
                  download
                  className="mt-3 inline-block text-sm font-medium text-brand underline"
                >
                  Download the accepted contract (PDF)
                </a>
              ) : null}
            </Card>
          ) : null}
          {page.onboarding ? <OnboardingCard onboarding={page.onboarding} /> : null}
          <Card title="Contract text">
            {c.text ? (
              <>
                <ContractText blocks={c.text} />
                <p className="mt-4 break-all text-xs text-muted">
                  {c.template} · terms version {c.termsVersion} · SHA-256 {c.termsHash}
                </p>
              </>
            ) : (
              <p className="text-sm text-muted">
                The text is written from the template when the terms are saved or sent for approval.
              </p>
            )}
          </Card>
        </div>
        <div className="space-y-6">
          <Card title="The person">
            <ApplicantHistory history={person.history} applicationLinks={page.mayReadApplication} />
            {page.mayReadProfile ? (
              <Link
                to={`/staff/alumni/${person.id}`}
                className="mt-3 inline-block text-sm text-brand underline"
              >
                Full profile →
              </Link>
            ) : null}
          </Card>
          <Card title="History">
            {history.length ? (
              <ol className="space-y-3 text-sm">
                {history.map((h) => (
                  <li key={h.id} className="border-l-2 border-line pl-3">
                    <p>
                      <span className="font-medium">{h.who}</span> {h.what} · <Time iso={h.at} />
                    </p>
                    {h.body ? <p className="mt-1 whitespace-pre-wrap text-muted">{h.body}</p> : null}
                  </li>
                ))}
              </ol>
            ) : (
              <p className="text-sm text-muted">Drafted from the offer. Nothing has happened since.</p>
            )}
          </Card>
        </div>
      </div>
    </>
  );
}
