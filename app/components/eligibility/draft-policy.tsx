import { Link } from "@remix-run/react";
import { OutcomeBadge } from "~/components/eligibility/outcome-badge";
import { WhatIfProgress } from "~/components/eligibility/what-if-progress";
import { SubmitButton, useValidatedForm, ValidatedForm } from "~/components/form";
import { Time } from "~/components/time";
import {
  Card,
  EmptyState,
  Notice,
  SelectField,
  Table,
  TextArea,
  TextField,
  type Column,
} from "~/components/ui";
import {
  CONSENT_MODE_LABELS,
  CONSENT_MODES,
  EXIT_REASON_LABELS,
  EXIT_REASONS,
  FLAG_OUTCOMES,
  HR_FLAG_MODE_LABELS,
  HR_FLAG_MODES,
  OUTCOME_LABELS,
  OUTCOMES,
  PolicyFormSchema,
} from "~/modules/eligibility/policy";
import { DiscardDraftSchema, PublishDraftSchema } from "~/modules/eligibility/schemas";
import type { WhatIfState, WhatIfSummary } from "~/modules/eligibility/what-if.server";

/**
 * The policy draft page's sections: the rules form (save the draft), discarding it, its what-if
 * and publishing it. Each form posts its own `intent` with a schema the action parses too
 * (ADR 010), and shows its own answer.
 */

const n = (value: number) => value.toLocaleString("en-GB");

const GROUP_LABELS = {
  decision: "Workforce decision",
  department: "Department",
  location: "Location",
} as const;

type MatrixRow = WhatIfSummary["matrix"][number];
type GroupRow = WhatIfSummary["byGroup"]["decision"][number];
type Group = keyof typeof GROUP_LABELS;

const MATRIX_COLUMNS: Column<MatrixRow>[] = [
  { key: "from", label: "From", cell: (m) => <OutcomeBadge outcome={m.from} />, rowHeader: true },
  { key: "to", label: "To", cell: (m) => <OutcomeBadge outcome={m.to} /> },
  { key: "people", label: "People", cell: (m) => n(m.count), align: "right", className: "tabular-nums" },
];

/** A group's counts; its name links to the people affected in it. */
const groupColumns = (g: Group): Column<GroupRow>[] => [
  {
    key: "value",
    label: GROUP_LABELS[g],
    rowHeader: true,
    cell: (row) => (
      <Link
        className="text-brand underline"
        to={`/staff/eligibility/what-if?group=${g}&value=${encodeURIComponent(row.value)}`}
      >
        {row.value || "Not recorded"}
      </Link>
    ),
  },
  {
    key: "more",
    label: "More eligible",
    cell: (row) => n(row.more),
    align: "right",
    className: "tabular-nums",
  },
  {
    key: "less",
    label: "Less eligible",
    cell: (row) => n(row.less),
    align: "right",
    className: "tabular-nums",
  },
  { key: "total", label: "People", cell: (row) => n(row.total), align: "right", className: "tabular-nums" },
];

const outcomeOptions = OUTCOMES.map((o) => ({ value: o, label: OUTCOME_LABELS[o] }));
const flagOptions = FLAG_OUTCOMES.map((o) => ({ value: o, label: OUTCOME_LABELS[o] }));

/**
 * The rules as a form: an outcome per exit reason, the dates, the flags and consent, and a
 * summary of the change. `values` are the rules now (the draft's, else the published ones).
 */
