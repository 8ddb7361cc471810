import { Form, Link } from "@remix-run/react";
import { useValidatedForm } from "~/components/form";
import { Time } from "~/components/time";
import { Badge, Button, Card, Pager, Stat, Table, type Column } from "~/components/ui";
import { MarkAnswerHandledSchema } from "~/modules/invitation-answers/schemas";
import type {
  CampaignAnswerRow,
  CampaignAnswers,
} from "~/modules/invitation-answers/get-campaign-answers.server";
import { APPLICATION_STATUS_LABELS } from "~/modules/applications/labels";
import { ANSWER_DESCRIPTIONS, ANSWER_LABELS, type AnswerChoice } from "~/modules/invitation-answers/labels";

const TONE: Record<AnswerChoice, "good" | "neutral" | "bad"> = {
  interested: "good",
  not_now: "neutral",
  stop: "bad",
};

/**
 * One button on one answer's row ("mark as followed up", "enter the application"): a form of
 * its own posting the answer's id, checked with MarkAnswerHandledSchema here and in the action.
 * Its outcome is shown above the table (the page's notice), not in each row that shares the intent.
 */
function AnswerButton({
  intent,
  answerId,
  busy,
  children,
}: {
  intent: "answer-handled" | "answer-apply";
  answerId: string;
  busy: boolean;
  children: React.ReactNode;
}) {
  const form = useValidatedForm(MarkAnswerHandledSchema, { intent, defaultValues: { answerId } });
  return (
    <Form method="post" preventScrollReset noValidate onSubmit={form.onSubmit}>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="answerId" value={answerId} />
      <Button type="submit" variant="secondary" busy={busy}>
        {children}
      </Button>
    </Form>
  );
}

/**
 * Who answered what (ADR 038): the person (a link to their profile), the answer, availability,
 * message, when, and HR's follow-up with a button to mark it. `showCampaign` adds the campaign
 * (the list across campaigns).
 */
export function AnswersTable({
  rows,
  canHandle,
  program = null,
  canApply = false,
  busyAnswerId,
  showCampaign = false,
  caption,
  empty,
}: {
  rows: CampaignAnswerRow[];
  canHandle: boolean;
  /** The campaign's program: adds each person's application, or the button to enter one. */
  program?: { id: string; title: string } | null;
  /** HR may enter an application for a yes (the program is open). */
  canApply?: boolean;
  /** The answer whose "followed up" or "enter the application" form is being sent. */
  busyAnswerId?: string | null;
  showCampaign?: boolean;
  caption: string;
  empty: React.ReactNode;
}) {
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
    ...(showCampaign
      ? [
          {
            key: "campaign",
            label: "Campaign",
            cell: (r: CampaignAnswerRow) => (
              <Link to={`/staff/campaigns/${r.campaign.id}#answers`} className="text-brand underline">
                {r.campaign.name}
              </Link>
            ),
          },
        ]
      : []),
    {
      key: "answer",
      label: "Answer",
      cell: (r) => <Badge tone={TONE[r.answer]}>{r.answerLabel}</Badge>,
    },
    { key: "availability", label: "Availability", cell: (r) => r.availability ?? "—" },
    {
      key: "message",
      label: "Message",
      cell: (r) =>
        r.message ? <span className="whitespace-pre-line [overflow-wrap:anywhere]">{r.message}</span> : "—",
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
    ...(program
      ? [
          {
            key: "application",
            label: "Application",
            cell: (r: CampaignAnswerRow) =>
              r.application ? (
                <Link to={`/staff/applications/${r.application.id}`} className="text-brand underline">
                  {APPLICATION_STATUS_LABELS[r.application.status]}
                  <span className="sr-only">: {r.name}&apos;s application</span>
                </Link>
              ) : r.answer === "interested" && canApply ? (
                <AnswerButton intent="answer-apply" answerId={r.id} busy={busyAnswerId === r.id}>
                  Enter the application<span className="sr-only"> for {r.name}</span>
                </AnswerButton>
              ) : (
                "None"
              ),
          } satisfies Column<CampaignAnswerRow>,
        ]
      : []),
    {
      key: "followUp",
      label: "Follow-up",
      cell: (r) =>
        r.handled ? (
          <span className="text-sm">
            Followed up{r.handled.by ? ` by ${r.handled.by}` : ""}, <Time iso={r.handled.at} />
          </span>
        ) : !r.needsFollowUp ? (
          <span className="text-sm text-muted">Nothing to follow up</span>
        ) : canHandle ? (
          <AnswerButton intent="answer-handled" answerId={r.id} busy={busyAnswerId === r.id}>
            Mark as followed up<span className="sr-only"> for {r.name}</span>
          </AnswerButton>
        ) : (
          "Not yet"
        ),
    },
  ];
  return (
    <Table
      caption={caption}
      columns={columns}
      rows={rows}
      rowKey={(r) => r.id}
      stackBelow="lg"
      empty={empty}
    />
  );
}

/**
 * What people answered with the button in the campaign's email: a count per answer (each a
 * filter), how many have not answered, and who said what, newest first. HR marks an answer
 * followed up once they have been in touch; a new answer from the person reopens it.
 */
export function CampaignAnswersCard({
  answers,
  busyAnswerId,
}: {
  answers: CampaignAnswers;
  busyAnswerId?: string | null;
}) {
  const filterHref = (answer: AnswerChoice | null) => `?${answer ? `answer=${answer}` : ""}#answers`;
  const filter = answers.filter;
  return (
    <Card title="Answers">
      <div id="answers" className="scroll-mt-4" />
      <p className="mb-4 text-sm text-muted">
        What people said with the button in the email. Each person&apos;s latest answer counts; every answer
        is on their profile&apos;s timeline.{" "}
        {answers.toFollowUp ? (
          <Link to="/staff/campaigns/answers" className="text-brand underline">
            {answers.toFollowUp.toLocaleString("en")} to follow up
          </Link>
        ) : null}
        {answers.program ? (
          <>
            {" "}
            People who said yes can apply to{" "}
            <Link to={`/staff/programs/${answers.program.id}`} className="text-brand underline">
              {answers.program.title}
            </Link>{" "}
            from the portal, or you enter the application for them here (it counts as followed up).
          </>
        ) : null}
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
      <p className="mb-2 text-sm">
        {filter ? (
          <>
            Showing people whose answer is “{ANSWER_LABELS[filter].toLowerCase()}”:{" "}
            {ANSWER_DESCRIPTIONS[filter].toLowerCase()}{" "}
            <Link to={filterHref(null)} className="text-brand underline">
              Show every answer
            </Link>
          </>
        ) : (
          "Every answer, newest first."
        )}
      </p>
      <AnswersTable
        caption="Who answered what"
        rows={answers.rows}
        canHandle={answers.canHandle}
        program={answers.program}
        canApply={answers.canApply}
        busyAnswerId={busyAnswerId}
        empty={
          <p className="py-4 text-sm text-muted">
            {filter
              ? "Nobody has given this answer."
              : "Nobody has answered yet. Answers appear here as soon as people use the button in the email."}
          </p>
        }
      />
      <Pager page={answers.page} pageCount={answers.pageCount} label="Pages of answers" />
    </Card>
  );
}
