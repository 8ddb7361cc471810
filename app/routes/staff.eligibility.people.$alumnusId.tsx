import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { VerdictPanel } from "~/components/eligibility/verdict-panel";
import { Notice, Button, Card, Facts, PageHeader, SelectField, TextArea } from "~/components/ui";
import { getEligibilityForAlumnus } from "~/modules/eligibility/get-eligibility.server";
import { clearOverride, overrideVerdict } from "~/modules/eligibility/override-verdict.server";
import { requestReviewInput } from "~/modules/eligibility/review-input.server";
import { getEligibilityPerson, listManagers } from "~/modules/eligibility/review-queue.server";
import { ClearOverrideSchema, DecideVerdictSchema, RequestInputSchema } from "~/modules/eligibility/schemas";
import { requirePermission } from "~/platform/auth.server";
import { AppError, notFound } from "~/platform/errors";
import { defineAction, defineLoader, parseForm } from "~/platform/http.server";
import { can } from "~/platform/permissions";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.person.name ?? "Person"} · Eligibility · Comeback` },
];

export const loader = defineLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const user = await requirePermission(request, "read:eligibility");
  const alumnusId = String(params.alumnusId ?? "").slice(0, 64);
  const person = await getEligibilityPerson(alumnusId);
  if (!person) throw notFound("That person");
  const canDecide = can(user, "override:eligibility");
  const [eligibility, managers] = await Promise.all([
    getEligibilityForAlumnus(person.id),
    canDecide ? listManagers() : Promise.resolve([]),
  ]);
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
  };
});

export const action = defineAction(async ({ request, params }: ActionFunctionArgs) => {
  const actor = await requirePermission(request, "override:eligibility");
  const alumnusId = String(params.alumnusId ?? "").slice(0, 64);
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  if (intent === "decide" || intent === "override") {
    const input = await parseForm(request, DecideVerdictSchema, form);
    const result = await overrideVerdict({
      actor,
      alumnusId,
      outcome: input.outcome,
      justification: input.justification,
      kind: intent === "decide" ? "review" : "override",
    });
    return {
      ok: true as const,
      intent,
      message: `Recorded: ${result.outcome === "eligible" ? "eligible" : "not eligible"}, until ${result.expiresAt.toISOString().slice(0, 10)}.`,
    };
  }
  if (intent === "clear-override") {
    const input = await parseForm(request, ClearOverrideSchema, form);
    await clearOverride({ actor, alumnusId, justification: input.justification });
    return {
      ok: true as const,
      intent,
      message: "The HR decision was removed; the computed verdict counts again.",
    };
  }
  if (intent === "request-input") {
    const input = await parseForm(request, RequestInputSchema, form);
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
  throw new AppError(
    "bad_request",
    "That action is not available on this page. Reload the page and try again.",
  );
});

export default function EligibilityPerson() {
  const { person, eligibility, managers, canDecide } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const resultFor = (intent: string) =>
    actionData && "intent" in actionData && actionData.intent === intent ? actionData : undefined;
  const busy = (intent: string) =>
    navigation.state === "submitting" && navigation.formData?.get("intent") === intent;
  const waiting = eligibility?.effective.outcome === "needs_review";
  const decideIntent = waiting ? "decide" : "override";
  // After a review is decided the person is no longer waiting and the form becomes "Override the
  // verdict": the result of either intent belongs to it.
  const decided = resultFor("decide") ?? resultFor("override");
  const cleared = resultFor("clear-override");
  const asked = resultFor("request-input");
  const failedValues = (r: typeof decided) => (r && !r.ok ? r.values : undefined);
  const errorsOf = (r: typeof decided) => (r && !r.ok ? r.error.fieldErrors : undefined);

  return (
    <>
      <p className="mb-2 text-sm">
        <Link to="/staff/eligibility/reviews" className="text-brand underline">
          ← Review queue
        </Link>
      </p>
      <PageHeader
        title={person.name}
        description={
          [person.jobTitle, person.department, person.location].filter(Boolean).join(" · ") || undefined
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <VerdictPanel eligibility={eligibility} />
        </div>
        <div className="space-y-6">
          <Card title="Record">
            <Facts
              items={[
                { label: "HR id", value: person.hrId },
                { label: "Left on", value: person.exitDate },
                { label: "Workforce decision", value: person.decision },
              ]}
            />
          </Card>
          {canDecide && eligibility ? (
            <>
              <Card title={waiting ? "Decide this review" : "Override the verdict"}>
                <Form
                  method="post"
                  className="space-y-3"
                  aria-label={waiting ? "Decide this review" : "Override the verdict"}
                >
                  {decided?.ok ? (
                    <Notice tone="success">{decided.message}</Notice>
                  ) : decided ? (
                    <Notice tone="error">{decided.error.message}</Notice>
                  ) : null}
                  <SelectField
                    name="outcome"
                    label="Decision"
                    defaultValue={failedValues(decided)?.outcome ?? ""}
                    options={[
                      { value: "", label: "Choose…" },
                      { value: "eligible", label: "Eligible" },
                      { value: "not_eligible", label: "Not eligible" },
                    ]}
                    errors={errorsOf(decided)?.outcome}
                  />
                  <TextArea
                    name="justification"
                    label="Justification"
                    rows={4}
                    hint="Required. Kept beside the computed verdict and in the audit trail; the decision lapses when the verdict is due for review."
                    defaultValue={failedValues(decided)?.justification}
                    errors={errorsOf(decided)?.justification}
                  />
                  <Button type="submit" name="intent" value={decideIntent} busy={busy(decideIntent)}>
                    {waiting ? "Record decision" : "Override verdict"}
                  </Button>
                </Form>
              </Card>
              {eligibility.override?.active ? (
                <Card title="Remove the HR decision">
                  <Form method="post" className="space-y-3" aria-label="Remove the HR decision">
                    {cleared?.ok ? (
                      <Notice tone="success">{cleared.message}</Notice>
                    ) : cleared ? (
                      <Notice tone="error">{cleared.error.message}</Notice>
                    ) : null}
                    <TextArea
                      name="justification"
                      label="Why remove it"
                      rows={2}
                      errors={errorsOf(cleared)?.justification}
                      defaultValue={failedValues(cleared)?.justification}
                    />
                    <Button
                      type="submit"
                      name="intent"
                      value="clear-override"
                      variant="secondary"
                      busy={busy("clear-override")}
                    >
                      Remove decision
                    </Button>
                  </Form>
                </Card>
              ) : null}
              <Card title="Ask a manager">
                {managers.length === 0 ? (
                  <p className="text-sm text-muted">There are no active managers to ask yet.</p>
                ) : (
                  <Form method="post" className="space-y-3" aria-label="Ask a manager">
                    {asked?.ok ? (
                      <Notice tone="success">{asked.message}</Notice>
                    ) : asked ? (
                      <Notice tone="error">{asked.error.message}</Notice>
                    ) : null}
                    <SelectField
                      name="managerId"
                      label="Manager"
                      defaultValue={failedValues(asked)?.managerId ?? ""}
                      options={[{ value: "", label: "Choose a manager" }, ...managers]}
                      errors={errorsOf(asked)?.managerId}
                    />
                    <TextArea
                      name="question"
                      label="Question"
                      rows={3}
                      hint="The manager sees the person's name, role and department and your question, nothing else."
                      defaultValue={failedValues(asked)?.question}
                      errors={errorsOf(asked)?.question}
                    />
                    <Button
                      type="submit"
                      name="intent"
                      value="request-input"
                      variant="secondary"
                      busy={busy("request-input")}
                    >
                      Ask for input
                    </Button>
                  </Form>
                )}
              </Card>
            </>
          ) : null}
        </div>
      </div>
    </>
  );
}
