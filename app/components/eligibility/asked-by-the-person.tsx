import { ActionNotice, SubmitButton, useValidatedForm, ValidatedForm } from "~/components/form";
import { Time } from "~/components/time";
import { Card, TextArea } from "~/components/ui";
import { OUTCOME_LABELS } from "~/modules/eligibility/policy";
import { AnswerReviewRequestSchema } from "~/modules/eligibility/review-request-schemas";

export type AskedRequest = {
  id: string;
  message: string;
  status: "open" | "answered";
  askedAt: string;
  outcomeAtRequest: keyof typeof OUTCOME_LABELS;
  answer: string | null;
  answeredAt: string | null;
  answeredBy: string | null;
};

/** The person's requests (from the portal) to look at their verdict again, and HR's answers. */
export function AskedByThePerson({ requests, canAnswer }: { requests: AskedRequest[]; canAnswer: boolean }) {
  const open = requests.filter((r) => r.status === "open");
  return (
    <Card title={open.length ? "Asked by the person: please answer" : "Asked by the person"}>
      <div id="asked" className="space-y-4">
        <ActionNotice intent="answer-request" />
        {requests.map((r) => (
          <div key={r.id} className="border-l-2 border-line pl-3">
            <p className="text-xs text-muted">
              Asked <Time iso={r.askedAt} /> when the verdict was{" "}
              {OUTCOME_LABELS[r.outcomeAtRequest].toLowerCase()}
            </p>
            <blockquote className="mt-1 whitespace-pre-wrap text-sm">{r.message}</blockquote>
            {r.status === "answered" ? (
              <div className="mt-2 rounded-md bg-paper p-3 text-sm">
                <p className="text-xs text-muted">
                  Answered <Time iso={r.answeredAt} />
                  {r.answeredBy ? ` by ${r.answeredBy}` : ""}
                </p>
                <p className="mt-1 whitespace-pre-wrap">{r.answer}</p>
              </div>
            ) : canAnswer ? (
              <AnswerForm requestId={r.id} />
            ) : null}
          </div>
        ))}
      </div>
    </Card>
  );
}

function AnswerForm({ requestId }: { requestId: string }) {
  const form = useValidatedForm(AnswerReviewRequestSchema, {
    intent: "answer-request",
    defaultValues: { requestId },
  });
  return (
    <ValidatedForm form={form} className="mt-3 space-y-3">
      <input type="hidden" {...form.register("requestId")} value={requestId} />
      <TextArea
        label="Your answer to the person"
        rows={4}
        hint="They read it in the alumni portal. Decide the verdict below first if it changes; this answer does not change it."
        {...form.field("answer")}
      />
      <SubmitButton variant="secondary">Send the answer</SubmitButton>
    </ValidatedForm>
  );
}
