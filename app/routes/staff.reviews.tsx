import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { SubmitButton, useValidatedForm, ValidatedForm } from "~/components/form";
import { Time } from "~/components/time";
import { Notice, Card, EmptyState, PageHeader, TextArea } from "~/components/ui";
import { giveReviewInput, listReviewRequestsForManager } from "~/modules/eligibility/review-input.server";
import { GiveInputSchema } from "~/modules/eligibility/schemas";
import { requirePermission } from "~/platform/auth.server";
import { defineAction, defineLoader, parseForm } from "~/platform/http.server";

export const meta: MetaFunction = () => [{ title: "Reviews · Comeback" }];

export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requirePermission(request, "provide:review-input");
  return { requests: await listReviewRequestsForManager({ actor }) };
});

const ANSWER_INTENT = "answer";

export const action = defineAction(async ({ request }: ActionFunctionArgs) => {
  const actor = await requirePermission(request, "provide:review-input");
  const input = await parseForm(request, GiveInputSchema);
  await giveReviewInput({ actor, requestId: input.requestId, answer: input.answer });
  return {
    ok: true as const,
    intent: ANSWER_INTENT,
    requestId: input.requestId,
    message: "Thank you. HR will see your answer with the review.",
  };
});

type Answer = { ok: boolean; requestId?: string; values?: Record<string, string> };

/** One question's answer form; the action's answer is its own only when it names this request. */
function AnswerForm({ requestId, person }: { requestId: string; person: string }) {
  const data = useActionData<Answer>();
  const mine = useMemo(
    () => ((data?.ok ? data.requestId : data?.values?.requestId) === requestId ? data : {}),
    [data, requestId],
  );
  const form = useValidatedForm(GiveInputSchema, {
    intent: ANSWER_INTENT,
    idPrefix: `answer-${requestId}`,
    defaultValues: { requestId },
    actionData: mine,
  });
  return (
    <ValidatedForm form={form} className="mt-3 space-y-2" aria-label={`Answer about ${person}`}>
      <input type="hidden" name="requestId" value={requestId} />
      <TextArea label="Your answer" rows={3} {...form.field("answer")} />
      <SubmitButton>Send answer</SubmitButton>
    </ValidatedForm>
  );
}

export default function ManagerReviews() {
  const { requests } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const open = requests.filter((r) => !r.answeredAt);
  const answered = requests.filter((r) => r.answeredAt);
  return (
    <>
      <PageHeader
        title="Reviews"
        description="HR asks for your view when deciding whether a former colleague can be invited back. Your answer is kept with their review."
      />
      {actionData?.ok ? <Notice tone="success">{actionData.message}</Notice> : null}
      <div className="mt-4 space-y-6">
        <Card title={`Waiting for your input (${open.length})`}>
          {open.length === 0 ? (
            <EmptyState title="Nothing waiting">
              When HR asks for your input on a review, the question appears here.
            </EmptyState>
          ) : (
            <ul className="space-y-6">
              {open.map((r) => {
                return (
                  <li key={r.id} className="border-t border-line pt-4 first:border-t-0 first:pt-0">
                    <p className="font-medium">{r.person}</p>
                    <p className="text-sm text-muted">
                      {[r.jobTitle, r.department].filter(Boolean).join(" · ")} · asked by {r.askedBy} on{" "}
                      <Time iso={r.requestedAt} />
                    </p>
                    <p className="mt-2 whitespace-pre-line text-sm">{r.question}</p>
                    <AnswerForm requestId={r.id} person={r.person} />
                  </li>
                );
              })}
            </ul>
          )}
        </Card>
        {answered.length ? (
          <Card title="Answered">
            <ul className="space-y-4 text-sm">
              {answered.map((r) => (
                <li key={r.id}>
                  <p className="font-medium">{r.person}</p>
                  <p className="whitespace-pre-line text-muted">{r.question}</p>
                  <p className="mt-1 whitespace-pre-line">
                    Your answer (<Time iso={r.answeredAt} />
                    ): {r.answer}
                  </p>
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
      </div>
    </>
  );
}
