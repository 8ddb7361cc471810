import { Link, useActionData, useNavigation } from "@remix-run/react";
import { useMemo, useState, type FormEvent } from "react";
import { OutcomeBadge } from "~/components/eligibility/outcome-badge";
import { useValidatedForm } from "~/components/form";
import {
  Badge,
  Button,
  Card,
  ErrorSummary,
  IgnoredNotice,
  Notice,
  SelectField,
  Table,
  TextField,
  type Column,
} from "~/components/ui";
import { BulkActionSchema } from "~/modules/alumni/alumni-schemas";
import { EXIT_REASON_LABELS, type ExitReason } from "~/modules/alumni/exit-reasons";
import type { Outcome } from "~/modules/eligibility/policy";

const number = new Intl.NumberFormat("en");

export type AlumniRow = {
  id: string;
  firstName: string;
  lastName: string;
  preferredName: string | null;
  workEmail?: string | null;
  jobTitle: string | null;
  department: string | null;
  location: string | null;
  exitDate: string | null;
  exitReason?: string | null;
  regrettable?: boolean | null;
  doNotRehire?: boolean;
  consentReturn?: string;
  /** Absent when the viewer may not see verdicts; null when there is none yet. */
  eligibility?: Outcome | null;
  tags: string[];
  decision: { id: string; title: string } | null;
};

/**
 * The people in the current view: HR's bulk actions (tag, link to a decision, export) for the
 * ticked rows or the whole view, above one row per person. One form with `BulkActionSchema`
 * (ADR 010): the submit button names the action, the browser checks what that action needs
 * before sending, and the action's refusal lands in the same summary and fields. Without
 * JavaScript it posts natively; the export button always does (the answer is a file). Rows stack
 * as cards below `lg`, so a phone never scrolls sideways.
 */

