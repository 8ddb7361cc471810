import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { OutcomeBadge } from "~/components/eligibility/outcome-badge";
import { WhatIfProgress } from "~/components/eligibility/what-if-progress";
import { Time } from "~/components/time";
import {
  Notice,
  Button,
  Card,
  EmptyState,
  PageHeader,
  SelectField,
  TextArea,
  TextField,
} from "~/components/ui";
import { getDraftPolicy, getPublishedPolicy } from "~/modules/eligibility/policies.server";
import {
  CONSENT_MODE_LABELS,
  CONSENT_MODES,
  DEFAULT_RULES,
  describeRuleChanges,
  EXIT_REASON_LABELS,
  EXIT_REASONS,
  FLAG_OUTCOMES,
  formFromRules,
  HR_FLAG_MODE_LABELS,
  HR_FLAG_MODES,
  OUTCOME_LABELS,
  OUTCOMES,
  PolicyFormSchema,
  rulesFromForm,
} from "~/modules/eligibility/policy";
import { publishPolicy } from "~/modules/eligibility/publish-policy.server";
import { discardDraftPolicy, saveDraftPolicy } from "~/modules/eligibility/save-draft-policy.server";
import { getWhatIfState } from "~/modules/eligibility/what-if.server";
import { requirePermission } from "~/platform/auth.server";
import { db } from "~/platform/db.server";
import { defineAction, defineLoader, parseForm, parseIntent } from "~/platform/http.server";
import { can } from "~/platform/permissions";

export const meta: MetaFunction = () => [{ title: "Draft policy · Eligibility · Comeback" }];

const n = (value: number) => value.toLocaleString("en-GB");

const GROUP_LABELS = {
  decision: "Workforce decision",
  department: "Department",
  location: "Location",
} as const;

export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  const user = await requirePermission(request, "edit:eligibility-policy");
  const [draft, published] = await Promise.all([getDraftPolicy(db), getPublishedPolicy(db)]);
  const rules = draft?.rules ?? published?.rules ?? DEFAULT_RULES;
  const nextVersion = (published?.version ?? 0) + 1;
  // The what-if of this draft's revision only (ADR 087): worked out in the background, read here.
  const whatIf = await getWhatIfState(db, draft);
  return {
    values: formFromRules(rules),
    draft: draft
      ? { updatedAt: draft.updatedAt.toISOString(), summary: draft.summary, revision: draft.revision }
      : null,
    publishedVersion: published?.version ?? null,
    nextVersion,
    ruleChanges: draft ? describeRuleChanges(published?.rules ?? DEFAULT_RULES, draft.rules) : [],
    whatIf,
    canPublish: can(user, "publish:eligibility-policy"),
  };
});

export const action = defineAction(async ({ request }: ActionFunctionArgs) => {
  const editor = await requirePermission(request, "edit:eligibility-policy");
  const intent = await parseIntent(request, ["save", "discard", "publish"]);
  if (intent === "save") {
    const actor = editor;
    const input = await parseForm(request, PolicyFormSchema);
    const result = await saveDraftPolicy({ actor, rules: rulesFromForm(input), summary: input.summary });
    return {
      ok: true as const,
      intent,
      revision: result.revision,
      message: result.changed
        ? "Draft saved. The what-if beside it shows what it would change."
        : "Draft saved (the rules are the same as before).",
    };
  }
  if (intent === "discard") {
    await discardDraftPolicy({ actor: editor });
    return { ok: true as const, intent, message: "Draft discarded. The published policy is unchanged." };
  }
  const actor = await requirePermission(request, "publish:eligibility-policy");
  const { draftUpdatedAt } = await parseForm(request, PublishSchema);
  const result = await publishPolicy({ actor, draftUpdatedAt: draftUpdatedAt || null });
  return redirect(`/staff/eligibility?published=${result.version}`);
});

/** The draft the page showed (its last change), so a draft changed since is not published unseen. */
const PublishSchema = z.object({ draftUpdatedAt: z.string().max(40).optional() });

