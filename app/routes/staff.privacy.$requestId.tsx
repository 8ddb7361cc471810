import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { SubmitButton, useValidatedForm, ValidatedForm } from "~/components/form";
import { Time } from "~/components/time";
import { Badge, Card, Checkbox, Facts, Notice, PageHeader, TextArea } from "~/components/ui";
import { approveErasure } from "~/modules/privacy/approve-erasure.server";
import { ERASURE_STATUS_LABELS, PERSONAL_DATA_LABELS } from "~/modules/privacy/labels";
import { getErasureRequest } from "~/modules/privacy/list-erasure-requests.server";
import { refuseErasure } from "~/modules/privacy/refuse-erasure.server";
import { ApproveErasureSchema, RefuseErasureSchema } from "~/modules/privacy/schemas";
import { requirePermission } from "~/platform/auth.server";
import { AppError } from "~/platform/errors";
import { defineAction, defineLoader, parseForm, submittedForm, parseParams } from "~/platform/http.server";
import { recordId } from "~/platform/input";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.request.reference ?? "Erasure request"} · Data requests · Comeback` },
];

export const loader = defineLoader(async ({ request, params }: LoaderFunctionArgs) => {
  await requirePermission(request, "review:erasure");
  return {
    request: await getErasureRequest(parseParams(params, { requestId: recordId }, "That request").requestId),
  };
});

export const action = defineAction(async ({ request, params }: ActionFunctionArgs) => {
  const actor = await requirePermission(request, "review:erasure");
  const requestId = parseParams(params, { requestId: recordId }, "That request").requestId;
  const form = await submittedForm(request);
  const intent = String(form.get("intent") ?? "");
  if (intent === "approve") {
    const input = await parseForm(request, ApproveErasureSchema, form);
    const result = await approveErasure({ actor, requestId, note: input.note });
    return {
      ok: true as const,
      intent,
      message: `Erased. The person is now known only as ${result.reference}; later imports will skip them.`,
    };
  }
  if (intent === "refuse") {
    const input = await parseForm(request, RefuseErasureSchema, form);
    await refuseErasure({ actor, requestId, note: input.note });
    return {
      ok: true as const,
      intent,
      message: "Refused. The person sees your reason in the alumni portal.",
    };
  }
  throw new AppError(
    "bad_request",
    "That action is not available on this page. Reload the page and try again.",
  );
});

export default function ErasureRequestPage() {
  const { request: r } = useLoaderData<typeof loader>();
  const approve = useValidatedForm(ApproveErasureSchema, { intent: "approve" });
  const refuse = useValidatedForm(RefuseErasureSchema, { intent: "refuse" });
  const waiting = r.status === "requested";
  return (
    <>
      <p className="mb-2 text-sm">
        <Link to="/staff/privacy" className="text-brand underline">
          ← Data requests
        </Link>
      </p>
      <PageHeader
        title={r.person ? `${r.person.name}: erase their data?` : `Erasure ${r.reference}`}
        description={`Reference ${r.reference}. Asked on ${r.requestedAt.slice(0, 10)}.`}
        actions={
          <Badge tone={r.status === "done" ? "good" : r.status === "refused" ? "neutral" : "warn"}>
            {ERASURE_STATUS_LABELS[r.status]}
          </Badge>
        }
      />
      {approve.success ? <Notice tone="success">{approve.success}</Notice> : null}
      {refuse.success ? <Notice tone="success">{refuse.success}</Notice> : null}
      <div className="mt-4 grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          {r.person ? (
            <Card title="Who asked">
              <Facts
                items={[
                  {
                    label: "Name",
                    value: (
                      <Link className="text-brand underline" to={`/staff/alumni/${r.person.id}`}>
                        {r.person.name}
                      </Link>
                    ),
                  },
                  { label: "HR id", value: r.person.hrId },
                  { label: "Email", value: r.person.emails.join(", ") || null },
                  {
                    label: "Their message",
                    value: r.message ? <span className="whitespace-pre-wrap">{r.message}</span> : "None",
                  },
                ]}
              />
            </Card>
          ) : null}
          {waiting ? (
            <Card title="What approving erases">
              <p className="mb-3 text-sm">
                Everything below goes in one step and cannot be undone. Audit events keep what happened and
                who on the staff side did it, with the person replaced by {r.reference}. Their employee ID and
                email addresses go on the suppression list as keyed hashes, so a later import skips them and
                says so in the dry run.
              </p>
              <ul className="grid gap-1 text-sm sm:grid-cols-2">
                {r.held.map((h) => (
                  <li key={h.model}>
                    {PERSONAL_DATA_LABELS[h.model] ?? h.model}: <strong>{h.count}</strong>
                  </li>
                ))}
              </ul>
              <p className="mt-3 text-sm text-muted">
                Emails that mention them, staged import rows and stored import files that hold them, and
                mentions of their name, ID or addresses in saved views, campaigns and other HR text are found
                and erased too.
              </p>
            </Card>
          ) : null}
          {r.status === "done" ? (
            <Card title="What was erased">
              <ul className="grid gap-1 text-sm sm:grid-cols-2">
                {Object.entries(r.summary ?? {}).map(([key, count]) => (
                  <li key={key}>
                    {PERSONAL_DATA_LABELS[key] ?? key}: <strong>{count}</strong>
                  </li>
                ))}
              </ul>
              <p className="mt-3 text-sm text-muted">
                Erased <Time iso={r.completedAt} />
                {r.decidedByName ? ` by ${r.decidedByName}` : ""}.
              </p>
            </Card>
          ) : null}
          {r.status === "refused" ? (
            <Card title="Refused">
              <p className="text-sm">
                <Time iso={r.decidedAt} />
                {r.decidedByName ? ` by ${r.decidedByName}` : ""}. The reason the person reads:
              </p>
              <p className="mt-2 whitespace-pre-wrap text-sm">{r.decisionNote}</p>
            </Card>
          ) : null}
        </div>
        {waiting ? (
          <div className="space-y-6">
            {r.person?.legalHold ? (
              <Notice tone="error" title="Legal hold">
                This person is under a legal hold, so their data must be kept for now. Refuse the request with
                that reason, or approve it once the hold is lifted.
              </Notice>
            ) : null}
            {r.importsBusy ? (
              <Notice tone="warning" title="An import is running">
                Approve when it has finished: it may hold this person.
              </Notice>
            ) : null}
            <Card title="Approve and erase">
              <ValidatedForm form={approve}>
                <Checkbox
                  label={`Erase ${r.person?.name ?? "this person"}'s data now. This cannot be undone.`}
                  value="yes"
                  {...approve.checkbox("confirm")}
                />
                <TextArea
                  label="Note for the audit trail"
                  rows={3}
                  hint="Optional. What you checked (contracts, legal holds). Do not write the person's name: the note is kept."
                  {...approve.field("note")}
                />
                <SubmitButton variant="danger">Erase everything about them</SubmitButton>
              </ValidatedForm>
            </Card>
            <Card title="Refuse">
              <ValidatedForm form={refuse}>
                <TextArea
                  label="Reason"
                  rows={4}
                  hint="The person reads this in the alumni portal. Say what stands in the way and when it may end."
                  {...refuse.field("note")}
                />
                <SubmitButton variant="secondary">Refuse the request</SubmitButton>
              </ValidatedForm>
            </Card>
          </div>
        ) : null}
      </div>
    </>
  );
}