/** The list action's answer, when it is the bulk form's (not the saved-view form's). */
const BULK_INTENTS = ["tag", "link-decision"];
export function AlumniResults({
  rows,
  total,
  page,
  query,
  formAction,
  hr,
  may,
  decisions,
  problem,
  ignored,
}: {
  rows: AlumniRow[];
  total: number;
  page: number;
  /** The view's filters as a query string, posted with the bulk actions. */
  query: string;
  formAction: string;
  hr: boolean;
  may: { tag: boolean; link: boolean; export: boolean };
  decisions: { id: string; title: string }[];
  problem: string | null;
  ignored: string[];
}) {
  const [ticked, setTicked] = useState<Set<string>>(new Set());
  const bulk = hr && (may.tag || may.link || may.export);
  const allTicked = rows.length > 0 && rows.every((r) => ticked.has(r.id));
  const toggle = (id: string, on: boolean) =>
    setTicked((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const answer = useActionData<{ intent?: string }>();
  // The answer to either of this form's buttons, named for the form (the hook matches one intent).
  const mine = useMemo(
    () => (answer && BULK_INTENTS.includes(answer.intent ?? "") ? { ...answer, intent: "bulk" } : {}),
    [answer],
  );
  const form = useValidatedForm(BulkActionSchema, {
    intent: "bulk",
    defaultValues: { scope: "selected", view: query, mode: "add" },
    actionData: mine,
  });
  const navigation = useNavigation();
  const sending = (intent: string) =>
    navigation.state === "submitting" && navigation.formData?.get("intent") === intent;
  const bulkForm = {
    /** The ticked people, the scope and the pressed button are values of the form too. */
    onSubmit(event: FormEvent<HTMLFormElement>) {
      const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
      // The export answers with a file: the browser posts it and downloads what comes back.
      if (!submitter || submitter.name !== "intent") return;
      const data = new FormData(event.currentTarget);
      form.setValue("intent", submitter.value as never);
      form.setValue("scope", (data.get("scope") ?? "") as never);
      form.setValue("alumnusId", data.getAll("alumnusId") as never);
      form.onSubmit(event);
    },
  };
  const name = (r: AlumniRow) => `${r.preferredName || r.firstName} ${r.lastName}`;

  const columns: Column<AlumniRow>[] = [
    ...(bulk
      ? [
          {
            key: "tick",
            label: "Tick",
            hideCardLabel: true,
            className: "lg:w-8",
            header: (
              <input
                type="checkbox"
                id={form.idFor("alumnusId")}
                aria-label="Tick everyone on this page"
                checked={allTicked}
                onChange={(e) => {
                  const on = e.currentTarget.checked;
                  setTicked(on ? new Set(rows.map((r) => r.id)) : new Set());
                }}
              />
            ),
            cell: (r: AlumniRow) => (
              <input
                type="checkbox"
                name="alumnusId"
                value={r.id}
                aria-label={`Tick ${r.firstName} ${r.lastName}`}
                checked={ticked.has(r.id)}
                onChange={(e) => toggle(r.id, e.currentTarget.checked)}
              />
            ),
          },
        ]
      : []),
    {
      key: "name",
      label: "Name",
      rowHeader: true,
      cell: (r) => (
        <>
          <Link to={`/staff/alumni/${r.id}`} className="text-brand underline">
            {name(r)}
          </Link>
          {r.workEmail ? <p className="break-all text-xs text-muted">{r.workEmail}</p> : null}
          <div className="mt-1 flex flex-wrap gap-1">
            {r.regrettable ? <Badge tone="warn">Regrettable</Badge> : null}
            {r.doNotRehire ? <Badge tone="bad">Do not rehire</Badge> : null}
            {r.consentReturn === "granted" ? <Badge tone="good">Open to contact</Badge> : null}
            {r.eligibility !== undefined ? <OutcomeBadge outcome={r.eligibility} /> : null}
          </div>
        </>
      ),
    },
    {
      key: "job",
      label: "Job title",
      cell: (r) => (
        <>
          {r.jobTitle ?? "—"}
          {r.department ? <p className="text-xs text-muted">{r.department}</p> : null}
        </>
      ),
    },
    { key: "location", label: "Location", cell: (r) => r.location ?? "—" },
    ...(hr
      ? [
          {
            key: "exit",
            label: "Exit",
            cell: (r: AlumniRow) => (
              <>
                {r.exitDate ?? "—"}
                {r.exitReason ? (
                  <p className="text-xs text-muted">
                    {EXIT_REASON_LABELS[r.exitReason as ExitReason] ?? r.exitReason}
                  </p>
                ) : null}
              </>
            ),
          },
          {
            key: "decision",
            label: "Decision",
            cell: (r: AlumniRow) =>
              r.decision ? (
                <Link to={`/staff/decisions/${r.decision.id}`} className="text-brand underline">
                  {r.decision.title}
                </Link>
              ) : (
                <span className="text-muted">—</span>
              ),
          },
          {
            key: "tags",
            label: "Tags",
            cell: (r: AlumniRow) =>
              r.tags.length ? (
                <div className="flex flex-wrap gap-1">
                  {r.tags.map((t) => (
                    <Badge key={t} tone="brand">
                      {t}
                    </Badge>
                  ))}
                </div>
              ) : (
                <span className="text-muted">—</span>
              ),
          },
        ]
      : []),
  ];

  return (
    <form method="post" action={formAction} noValidate onSubmit={bulkForm.onSubmit} className="space-y-4">
      <input type="hidden" name="view" value={query} />
      {bulk ? (
        <Card title="With the people below">
          <div className="mb-3 space-y-3 empty:hidden">
            {problem ? <Notice tone="error">{problem}</Notice> : null}
            <IgnoredNotice names={ignored} />
            {form.success ? <Notice tone="success">{form.success}</Notice> : null}
            {form.summary ? <ErrorSummary {...form.summary} /> : null}
          </div>
          <fieldset className="mb-3 flex flex-wrap gap-4 text-sm">
            <legend className="sr-only">Who</legend>
            <label className="flex items-center gap-2">
              <input type="radio" name="scope" value="selected" id={form.idFor("scope")} defaultChecked />
              The people I ticked{ticked.size ? ` (${ticked.size} on this page)` : ""}
            </label>
            <label className="flex items-center gap-2">
              <input type="radio" name="scope" value="view" />
              Everyone in this view ({number.format(total)})
            </label>
          </fieldset>
          <div className="flex flex-wrap items-end gap-3">
            {may.tag ? (
              <div className="flex w-full items-end gap-2 sm:w-auto">
                <TextField
                  label="Tag"
                  maxLength={60}
                  className="min-w-0 flex-1 sm:w-40 sm:flex-none"
                  {...form.field("tag")}
                />
                <select
                  name="mode"
                  aria-label="Add or remove the tag"
                  className="shrink-0 rounded-md border border-line bg-white px-2 py-2 text-sm"
                  defaultValue="add"
                >
                  <option value="add">Add</option>
                  <option value="remove">Remove</option>
                </select>
                <Button
                  type="submit"
                  name="intent"
                  value="tag"
                  variant="secondary"
                  className="shrink-0 whitespace-nowrap"
                  busy={sending("tag")}
                >
                  Apply tag
                </Button>
              </div>
            ) : null}
            {may.link && decisions.length ? (
              <div className="flex w-full min-w-0 items-end gap-2 sm:w-auto">
                <SelectField
                  label="Workforce decision"
                  options={[
                    { value: "", label: "Choose…" },
                    ...decisions.map((d) => ({ value: d.id, label: d.title })),
                  ]}
                  className="min-w-0 flex-1 sm:w-64 sm:flex-none"
                  {...form.field("decisionId")}
                />
                <Button
                  type="submit"
                  name="intent"
                  value="link-decision"
                  variant="secondary"
                  className="shrink-0"
                  busy={sending("link-decision")}
                >
                  Link
                </Button>
              </div>
            ) : null}
            {may.export ? (
              <Button type="submit" formAction="/staff/alumni/export" variant="secondary">
                Export as CSV
              </Button>
            ) : null}
          </div>
        </Card>
      ) : null}
      <div className="rounded-lg border border-line bg-white p-3">
        <Table
          caption={`Alumni matching the view, page ${page}`}
          columns={columns}
          rows={rows}
          rowKey={(r) => r.id}
          stackBelow="lg"
        />
      </div>
    </form>
  );
}
