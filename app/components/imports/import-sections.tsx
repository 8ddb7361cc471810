import { Form, Link } from "@remix-run/react";
import { SubmitButton, useValidatedForm, ValidatedForm } from "~/components/form";
import { Time } from "~/components/time";
import {
  Badge,
  Button,
  Card,
  EmptyState,
  Facts,
  FieldError,
  Notice,
  Pager,
  Table,
  type Column,
} from "~/components/ui";
import { EXIT_REASON_LABELS, EXIT_REASONS, type ExitReason } from "~/modules/alumni/exit-reasons";
import { FIELD_LABEL, type ImportField } from "~/modules/imports/fields";
import { CommitImportSchema, ReasonsFormSchema } from "~/modules/imports/schemas";

/**
 * The import page, in sections: the progress while it runs, the dry run's counts with the
 * commit, the rows with their problems, the exit reasons as read (and, after the dry run, a form
 * to correct them), and the import's audit trail.
 */

const n = (value: number) => value.toLocaleString("en-GB");
/** A value before or after an update, as HR reads it. */
const shownValue = (value: unknown) =>
  value === null || value === undefined || value === "" ? (
    <span className="text-muted">(empty)</span>
  ) : (
    <>“{String(value)}”</>
  );

/** What the sections need of the import run. */
export type ImportRunView = {
  id: string;
  status: string;
  createCount: number;
  updateCount: number;
  unchangedCount: number;
  rejectCount: number;
  warningCount: number;
  conflictCount: number;
  suppressedCount: number;
  rowCount: number;
  committedAt: string | null;
  columns: Record<string, string | undefined>;
};

type Problem = { field: string; column?: string; message: string; value?: string };
export type ImportRowView = {
  rowNumber: number;
  firstName: string | null;
  lastName: string | null;
  hrId: string | null;
  workEmail: string | null;
  outcome: string;
  exitReasonRaw: string | null;
  errors: Problem[];
  warnings: Problem[];
  conflicts: Record<string, { current?: unknown; incoming?: unknown }> | null;
  changes: Record<string, { old?: unknown; new?: unknown }> | null;
};

const columnNameOf = (run: ImportRunView) => (field: string) =>
  run.columns[field] ?? FIELD_LABEL[field as ImportField] ?? (field === "_row" ? "(whole row)" : field);

export function ImportProgress({
  job,
  status,
}: {
  job: { progress: number; total: number; message: string | null } | null;
  status: string;
}) {
  const pct = job && job.total > 0 ? Math.min(100, Math.round((job.progress / job.total) * 100)) : 0;
  const label =
    job?.message ?? (status === "checking" ? "Checking the file (dry run)" : "Applying the import");
  return (
    <div>
      <label htmlFor="import-progress" className="text-sm font-medium">
        {label}: {pct}%
      </label>
      <progress id="import-progress" className="mt-2 block h-3 w-full" max={100} value={pct}>
        {pct}%
      </progress>
      {status === "committing" && job && job.total > 0 ? (
        <p className="mt-1 text-sm tabular-nums">
          {n(Math.min(job.progress, job.total))} of {n(job.total)} rows
        </p>
      ) : null}
      <p className="mt-2 text-sm text-muted">
        You can leave this page; the import carries on and this page shows where it is when you come back.
        {status === "committing"
          ? " People appear in the alumni pool as their rows are written; if the import fails, everything it wrote is taken out again."
          : ""}
      </p>
    </div>
  );
}

/** Applies a checked import (CommitImportSchema: no fields; the intent is the form). */
function CommitForm({ people }: { people: number }) {
  const form = useValidatedForm(CommitImportSchema, { intent: "commit" });
  return (
    // Its outcome is said above the page: the form goes once the import runs.
    <Form method="post" noValidate onSubmit={form.onSubmit}>
      <input type="hidden" name="intent" value="commit" />
      <Button type="submit" busy={form.busy} disabled={people === 0}>
        {people === 0 ? "Nothing to import" : `Import ${n(people)} people`}
      </Button>
    </Form>
  );
}

