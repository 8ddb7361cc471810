import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useNavigation } from "@remix-run/react";
import { BULK_INTENT, BulkDecisionForm } from "~/components/eligibility/bulk-decision-form";
import { activeFilters, ReviewFilters } from "~/components/eligibility/review-filters";
import { ReviewQueueTable } from "~/components/eligibility/review-queue-table";
import { ActionNotice } from "~/components/form";
import { Time } from "~/components/time";
import { Badge, Card, EmptyState, Notice, PageHeader, Pager } from "~/components/ui";
import { decideReviews } from "~/modules/eligibility/decide-reviews.server";
import {
  parseReviewFilter,
  parseReviewPaging,
  reviewFilterToSearchParams,
} from "~/modules/eligibility/review-filter";
import {
  getReviewFilterOptions,
  listAskedReviews,
  listReviewQueue,
} from "~/modules/eligibility/review-queue.server";
import { BulkDecisionSchema } from "~/modules/eligibility/schemas";
import { OUTCOME_LABELS, type Outcome } from "~/modules/eligibility/policy";
import { requirePermission } from "~/platform/auth.server";
import { defineAction, defineLoader, parseForm, parseIntent, queryOf } from "~/platform/http.server";

export const meta: MetaFunction = () => [{ title: "Review queue · Eligibility · Comeback" }];

export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  await requirePermission(request, "override:eligibility");
  const query = queryOf(request);
  const filter = parseReviewFilter(query);
  const { page, size } = parseReviewPaging(query);
  const [queue, options, asked] = await Promise.all([
    listReviewQueue({ filter, page, size }),
    getReviewFilterOptions(),
    listAskedReviews(),
  ]);
  const recorded = query.get("recorded");
  return {
    queue,
    asked,
    options,
    filter,
    size,
    personQuery: reviewFilterToSearchParams(filter).toString(),
    recorded: recorded === "eligible" || recorded === "not_eligible" ? (recorded as Outcome) : null,
  };
});

export const action = defineAction(async ({ request }: ActionFunctionArgs) => {
  const actor = await requirePermission(request, "override:eligibility");
  const intent = await parseIntent(request, [BULK_INTENT]);
  const input = await parseForm(request, BulkDecisionSchema);
  const result = await decideReviews({
    actor,
    alumnusIds: input.alumnusId,
    outcome: input.outcome,
    justification: input.justification,
  });
  return {
    ok: true as const,
    intent,
    message: `Recorded ${OUTCOME_LABELS[result.outcome].toLowerCase()} for ${result.decided} ${result.decided === 1 ? "person" : "people"}, until ${result.expiresAt.toISOString().slice(0, 10)}.`,
  };
});

const FORM_ID = "bulk-decision";
const number = new Intl.NumberFormat("en");

export default function ReviewQueue() {
  const { queue, asked, options, filter, size, personQuery, recorded } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const filtered = activeFilters(filter) > 0;
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === BULK_INTENT;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link to="/staff/eligibility" className="text-brand underline">
          ← Eligibility
        </Link>
      </p>
      <PageHeader
        title="Review queue"
        description="People the policy sends to a person for a decision, oldest first. Narrow the queue to people alike, tick them and decide them together with one justification, or open one person and decide them one by one."
      />
      {recorded ? (
        <Notice tone="success" className="mb-4">
          Recorded: {OUTCOME_LABELS[recorded].toLowerCase()}. Nobody else is waiting in this view.
        </Notice>
      ) : null}
      <div className="mb-4">
        <ActionNotice intent={BULK_INTENT} />
      </div>
      {asked.total > 0 ? (
        <Card title={`Asked by the person (${asked.total})`} className="mb-6">
          <p className="mb-3 text-sm text-muted">
            People who asked, from the alumni portal, for their verdict to be looked at again. Open the person
            to decide and to write the answer they will read; the request stays here until it is answered.
          </p>
          <ul id="asked" className="divide-y divide-line">
            {asked.items.map((item) => (
              <li key={item.requestId} className="py-3">
                <p className="flex flex-wrap items-center gap-2">
                  <Link
                    className="font-medium text-brand underline"
                    to={`/staff/eligibility/people/${item.alumnusId}#asked`}
                  >
                    {item.name}
                  </Link>
                  <Badge tone="warn">Asked by the person</Badge>
                  {item.outcomeNow ? (
                    <span className="text-sm text-muted">Now: {OUTCOME_LABELS[item.outcomeNow]}</span>
                  ) : null}
                </p>
                <p className="text-xs text-muted">
                  Asked <Time iso={item.askedAt} />
                  {item.jobTitle ? ` · ${item.jobTitle}` : ""}
                </p>
                <blockquote className="mt-2 whitespace-pre-wrap border-l-2 border-line pl-3 text-sm">
                  {item.message}
                </blockquote>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      <ReviewFilters filter={filter} size={size} options={options} resultsId="queue-results" />
      <section id="queue-results" tabIndex={-1} aria-labelledby="queue-count" className="focus:outline-none">
        <p id="queue-count" className="mb-3 text-sm font-medium">
          {number.format(queue.total)} {queue.total === 1 ? "person" : "people"} waiting
          {filtered ? " in this view" : ""}.
          {filtered ? (
            <>
              {" "}
              <Link className="font-normal text-brand underline" to="/staff/eligibility/reviews">
                See everyone waiting
              </Link>
            </>
          ) : null}
        </p>
        {queue.total === 0 ? (
          <EmptyState
            title={filtered ? "Nobody waiting matches these filters" : "Nobody is waiting for review"}
          >
            {filtered
              ? "Clear a filter or two to see more people."
              : "People whose verdict needs a human look appear here, with the rules that sent them."}
          </EmptyState>
        ) : (
          <div className="space-y-6">
            <Card title="Decide the ticked people">
              <BulkDecisionForm formId={FORM_ID} onPage={queue.items.map((i) => i.alumnusId)} busy={busy} />
            </Card>
            <Card className="min-w-0">
              <ReviewQueueTable items={queue.items} formId={FORM_ID} personQuery={personQuery} canDecide />
              <Pager page={queue.page} pageCount={queue.pageCount} label="Pages of the review queue" />
            </Card>
          </div>
        )}
      </section>
    </>
  );
}
