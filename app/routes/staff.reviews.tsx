import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Time } from "~/components/time";
import { Notice, Button, Card, EmptyState, PageHeader, TextArea } from "~/components/ui";
import { giveReviewInput, listReviewRequestsForManager } from "~/modules/eligibility/review-input.server";
import { GiveInputSchema } from "~/modules/eligibility/schemas";
import { requirePermission } from "~/platform/auth.server";
import { defineAction, defineLoader, parseForm } from "~/platform/http.server";

export const meta: MetaFunction = () => [{ title: "Reviews · Comeback" }];

export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requirePermission(request, "provide:review-input");
  return { requests: await listReviewRequestsForManager({ actor }) };
});

export const action = defineAction(async ({ request }: ActionFunctionArgs) => {
  const actor = await requirePermission(request, "provide:review-input");
  const input = await parseForm(request, GiveInputSchema);
  await giveReviewInput({ actor, requestId: input.requestId, answer: input.answer });
  return {
    ok: true as const,
    intent: input.requestId,
    message: "Thank you. HR will see your answer with the review.",
  };
});

export default function ManagerReviews() {
  const { requests } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
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
                const failed =
                  actionData && !actionData.ok && actionData.values?.requestId === r.id
                    ? actionData
                    : undefined;
                return (
                  <li key={r.id} className="border-t border-line pt-4 first:border-t-0 first:pt-0">
                    <p className="font-medium">{r.person}</p>
                    <p className="text-sm text-muted">
                      {[r.jobTitle, r.department].filter(Boolean).join(" · ")} · asked by {r.askedBy} on{" "}
                      <Time iso={r.requestedAt} />
                    </p>
                    <p className="mt-2 whitespace-pre-line text-sm">{r.question}</p>
                    <Form method="post" className="mt-3 space-y-2" aria-label={`Answer about ${r.person}`}>
                      {failed ? <Notice tone="error">{failed.error.message}</Notice> : null}
                      <input type="hidden" name="requestId" value={r.id} />
                      <TextArea
                        name="answer"
                        label="Your answer"
                        rows={3}
                        defaultValue={failed?.values?.answer}
                        errors={failed?.error.fieldErrors?.answer}
                      />
                      <Button
                        type="submit"
                        busy={
                          navigation.state === "submitting" && navigation.formData?.get("requestId") === r.id
                        }
                      >
                        Send answer
                      </Button>
                    </Form>
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