/** The dry run's counts (or the result once applied), the commit, and the error report. */
export function DryRunCard({ run }: { run: ImportRunView }) {
  const committed = run.status === "committed";
  const counts = [
    { label: committed ? "Created" : "Will be created", value: n(run.createCount) },
    { label: committed ? "Updated" : "Will be updated", value: n(run.updateCount) },
    { label: "Unchanged", value: n(run.unchangedCount) },
    { label: "Rejected (not imported)", value: n(run.rejectCount) },
    { label: "Imported with warnings (a field left empty or cleaned)", value: n(run.warningCount) },
    { label: "Conflicts with hand edits (kept)", value: n(run.conflictCount) },
    ...(run.suppressedCount
      ? [{ label: "Skipped: data erased at the person's request", value: n(run.suppressedCount) }]
      : []),
    { label: "Rows in the file", value: n(run.rowCount) },
  ];
  return (
    <Card title={committed ? "Result" : "Dry run: what the import will do"}>
      <Facts items={counts} />
      {run.suppressedCount ? (
        <Notice
          tone="info"
          title={`${n(run.suppressedCount)} ${run.suppressedCount === 1 ? "person is" : "people are"} skipped`}
        >
          {run.suppressedCount === 1 ? "This person" : "These people"} asked for their data to be erased, and
          HR approved it. Their rows are not imported and keep none of their details here
          {committed ? "; the stored file was removed after the import" : ""}.{" "}
          <Link className="underline" to="?show=skipped">
            See which rows
          </Link>
        </Notice>
      ) : null}
      {!committed ? (
        <p className="mt-4 text-sm text-muted">
          Nothing has been written yet. People are recognised by employee ID (or work email); fields someone
          changed by hand in Comeback are kept and listed as conflicts.
        </p>
      ) : (
        <p className="mt-4 text-sm text-muted">
          Applied <Time iso={run.committedAt} />. Importing the same file again changes nothing.
        </p>
      )}
      <div className="mt-4 flex flex-wrap items-center gap-3">
        {run.status === "checked" || run.status === "failed" ? (
          <CommitForm people={run.createCount + run.updateCount} />
        ) : null}
        {run.status === "checked" || run.status === "failed" ? (
          <Link className="text-brand underline" to={`/staff/imports/${run.id}/mapping`}>
            Change the mapping
          </Link>
        ) : null}
        {run.rejectCount + run.conflictCount + run.warningCount > 0 ? (
          <a className="text-brand underline" href={`/staff/imports/${run.id}/errors`} download>
            Download the error report (CSV)
          </a>
        ) : null}
      </div>
    </Card>
  );
}

/** What the file says about the person on a row: the name, the employee ID and work email below. */
function RowPerson({ r }: { r: ImportRowView }) {
  return (
    <>
      {r.firstName || r.lastName ? (
        `${r.firstName ?? ""} ${r.lastName ?? ""}`
      ) : (
        <span className="text-muted">—</span>
      )}
      {r.hrId ? <span className="block text-xs text-muted">{r.hrId}</span> : null}
      {r.workEmail ? (
        <span className="block [overflow-wrap:anywhere] text-xs text-muted">{r.workEmail}</span>
      ) : null}
    </>
  );
}

