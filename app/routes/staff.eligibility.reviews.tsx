import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { z } from "zod";
import { Pager } from "~/components/eligibility/pager";
import { Time } from "~/components/time";
import { Card, EmptyState, PageHeader } from "~/components/ui";
import { listReviewQueue } from "~/modules/eligibility/review-queue.server";
import { OUTCOME_LABELS } from "~/modules/eligibility/policy";
import { requirePermission } from "~/platform/auth.server";
import { defineLoader, parseSearchParams } from "~/platform/http.server";

export const meta: MetaFunction = () => [{ title: "Review queue · Eligibility · Comeback" }];

const QuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  input: z.enum(["answered"]).optional().catch(undefined),
});

export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  await requirePermission(request, "override:eligibility");
  const { page, input } = parseSearchParams(request, QuerySchema);
  return { ...(await listReviewQueue({ page, inputAnswered: input === "answered" })), input };
});

export default function ReviewQueue() {
  const queue = useLoaderData<typeof loader>();
  const location = useLocation();
  return (
    <>
      <p className="mb-2 text-sm">
        <Link to="/staff/eligibility" className="text-brand underline">
          ← Eligibility
        </Link>
      </p>
      <PageHeader
        title="Review queue"
        description="People the policy sends to a person for a decision, oldest first. Decide eligible or not eligible with a justification; ask a manager for input when it helps."
      />
      <Card>
        {queue.total === 0 ? (
          queue.input === "answered" ? (
            <EmptyState title="No manager answers waiting">
              People whose manager has answered your question appear here until you decide.{" "}
              <Link className="text-brand underline" to="/staff/eligibility/reviews">
                See everyone waiting
              </Link>
              .
            </EmptyState>
          ) : (
            <EmptyState title="Nobody is waiting for review">
              People whose verdict needs a human look appear here, with the rules that sent them.
            </EmptyState>
          )
        ) : (
          <>
            <p className="mb-3 text-sm text-muted">
              {queue.input === "answered" ? (
                <>
                  {queue.total} waiting with a manager&apos;s answer.{" "}
                  <Link className="text-brand underline" to="/staff/eligibility/reviews">
                    See everyone waiting
                  </Link>
                </>
              ) : (
                `${queue.total} waiting.`
              )}
            </p>
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">People waiting for a review decision</caption>
                <thead className="text-muted">
                  <tr>
                    <th scope="col" className="py-2 pr-3 font-medium">
                      Person
                    </th>
                    <th scope="col" className="py-2 pr-3 font-medium">
                      Why it needs a look
                    </th>
                    <th scope="col" className="py-2 pr-3 font-medium">
                      Manager input
                    </th>
                    <th scope="col" className="py-2 font-medium">
                      Waiting since
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {queue.items.map((item) => (
                    <tr key={item.alumnusId} className="border-t border-line align-top">
                      <th scope="row" className="py-2 pr-3 font-medium">
                        <Link
                          className="text-brand underline"
                          to={`/staff/eligibility/people/${item.alumnusId}`}
                        >
                          {item.name}
                        </Link>
                        <span className="block font-normal text-muted">
                          {[item.jobTitle, item.department, item.location].filter(Boolean).join(" · ")}
                        </span>
                      </th>
                      <td className="py-2 pr-3">
                        <ul className="space-y-1">
                          {item.why.map((s) => (
                            <li key={s}>{s}</li>
                          ))}
                        </ul>
                        {item.lapsedOverride ? (
                          <p className="mt-1 text-warn">
                            An earlier decision ({OUTCOME_LABELS[item.lapsedOverride.outcome]}) lapsed on{" "}
                            <Time iso={item.lapsedOverride.expiredAt} />.
                          </p>
                        ) : null}
                      </td>
                      <td className="py-2 pr-3">
                        {item.inputs.asked
                          ? `${item.inputs.answered} of ${item.inputs.asked} answered`
                          : "None asked"}
                      </td>
                      <td className="py-2 whitespace-nowrap">
                        <Time iso={item.waitingSince} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pager
              page={queue.page}
              pageCount={queue.pageCount}
              search={location.search}
              label="Pages of the review queue"
            />
          </>
        )}
      </Card>
    </>
  );
}
