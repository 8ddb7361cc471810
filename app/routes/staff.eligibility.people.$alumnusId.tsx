import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import {
  AskManagerForm,
  ClearOverrideForm,
  DecideVerdictForm,
} from "~/components/eligibility/decision-forms";
import { AskedByThePerson } from "~/components/eligibility/asked-by-the-person";
import { VerdictPanel } from "~/components/eligibility/verdict-panel";
import { Card, Facts, Notice, PageHeader } from "~/components/ui";
import { getEligibilityForAlumnus } from "~/modules/eligibility/get-eligibility.server";
import { clearOverride } from "~/modules/eligibility/clear-override.server";
import { overrideVerdict } from "~/modules/eligibility/override-verdict.server";
import { OUTCOME_LABELS, type Outcome } from "~/modules/eligibility/policy";
import { answerReviewRequest } from "~/modules/eligibility/answer-review-request.server";
import { requestReviewInput } from "~/modules/eligibility/review-input.server";
import { parseReviewFilter, reviewFilterToSearchParams } from "~/modules/eligibility/review-filter";
import {
  findNextInQueue,
  getEligibilityPerson,
  listManagers,
  listPersonReviewRequests,
} from "~/modules/eligibility/review-queue.server";
import { AnswerReviewRequestSchema } from "~/modules/eligibility/review-request-schemas";
import { ClearOverrideSchema, DecideAndNextSchema, RequestInputSchema } from "~/modules/eligibility/schemas";
import { requirePermission } from "~/platform/auth.server";
import { notFound } from "~/platform/errors";
import {
  defineAction,
  defineLoader,
  parseForm,
  parseIntent,
  parseParams,
  queryOf,
} from "~/platform/http.server";
import { recordId } from "~/platform/input";
import { can } from "~/platform/permissions";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.person.name ?? "Person"} · Eligibility · Comeback` },
];

export const loader = defineLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const user = await requirePermission(request, "read:eligibility");
  const { alumnusId } = parseParams(params, { alumnusId: recordId }, "That person");
  const person = await getEligibilityPerson(alumnusId);
  if (!person) throw notFound("That person");
  const canDecide = can(user, "override:eligibility");
  const [eligibility, managers, asked] = await Promise.all([
    getEligibilityForAlumnus(person.id),
    canDecide ? listManagers() : Promise.resolve([]),
    listPersonReviewRequests(person.id),
  ]);
  const query = queryOf(request);
  const recorded = query.get("recorded");
  return {
    person: {
      id: person.id,
      name: `${person.preferredName || person.firstName} ${person.lastName}`,
      hrId: person.hrId,
      jobTitle: person.jobTitle,
      department: person.department,
      location: person.location,
      exitDate: person.exitDate ? person.exitDate.toISOString().slice(0, 10) : null,
      decision: person.decision?.title ?? null,
    },
    eligibility,
    managers: managers.map((m) => ({ value: m.id, label: m.team ? `${m.name} (${m.team.name})` : m.name })),
    canDecide,
    asked,
    queueQuery: reviewFilterToSearchParams(parseReviewFilter(query)).toString(),
    recorded: recorded === "eligible" || recorded === "not_eligible" ? (recorded as Outcome) : null,
  };
});

export const action = defineAction(async ({ request, params }: ActionFunctionArgs) => {
  const actor = await requirePermission(request, "override:eligibility");
  const { alumnusId } = parseParams(params, { alumnusId: recordId }, "That person");
  const intent = await parseIntent(request, [
    "decide",
    "override",
    "clear-override",
    "request-input",
    "answer-request",
  ]);
  if (intent === "decide" || intent === "override") {
    const input = await parseForm(request, DecideAndNextSchema);
    const result = await overrideVerdict({
      actor,
      alumnusId,
      outcome: input.outcome,
      justification: input.justification,
      kind: intent === "decide" ? "review" : "override",
    });
    if (intent === "decide" && input.then === "next") {
      // "Decide and next": the oldest person still waiting in the same view of the queue.
      const filter = parseReviewFilter(queryOf(request));
      const next = await findNextInQueue({ filter, after: alumnusId });
      const query = reviewFilterToSearchParams(filter);
      query.set("recorded", result.outcome);
      throw redirect(
        next ? `/staff/eligibility/people/${next}?${query}` : `/staff/eligibility/reviews?${query}`,
      );
    }
    return {
      ok: true as const,
      intent,
      message: `Recorded: ${OUTCOME_LABELS[result.outcome].toLowerCase()}, until ${result.expiresAt.toISOString().slice(0, 10)}.`,
    };
  }
  if (intent === "clear-override") {
    const input = await parseForm(request, ClearOverrideSchema);
    await clearOverride({ actor, alumnusId, justification: input.justification });
    return {
      ok: true as const,
      intent,
      message: "The HR decision was removed; the computed verdict counts again.",
    };
  }
  if (intent === "request-input") {
    const input = await parseForm(request, RequestInputSchema);
    const result = await requestReviewInput({
      actor,
      alumnusId,
      managerId: input.managerId,
      question: input.question,
    });
    return {
      ok: true as const,
      intent,
      message: `Asked ${result.managerName}. Their answer will appear here.`,
    };
  }
  if (intent === "answer-request") {
    const input = await parseForm(request, AnswerReviewRequestSchema);
    await answerReviewRequest({ actor, alumnusId, requestId: input.requestId, answer: input.answer });
    return {
      ok: true as const,
      intent,
      message: "Answer sent: the person reads it on their eligibility page in the alumni portal.",
    };
  }
});

export default function EligibilityPerson() {
  const { person, eligibility, managers, canDecide, asked, queueQuery, recorded } =
    useLoaderData<typeof loader>();
  const waiting = eligibility?.effective.outcome === "needs_review";
  return (
    <>
      <p className="mb-2 text-sm">
        <Link
          to={`/staff/eligibility/reviews${queueQuery ? `?${queueQuery}` : ""}`}
          className="text-brand underline"
        >
          ← Review queue
        </Link>
      </p>
      {recorded ? (
        <Notice tone="success" className="mb-4">
          Recorded: {OUTCOME_LABELS[recorded].toLowerCase()}. This is the next person waiting in your view of
          the queue.
        </Notice>
      ) : null}
      <PageHeader
        title={person.name}
        description={
          [person.jobTitle, person.department, person.location].filter(Boolean).join(" · ") || undefined
        }
        actions={
          <Link to={`/staff/alumni/${person.id}`} className="text-sm text-brand underline">
            Open the full profile
          </Link>
        }
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          {asked.length ? <AskedByThePerson requests={asked} canAnswer={canDecide} /> : null}
          <VerdictPanel eligibility={eligibility} />
        </div>
        <div className="space-y-6">
          {canDecide && eligibility ? (
            <Card title={waiting ? "Decide this review" : "Override the verdict"}>
              <DecideVerdictForm waiting={waiting} offerNext />
            </Card>
          ) : null}
          <Card title="Record">
            <Facts
              items={[
                { label: "HR id", value: person.hrId },
                { label: "Left on", value: person.exitDate },
                { label: "Workforce decision", value: person.decision },
              ]}
            />
          </Card>
          {canDecide && eligibility?.override?.active ? (
            <Card title="Remove the HR decision">
              <ClearOverrideForm />
            </Card>
          ) : null}
          {canDecide && eligibility ? (
            <Card title="Ask a manager">
              <AskManagerForm managers={managers} />
            </Card>
          ) : null}
        </div>
      </div>
    </>
  );
}