export function PolicyRulesForm({ values, summary }: { values: Record<string, string>; summary: string }) {
  const form = useValidatedForm(PolicyFormSchema, {
    intent: "save",
    defaultValues: { ...values, summary } as never,
  });
  const field = (name: string) => form.field(name as never);
  return (
    <ValidatedForm form={form} className="space-y-6" aria-label="Policy rules">
      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold">Exit reasons</legend>
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          {EXIT_REASONS.map((r) => (
            <SelectField
              key={r}
              label={EXIT_REASON_LABELS[r]}
              options={outcomeOptions}
              {...field(`exit_${r}`)}
            />
          ))}
          <SelectField
            label="No exit reason on record"
            options={outcomeOptions}
            {...field("unknownExitReason")}
          />
        </div>
      </fieldset>
      <fieldset className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold">Dates</legend>
        <TextField
          label="Cooling-off after leaving (months)"
          inputMode="numeric"
          hint="0 for none."
          {...field("coolingOffMonths")}
        />
        <TextField
          label="Minimum tenure (months)"
          inputMode="numeric"
          hint="All stints added up. 0 for none."
          {...field("minimumTenureMonths")}
        />
        <TextField
          label="Review verdicts again after (months)"
          inputMode="numeric"
          hint="HR decisions lapse then too."
          {...field("verdictExpiryMonths")}
        />
        <TextField
          label="Count dates in time zone"
          hint="Decides what 'today' is, e.g. Europe/Stockholm."
          {...field("timeZone")}
        />
      </fieldset>
      <fieldset className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold">Flags and consent</legend>
        <SelectField
          label="HR system's rehire flag"
          options={HR_FLAG_MODES.map((m) => ({ value: m, label: HR_FLAG_MODE_LABELS[m] }))}
          {...field("hrFlag")}
        />
        <SelectField label="Do-not-rehire flag means" options={flagOptions} {...field("doNotRehire")} />
        <SelectField label="Legal hold means" options={flagOptions} {...field("legalHold")} />
        <SelectField
          label="Contact consent"
          options={CONSENT_MODES.map((m) => ({ value: m, label: CONSENT_MODE_LABELS[m] }))}
          {...field("consent")}
        />
      </fieldset>
      <TextArea
        label="What changes and why (optional)"
        rows={2}
        hint="Kept with the version and in the audit trail."
        {...field("summary")}
      />
      <div className="flex flex-wrap gap-2">
        <SubmitButton>Save draft and see the what-if</SubmitButton>
      </div>
    </ValidatedForm>
  );
}

/** Throws the draft away; the published policy stays as it is. */
export function DiscardDraftForm() {
  const form = useValidatedForm(DiscardDraftSchema, { intent: "discard" });
  return (
    <ValidatedForm form={form} className="mt-4 space-y-3 border-t border-line pt-4">
      <SubmitButton variant="secondary">Discard the draft</SubmitButton>
    </ValidatedForm>
  );
}

/** What the draft would change: the rule changes in words, the counts, and by whom. */
export function DraftWhatIf({ whatIf, ruleChanges }: { whatIf: WhatIfState; ruleChanges: string[] }) {
  const w = whatIf.state === "ready" ? whatIf.summary : null;
  return (
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
          {ruleChanges.length ? (
            <ul className="list-disc pl-5">
              {ruleChanges.map((c) => (
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
            <Table
              caption="Changes from the current verdict to the draft's"
              columns={MATRIX_COLUMNS}
              rows={w.matrix}
              rowKey={(m) => `${m.from}-${m.to}`}
              stackBelow="sm"
            />
          ) : null}
          {(["decision", "department", "location"] as const).map((g) =>
            w.byGroup[g].length ? (
              <Table
                key={g}
                caption={`By ${GROUP_LABELS[g].toLowerCase()}`}
                captionHidden={false}
                columns={groupColumns(g)}
                rows={w.byGroup[g].slice(0, 8)}
                rowKey={(row) => row.value}
                stackBelow="sm"
              />
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
  );
}

/**
 * Publishing the draft the page showed (`draftUpdatedAt`), so a draft changed since is not
 * published unseen; for those who may not publish, who has to.
 */
export function PublishDraftCard({
  draftUpdatedAt,
  nextVersion,
  canPublish,
}: {
  draftUpdatedAt: string;
  nextVersion: number;
  canPublish: boolean;
}) {
  const form = useValidatedForm(PublishDraftSchema, { intent: "publish", defaultValues: { draftUpdatedAt } });
  return (
    <Card title="Publish">
      {canPublish ? (
        <ValidatedForm form={form} className="space-y-3">
          <input type="hidden" name="draftUpdatedAt" value={draftUpdatedAt} />
          <p className="text-sm text-muted">
            Publishing freezes this draft as version {nextVersion}, records it in the audit trail and
            re-evaluates everyone in the background.
          </p>
          <SubmitButton>Publish version {nextVersion}</SubmitButton>
        </ValidatedForm>
      ) : (
        <p className="text-sm text-muted">
          Someone with permission to publish policies has to publish this draft.
        </p>
      )}
    </Card>
  );
}
