import { Form, Link } from "@remix-run/react";
import { Time } from "~/components/time";
import { Badge, Button, Card, Pager, Stat, Table, type Column } from "~/components/ui";
import type {
  CampaignAnswerRow,
  CampaignAnswers,
} from "~/modules/invitation-answers/get-campaign-answers.server";
import { ANSWER_DESCRIPTIONS, ANSWER_LABELS, type AnswerChoice } from "~/modules/invitation-answers/labels";

const TONE: Record<AnswerChoice, "good" | "neutral" | "bad"> = {
  interested: "good",
  not_now: "neutral",
  stop: "bad",
};

/**
 * What people answered with the button in the campaign's email (ADR 038): a count per answer
 * (each a filter), how many have not answered, and who said what, newest first. HR marks an
 * answer followed up once they have been in touch; a new answer from the person reopens it.
 */
export function CampaignAnswersCard({
  answers,
  busyAnswerId,
}: {
  answers: CampaignAnswers;
  /** The answer whose "followed up" form is being sent. */
  busyAnswerId?: string | null;
}) {
  const filterHref = (answer: AnswerChoice | null) => `?${answer ? `answer=${answer}` : ""}#answers`;
  const columns: Column<CampaignAnswerRow>[] = [
    {
      key: "person",
      label: "Person",
      rowHeader: true,
      cell: (r) => (
        <Link to={`/staff/alumni/${r.alumnusId}`} className="font-medium text-brand underline">
          {r.name}
        </Link>
      ),
    },
    {
      key: "answer",
      label: "Answer",
      cell: (r) => <Badge tone={TONE[r.answer]}>{r.answerLabel}</Badge>,
    },
    { key: "availability", label: "Availability", cell: (r) => r.availability ?? "—" },
    {
      key: "message",
      label: "Message",
      cell: (r) => (r.message ? <span className="whitespace-pre-line">{r.message}</span> : "—"),
    },
    {
      key: "answered",
      label: "Answered",
      cell: (r) => (
        <>
          <Time iso={r.answeredAt} />
          {r.answerCount > 1 ? (
            <span className="block text-xs text-muted">Changed their answer ({r.answerCount} answers)</span>
          ) : null}
        </>
      ),
    },
    {
      key: "followUp",
      label: "Follow-up",
      cell: (r) =>
        r.handled ? (
          <span className="text-sm">
            Followed up{r.handled.by ? ` by ${r.handled.by}` : ""}, <Time iso={r.handled.at} />
          </span>
        ) : answers.canHandle ? (
          <Form method="post" preventScrollReset>
            <input type="hidden" name="intent" value="answer-handled" />
            <input type="hidden" name="answerId" value={r.id} />
            <Button type="submit" variant="secondary" busy={busyAnswerId === r.id}>
              Mark as followed up<span className="sr-only"> for {r.name}</span>
            </Button>
          </Form>
        ) : (
          "Not yet"
        ),
    },
  ];
  const filterLabel = answers.filter ? ANSWER_LABELS[answers.filter].toLowerCase() : null;
  return (
    <Card title="Answers">
      <div id="answers" className="scroll-mt-4" />
      <p className="mb-4 text-sm text-muted">
        What people said with the button in the email. Each person&apos;s latest answer counts; every answer
        is on their profile&apos;s timeline.
      </p>
      <div className="mb-4 grid grid-cols-2 gap-3 md:grid-cols-4">
        <Stat
          label="Interested"
          value={answers.counts.interested}
          to={filterHref("interested")}
          tone={answers.counts.interested ? "attention" : "neutral"}
        />
        <Stat label="Not now" value={answers.counts.not_now} to={filterHref("not_now")} />
        <Stat label="Opted out" value={answers.counts.stop} to={filterHref("stop")} />
        <Stat label="No answer yet" value={answers.notAnswered} />
      </div>
      <p className="mb-2 text-sm" aria-live="polite">
        {filterLabel ? (
          <>
            Showing people whose answer is “{filterLabel}” (
            {ANSWER_DESCRIPTIONS[answers.filter!].toLowerCase()}){" "}
            <Link to={filterHref(null)} className="text-brand underline">
              Show every answer
            </Link>
          </>
        ) : (
          "Showing every answer, newest first."
        )}
      </p>
      <Table
        caption="Who answered what"
        columns={columns}
        rows={answers.rows}
        rowKey={(r) => r.id}
        stackBelow="lg"
        empty={
          <p className="py-4 text-sm text-muted">
            {answers.filter
              ? "Nobody has given this answer."
              : "Nobody has answered yet. Answers appear here as soon as people use the button in the email."}
          </p>
        }
      />
      <Pager page={answers.page} pageCount={answers.pageCount} label="Pages of answers" />
    </Card>
  );
}