/** A row's problems, hand-edit conflicts, changes and warnings; or the exit reason it carries. */
function RowDetails({ r, columnName }: { r: ImportRowView; columnName: (field: string) => string }) {
  return (
    <>
      {r.errors.length ? (
        <ul className="space-y-1">
          {r.errors.map((e, i) => (
            <li key={i}>
              <strong>{e.column ?? columnName(e.field)}</strong>: {e.message}
            </li>
          ))}
        </ul>
      ) : null}
      {r.conflicts ? (
        <ul className="space-y-1">
          {Object.entries(r.conflicts).map(([field, c]) => (
            <li key={field}>
              <strong>{columnName(field)}</strong>: kept “{String(c.current ?? "")}” (edited by hand); the
              file says “{String(c.incoming ?? "")}”.
            </li>
          ))}
        </ul>
      ) : null}
      {r.changes ? (
        <ul className="space-y-1" aria-label="Fields this update changes">
          {Object.entries(r.changes).map(([field, c]) => (
            <li key={field}>
              <strong>{FIELD_LABEL[field as ImportField] ?? field}</strong>: {shownValue(c.old)} →{" "}
              {shownValue(c.new)}
            </li>
          ))}
        </ul>
      ) : null}
      {r.warnings.length ? (
        <ul className="space-y-1">
          {r.warnings.map((w, i) => (
            <li key={i}>
              <Badge tone="warn">warning</Badge> <strong>{w.column ?? columnName(w.field)}</strong>:{" "}
              {w.message}
              {w.value && !w.message.includes(w.value.slice(0, 80)) ? (
                <> (the file says “{w.value}”)</>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {!r.errors.length && !r.conflicts && !r.changes && !r.warnings.length && r.exitReasonRaw ? (
        <span className="text-muted">{r.exitReasonRaw}</span>
      ) : null}
    </>
  );
}

/** The rows table's columns; `columnName` says a field by the file's own column heading. */
const rowColumns = (columnName: (field: string) => string): Column<ImportRowView>[] => [
  { key: "row", label: "Row", rowHeader: true, cell: (r) => `Row ${r.rowNumber}` },
  { key: "person", label: "Person", cell: (r) => <RowPerson r={r} /> },
  {
    key: "outcome",
    label: "Outcome",
    cell: (r) => (
      <Badge
        tone={
          r.outcome === "rejected"
            ? "bad"
            : r.outcome === "unchanged" || r.outcome === "suppressed"
              ? "neutral"
              : "good"
        }
      >
        {r.outcome === "suppressed" ? "skipped" : r.outcome}
      </Badge>
    ),
  },
  { key: "details", label: "Details", cell: (r) => <RowDetails r={r} columnName={columnName} /> },
];

/** The file's rows with their outcome and problems, by tab (rejected, warnings, updates...). */
export function ImportRowsCard({
  run,
  rows,
  show,
}: {
  run: ImportRunView;
  rows: { rows: ImportRowView[]; page: number; pages: number };
  show: string;
}) {
  const columnName = columnNameOf(run);
  const tab = (value: string, label: string) => (
    <Link
      key={value}
      to={`?show=${value}`}
      aria-current={show === value ? "page" : undefined}
      className={show === value ? "font-semibold text-ink underline" : "text-brand underline"}
    >
      {label}
    </Link>
  );
  return (
    <Card title="Rows">
      <nav aria-label="Which rows" className="mb-3 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {tab("rejected", `Rejected (${n(run.rejectCount)})`)}
        {tab("warnings", `Warnings (${n(run.warningCount)})`)}
        {tab("updates", `Updates (${n(run.updateCount)})`)}
        {tab("conflicts", `Conflicts (${n(run.conflictCount)})`)}
        {run.suppressedCount ? tab("skipped", `Skipped (${n(run.suppressedCount)})`) : null}
        {tab("all", "All rows")}
      </nav>
      {rows.rows.length === 0 ? (
        <EmptyState
          title={
            show === "rejected"
              ? "No rejected rows"
              : show === "warnings"
                ? "No warnings"
                : show === "updates"
                  ? "No updates"
                  : show === "conflicts"
                    ? "No conflicts"
                    : show === "skipped"
                      ? "No skipped rows"
                      : "No rows"
          }
        >
          {show === "rejected"
            ? "Every row passed the checks."
            : show === "conflicts"
              ? "No field that HR changed by hand differs from the file."
              : null}
        </EmptyState>
      ) : (
        <Table
          caption="Rows of the file with their outcome and problems"
          columns={rowColumns(columnName)}
          rows={rows.rows}
          rowKey={(r) => String(r.rowNumber)}
          stackBelow="md"
        />
      )}
      <Pager page={rows.page} pageCount={rows.pages} search={`?show=${show}`} label="Row pages" />
    </Card>
  );
}

/**
 * How the file's wording becomes Comeback's exit reasons, and after the dry run a form to choose
 * another reason for any wording (ReasonsFormSchema here and in the action; a refusal lands under
 * the wording's select).
 */
export function ExitReasonsCard({
  reasons,
  editable,
}: {
  reasons: { raw: string; reason: ExitReason; n: number }[];
  /** The dry run is done and nothing is applied yet. */
  editable: boolean;
}) {
  // One row per wording, posted by index (`overrides.0.raw`, `overrides.0.reason`: ADR 085), so
  // the browser checks the rows with the schema the action uses.
  const form = useValidatedForm(ReasonsFormSchema, {
    intent: "reasons",
    defaultValues: { overrides: reasons.map((r) => ({ raw: r.raw, reason: r.reason })) },
  });
  const unrecognised = reasons.filter((r) => r.reason === "other");
  const run = { status: editable ? "checked" : "done" };
  return (
    <Card title="Exit reasons in this file">
      <p className="mb-3 text-sm text-muted">
        How the file's wording becomes Comeback's exit reasons (the wording itself is kept on each person).
        {unrecognised.length
          ? ` ${unrecognised.length} wording(s) were not recognised and read as “Other”: choose a reason for them.`
          : ""}
      </p>
      <ValidatedForm form={form} className="space-y-3">
        <Table
          caption="Exit reasons as written in the file and as Comeback reads them"
          rows={reasons.map((r, i) => ({ ...r, i }))}
          rowKey={(r) => r.raw}
          stackBelow="sm"
          columns={[
            { key: "raw", label: "In the file", rowHeader: true, cell: (r) => r.raw },
            {
              key: "rows",
              label: "Rows",
              align: "right",
              cell: (r) => <span className="tabular-nums">{n(r.n)}</span>,
            },
            {
              key: "reason",
              label: "Comeback reason",
              cell: ({ i, ...r }) =>
                run.status === "checked" ? (
                  <>
                    <input type="hidden" {...form.register(`overrides.${i}.raw`)} value={r.raw} />
                    <label className="sr-only" htmlFor={form.idFor(`overrides.${i}.reason`)}>
                      Comeback reason for “{r.raw}”
                    </label>
                    <select
                      id={form.idFor(`overrides.${i}.reason`)}
                      {...form.register(`overrides.${i}.reason`)}
                      // After a refusal without JavaScript, the reason that was sent.
                      defaultValue={form.values?.[`overrides.${i}.reason`] ?? r.reason}
                      aria-invalid={form.errorsFor(`overrides.${i}.reason`) ? true : undefined}
                      aria-describedby={
                        form.errorsFor(`overrides.${i}.reason`)
                          ? `${form.idFor(`overrides.${i}.reason`)}-error`
                          : undefined
                      }
                      className="w-full min-w-0 rounded-md border border-line bg-white px-2 py-1 text-sm sm:w-auto"
                    >
                      {EXIT_REASONS.map((reason) => (
                        <option key={reason} value={reason}>
                          {EXIT_REASON_LABELS[reason]}
                        </option>
                      ))}
                    </select>
                    <FieldError
                      id={`${form.idFor(`overrides.${i}.reason`)}-error`}
                      errors={form.errorsFor(`overrides.${i}.reason`)}
                    />
                  </>
                ) : (
                  (EXIT_REASON_LABELS[r.reason] ?? r.reason)
                ),
            },
          ]}
        />
        {run.status === "checked" ? (
          <SubmitButton variant="secondary">Save reasons and check again</SubmitButton>
        ) : null}
      </ValidatedForm>
    </Card>
  );
}

/** The import's own audit events, linked to the audit trail for those who may read it. */
export function ImportAuditCard({
  runId,
  events,
  canReadAudit,
}: {
  runId: string;
  events: { id: string; occurredAt: string; action: string; actorName: string | null }[];
  canReadAudit: boolean;
}) {
  return (
    <Card title="Audit trail of this import">
      {events.length === 0 ? (
        <p className="text-sm text-muted">No events yet.</p>
      ) : (
        <ol className="space-y-1 text-sm">
          {events.map((e) => (
            <li key={e.id}>
              <Time iso={e.occurredAt} seconds /> · <code>{e.action}</code> · {e.actorName ?? "system"}
              {canReadAudit ? (
                <>
                  {" "}
                  ·{" "}
                  <Link
                    className="text-brand underline"
                    to={`/staff/admin/audit?entityType=ImportRun&entityId=${runId}`}
                  >
                    in the audit trail
                  </Link>
                </>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