export default function DraftPolicy() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const failed = actionData && !actionData.ok ? actionData : undefined;
  const errors = failed?.intent === "save" ? failed.error.fieldErrors : undefined;
  const values =
    failed?.intent === "save" && failed.values ? { ...data.values, ...failed.values } : data.values;
  const busy = (intent: string) =>
    navigation.state === "submitting" && navigation.formData?.get("intent") === intent;
  const outcomeOptions = OUTCOMES.map((o) => ({ value: o, label: OUTCOME_LABELS[o] }));
  const whatIf = data.whatIf;
  const w = whatIf.state === "ready" ? whatIf.summary : null;
  // The form is keyed on the draft's save time, so fields show the saved values after a save.
  const formKey = `${data.draft?.updatedAt ?? "new"}-${failed ? "failed" : "ok"}`;

  return (
    <>
      <p className="mb-2 text-sm">
        <Link to="/staff/eligibility" className="text-brand underline">
          ← Eligibility
        </Link>
      </p>
      <PageHeader
        title={data.draft ? `Draft policy (will become version ${data.nextVersion})` : "Edit the policy"}
        description="Change the rules and save a draft. Nothing changes for anyone until the draft is published; the what-if shows who would be affected."
      />
      {actionData?.ok ? <Notice tone="success">{actionData.message}</Notice> : null}
      {failed && failed.intent !== "save" ? <Notice tone="error">{failed.error.message}</Notice> : null}

      <div className="mt-4 grid gap-6 lg:grid-cols-5">
        <Card title="Rules" className="lg:col-span-3">
          <Form method="post" key={formKey} className="space-y-6" aria-label="Policy rules">
            {failed?.intent === "save" ? <Notice tone="error">{failed.error.message}</Notice> : null}
            <fieldset className="space-y-3">
              <legend className="text-sm font-semibold">Exit reasons</legend>
              <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
                {EXIT_REASONS.map((r) => (
                  <SelectField
                    key={r}
                    name={`exit_${r}`}
                    label={EXIT_REASON_LABELS[r]}
                    defaultValue={values[`exit_${r}`]}
                    options={outcomeOptions}
                    errors={errors?.[`exit_${r}`]}
                  />
                ))}
                <SelectField
                  name="unknownExitReason"
                  label="No exit reason on record"
                  defaultValue={values.unknownExitReason}
                  options={outcomeOptions}
                  errors={errors?.unknownExitReason}
                />
              </div>
            </fieldset>
            <fieldset className="grid grid-cols-1 gap-3 sm:grid-cols-2">
              <legend className="mb-2 text-sm font-semibold">Dates</legend>
              <TextField
                name="coolingOffMonths"
                label="Cooling-off after leaving (months)"
                inputMode="numeric"
                defaultValue={values.coolingOffMonths}
                errors={errors?.coolingOffMonths}
                hint="0 for none."
              />
              <TextField
                name="minimumTenureMonths"
                label="Minimum tenure (months)"
                inputMode="numeric"
                defaultValue={values.minimumTenureMonths}
                errors={errors?.minimumTenureMonths}
                hint="All stints added up. 0 for none."
              />
              <TextField
                name="verdictExpiryMonths"
                label="Review verdicts again after (months)"
                inputMode="numeric"
                defaultValue={values.verdictExpiryMonths}
                errors={errors?.verdictExpiryMonths}
                hint="HR decisions lapse then too."
              />
              <TextField
                name="timeZone"
                label="Count dates in time zone"
                defaultValue={values.timeZone}
                errors={errors?.timeZone}
                hint="Decides what 'today' is, e.g. Europe/Stockholm."
              />
            </fieldset>
            <fieldset className="grid grid-cols-1 gap-3 sm:grid-cols-2">
              <legend className="mb-2 text-sm font-semibold">Flags and consent</legend>
              <SelectField
                name="hrFlag"
                label="HR system's rehire flag"
                defaultValue={values.hrFlag}
                options={HR_FLAG_MODES.map((m) => ({ value: m, label: HR_FLAG_MODE_LABELS[m] }))}
                errors={errors?.hrFlag}
              />
              <SelectField
                name="doNotRehire"
                label="Do-not-rehire flag means"
                defaultValue={values.doNotRehire}
                options={FLAG_OUTCOMES.map((o) => ({ value: o, label: OUTCOME_LABELS[o] }))}
                errors={errors?.doNotRehire}
              />
              <SelectField
                name="legalHold"
                label="Legal hold means"
                defaultValue={values.legalHold}
                options={FLAG_OUTCOMES.map((o) => ({ value: o, label: OUTCOME_LABELS[o] }))}
                errors={errors?.legalHold}
              />
              <SelectField
                name="consent"
                label="Contact consent"
                defaultValue={values.consent}
                options={CONSENT_MODES.map((m) => ({ value: m, label: CONSENT_MODE_LABELS[m] }))}
                errors={errors?.consent}
              />
            </fieldset>
            <TextArea
              name="summary"
              label="What changes and why (optional)"
              rows={2}
              defaultValue={failed?.intent === "save" ? failed.values?.summary : (data.draft?.summary ?? "")}
              errors={errors?.summary}
              hint="Kept with the version and in the audit trail."
            />
            <div className="flex flex-wrap gap-2">
              <Button type="submit" name="intent" value="save" busy={busy("save")}>
                Save draft and see the what-if
              </Button>
            </div>
          </Form>
          {data.draft ? (
            <Form method="post" className="mt-4 border-t border-line pt-4">
              <Button type="submit" name="intent" value="discard" variant="ghost" busy={busy("discard")}>
                Discard the draft
              </Button>
            </Form>
          ) : null}
        </Card>

        <div className="space-y-6 lg:col-span-2">
          <Card title="What-if">
            {whatIf.state === "none" ? (
              <EmptyState title="No draft yet">
                Save a draft to see how many verdicts would change, in which direction, and for whom.
              </EmptyState>
            ) : whatIf.state === "working" ? (
              <WhatIfProgress percent={whatIf.percent} done={whatIf.done} total={whatIf.total} />
            ) : whatIf.state === "failed" || !w ? (
              <Notice tone="error">
                {whatIf.state === "failed" ? whatIf.message : "The what-if could not be read."}
              </Notice>
            ) : (
              <div className="space-y-4 text-sm" data-testid="what-if">
                {data.ruleChanges.length ? (
                  <ul className="list-disc pl-5">
                    {data.ruleChanges.map((c) => (
                      <li key={c}>{c}</li>
                    ))}
                  </ul>
                ) : (
                  <p className="text-muted">The draft's rules are the same as the published version's.</p>
                )}
                <p className="text-base">
                  <strong>{n(w.changed)}</strong> of {n(w.people)} verdicts would change:{" "}
                  <strong>{n(w.more)}</strong> more eligible, <strong>{n(w.less)}</strong> less eligible.
                </p>
                {w.matrix.length ? (
                  <table className="w-full text-left">
                    <caption className="sr-only">Changes from the current verdict to the draft's</caption>
                    <thead className="text-muted">
                      <tr>
                        <th scope="col" className="py-1 pr-2 font-medium">
                          From
                        </th>
                        <th scope="col" className="py-1 pr-2 font-medium">
                          To
                        </th>
                        <th scope="col" className="py-1 text-right font-medium">
                          People
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {w.matrix.map((m) => (
                        <tr key={`${m.from}-${m.to}`} className="border-t border-line">
                          <td className="py-1 pr-2">
                            <OutcomeBadge outcome={m.from} />
                          </td>
                          <td className="py-1 pr-2">
                            <OutcomeBadge outcome={m.to} />
                          </td>
                          <td className="py-1 text-right tabular-nums">{m.count}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                ) : null}
                {(["decision", "department", "location"] as const).map((g) =>
                  w.byGroup[g].length ? (
                    <table key={g} className="w-full text-left">
                      <caption className="text-left text-xs font-medium uppercase tracking-wide text-muted">
                        By {GROUP_LABELS[g].toLowerCase()}
                      </caption>
                      <thead className="text-muted">
                        <tr>
                          <th scope="col" className="py-1 pr-2 font-medium">
                            {GROUP_LABELS[g]}
                          </th>
                          <th scope="col" className="py-1 pr-2 text-right font-medium">
                            More eligible
                          </th>
                          <th scope="col" className="py-1 pr-2 text-right font-medium">
                            Less eligible
                          </th>
                          <th scope="col" className="py-1 text-right font-medium">
                            People
                          </th>
                        </tr>
                      </thead>
                      <tbody>
                        {w.byGroup[g].slice(0, 8).map((row) => (
                          <tr key={row.value} className="border-t border-line">
                            <td className="py-1 pr-2">
                              <Link
                                className="text-brand underline"
                                to={`/staff/eligibility/what-if?group=${g}&value=${encodeURIComponent(row.value)}`}
                              >
                                {row.value || "Not recorded"}
                              </Link>
                            </td>
                            <td className="py-1 pr-2 text-right tabular-nums">{row.more}</td>
                            <td className="py-1 pr-2 text-right tabular-nums">{row.less}</td>
                            <td className="py-1 text-right tabular-nums">{row.total}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  ) : null,
                )}
                {w.changed ? (
                  <p>
                    <Link className="text-brand underline" to="/staff/eligibility/what-if">
                      See all {n(w.changed)} people affected
                    </Link>
                  </p>
                ) : null}
                <p className="text-xs text-muted">
                  HR decisions in force stay as they are; the counts compare computed verdicts
                  {whatIf.state === "ready" ? (
                    <>
                      {" "}
                      as they were at <Time iso={whatIf.computedAt} />
                    </>
                  ) : null}
                  .
                </p>
              </div>
            )}
          </Card>
          {data.draft ? (
            <Card title="Publish">
              {data.canPublish ? (
                <Form method="post" className="space-y-3">
                  <input type="hidden" name="draftUpdatedAt" value={data.draft.updatedAt} />
                  <p className="text-sm text-muted">
                    Publishing freezes this draft as version {data.nextVersion}, records it in the audit trail
                    and re-evaluates everyone in the background.
                  </p>
                  <Button type="submit" name="intent" value="publish" busy={busy("publish")}>
                    Publish version {data.nextVersion}
                  </Button>
                </Form>
              ) : (
                <p className="text-sm text-muted">
                  Someone with permission to publish policies has to publish this draft.
                </p>
              )}
            </Card>
          ) : null}
        </div>
      </div>
    </>
  );
}
