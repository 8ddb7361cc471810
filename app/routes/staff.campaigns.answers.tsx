import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useNavigation } from "@remix-run/react";
import { AnswersTable } from "~/components/campaigns/campaign-answers";
import { ActionNotice } from "~/components/form";
import { Card, EmptyState, PageHeader, Pager } from "~/components/ui";
import { listAnswersToFollowUp } from "~/modules/invitation-answers/get-campaign-answers.server";
import { markAnswerHandled } from "~/modules/invitation-answers/mark-answer-handled.server";
import { CampaignAnswersQuerySchema, MarkAnswerHandledSchema } from "~/modules/invitation-answers/schemas";
import { requirePermission } from "~/platform/auth.server";
import { AppError } from "~/platform/errors";
import {
  defineAction,
  defineLoader,
  parseForm,
  parseSearchParams,
  submittedForm,
} from "~/platform/http.server";

export const meta: MetaFunction = () => [{ title: "Answers to follow up · Comeback" }];

/** The home page's to-do for invitation answers (ADR 038): every campaign's answers that wait for HR. */
export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requirePermission(request, "manage:campaign");
  const { page } = parseSearchParams(request, CampaignAnswersQuerySchema);
  return listAnswersToFollowUp({ actor, page });
});

export const action = defineAction(async ({ request }: ActionFunctionArgs) => {
  const actor = await requirePermission(request, "manage:campaign");
  const form = await submittedForm(request);
  if (form.get("intent") !== "answer-handled")
    throw new AppError("bad_request", "That action is not known on this page.");
  const { answerId } = await parseForm(request, MarkAnswerHandledSchema, form);
  const { changed } = await markAnswerHandled({ actor, answerId });
  return {
    ok: true as const,
    intent: "answer-handled",
    message: changed ? "Marked as followed up." : "Someone had already marked it followed up.",
  };
});

export default function AnswersToFollowUp() {
  const data = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const busy =
    navigation.state === "submitting" && navigation.formData?.get("intent") === "answer-handled"
      ? String(navigation.formData.get("answerId"))
      : null;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link to="/staff/campaigns" className="text-brand underline">
          All campaigns
        </Link>
      </p>
      <PageHeader
        title="Answers to follow up"
        description="People who said yes to an invitation, or wrote to you when they answered, and nobody has been in touch yet. Oldest first. Mark each one once you have written or called."
      />
      <div className="mb-4">
        <ActionNotice intent="answer-handled" />
      </div>
      {data.total === 0 ? (
        <EmptyState title="Nothing to follow up">
          When someone says yes to an invitation, or writes a message with their answer, they appear here.
        </EmptyState>
      ) : (
        <Card>
          <p className="mb-3 text-sm text-muted">
            {data.total.toLocaleString("en")} {data.total === 1 ? "answer waits" : "answers wait"} for you.
          </p>
          <AnswersTable
            caption="Answers to follow up, oldest first"
            rows={data.rows}
            canHandle={data.canHandle}
            busyAnswerId={busy}
            showCampaign
            empty={null}
          />
          <Pager page={data.page} pageCount={data.pageCount} label="Pages of answers to follow up" />
        </Card>
      )}
    </>
  );
}
