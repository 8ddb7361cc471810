import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { ImportStatusBadge, SameFileNotice } from "~/components/import-status";
import { Time } from "~/components/time";
import {
  Badge,
  Button,
  Card,
  EmptyState,
  Facts,
  IgnoredNotice,
  Notice,
  PageHeader,
  Pager,
} from "~/components/ui";
import { setImportReasons } from "~/modules/imports/configure-import.server";
import { startImportCommit } from "~/modules/imports/commit-import.server";
import { EXIT_REASON_LABELS, EXIT_REASONS, type ExitReason } from "~/modules/alumni/exit-reasons";
import { FIELD_LABEL, type ImportField } from "~/modules/imports/fields";
import { getImport, listImportReasons, listImportRows } from "~/modules/imports/list-imports.server";
import {
  ImportIdParams,
  ReasonsFormSchema,
  RowPageSchema,
  type ImportSettings,
} from "~/modules/imports/schemas";
import { requirePermission } from "~/platform/auth.server";
import { AppError } from "~/platform/errors";
import {
  defineAction,
  defineLoader,
  parseFilters,
  parseForm,
  parseIntent,
  parseParams,
} from "~/platform/http.server";
import { can } from "~/platform/permissions";

const RUNNING = new Set(["checking", "committing"]);

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.run.fileName ?? "Import"} · Imports · Comeback` },
  // Without JavaScript the page reloads itself while the import runs (the progress lives in the database).
  ...(data && RUNNING.has(data.run.status) ? [{ httpEquiv: "refresh", content: "3" } as const] : []),
];

export const loader = defineLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const viewer = await requirePermission(request, "import:alumni");
  const { importId } = parseParams(params, ImportIdParams, "That import");
  const { values, ignored } = parseFilters(request, RowPageSchema);
  const { page, show } = values;
  const { run, job, decision, events, sameFile } = await getImport(importId);
  // While the commit runs, the page reads only the import's and its job's own rows: counting and
  // paging 100,000 staged rows on every reload would compete with the commit's steps.
  const hasRows = ["checked", "committed", "failed"].includes(run.status);
  const [rows, reasons] = hasRows
    ? await Promise.all([listImportRows({ importId, show, page }), listImportReasons(importId)])
    : [null, []];
  const settings = run.settings as ImportSettings | null;
  return {
    run: {
      ...run,
      settings: null,
      columns: (settings?.columns ?? {}) as Record<string, string | undefined>,
      dateFormat: settings?.dateFormat ?? null,
      createdBy: run.createdBy?.name ?? null,
      createdAt: run.createdAt.toISOString(),
      checkedAt: run.checkedAt?.toISOString() ?? null,
      committedAt: run.committedAt?.toISOString() ?? null,
    },
    job,
    decision,
    sameFile: sameFile && { ...sameFile, committedAt: sameFile.committedAt.toISOString() },
    events: events.map((e) => ({ ...e, occurredAt: e.occurredAt.toISOString() })),
    rows: rows && {
      ...rows,
      rows: rows.rows.map((r) => ({
        ...r,
        errors: (r.errors ?? []) as { field: string; column?: string; message: string; value?: string }[],
        conflicts: (r.conflicts ?? null) as Record<string, { current?: unknown; incoming?: unknown }> | null,
        warnings: (r.warnings ?? []) as { field: string; column?: string; message: string; value?: string }[],
        changes: (r.changes ?? null) as Record<string, { old?: unknown; new?: unknown }> | null,
      })),
    },
    show,
    ignored: ignored.map((i) => (i.name === "page" ? "page number" : "rows shown")),
    reasons: reasons.map((r) => ({ raw: r.raw, reason: r.reason as ExitReason, n: Number(r.n) })),
    canReadAudit: can(viewer, "read:audit"),
  };
});

export const action = defineAction(async ({ request, params }: ActionFunctionArgs) => {
  const actor = await requirePermission(request, "import:alumni");
  const { importId } = parseParams(params, ImportIdParams, "That import");
  const intent = await parseIntent(request, ["commit", "reasons"]);
  if (intent === "commit") {
    await startImportCommit({ actor, importId });
    return {
      ok: true as const,
      intent,
      message: "The import is being applied. This page follows its progress.",
    };
  }
  const { overrides } = await parseForm(request, ReasonsFormSchema).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "validation")
      throw new AppError("validation", "Choose one of Comeback's exit reasons for each wording.", {
        fieldErrors: error.options.fieldErrors,
      });
    throw error;
  });
  await setImportReasons({ actor, importId, overrides });
  return {
    ok: true as const,
    intent,
    message: "Exit reasons saved; the dry run is running again with them.",
  };
});

const n = (value: number) => value.toLocaleString("en-GB");
/** A value before or after an update, as HR reads it. */
const shownValue = (value: unknown) =>
  value === null || value === undefined || value === "" ? (
    <span className="text-muted">(empty)</span>
  ) : (
    <>“{String(value)}”</>
  );

function Progress({
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

export default function ImportDetail() {
  const { run, job, decision, events, rows, show, reasons, canReadAudit, sameFile, ignored } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const revalidator = useRevalidator();
  const running = RUNNING.has(run.status);
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => {
      if (revalidator.state === "idle" && document.visibilityState === "visible") revalidator.revalidate();
    }, 1500);
    return () => clearInterval(timer);
  }, [running, revalidator]);
  const columnName = (field: string) =>
    run.columns[field] ?? FIELD_LABEL[field as ImportField] ?? (field === "_row" ? "(whole row)" : field);
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
  const unrecognised = reasons.filter((r) => r.reason === "other");
  return (
    <>
      <p className="mb-2 text-sm">
        <Link to="/staff/imports" className="text-brand underline">
          ← Import history
        </Link>
      </p>
      <PageHeader
        title={run.fileName}
        description={
          <>
            Uploaded <Time iso={run.createdAt} /> by {run.createdBy ?? "a former staff member"}
            {run.mappingName ? <> · mapping “{run.mappingName}”</> : null}
            {decision ? <> · decision “{decision.title}”</> : null}
          </>
        }
        actions={<ImportStatusBadge status={run.status} />}
      />
      {ignored.length ? (
        <div className="mb-4">
          <IgnoredNotice names={ignored} />
        </div>
      ) : null}
      <div className="space-y-6">
        {actionData?.ok ? (
          <Notice tone="success">{actionData.message}</Notice>
        ) : actionData ? (
          <Notice tone="error">{actionData.error.message}</Notice>
        ) : null}
        <SameFileNotice sameFile={sameFile} />
        {running ? (
          <Card>
            <Progress job={job} status={run.status} />
          </Card>
        ) : null}
        {run.status === "uploaded" ? (
          <Notice tone="info" title="Next: match the columns">
            <Link className="underline" to={`/staff/imports/${run.id}/mapping`}>
              Match this file's columns to Comeback's fields
            </Link>{" "}
            to see the dry run.
          </Notice>
        ) : null}
        {run.status === "invalid" ? (
          <Notice tone="error" title="This file could not be imported; nothing was written">
            <p>{run.error}</p>
            <p className="mt-2">
              <Link className="underline" to="/staff/imports/new">
                Upload a corrected file
              </Link>{" "}
              or{" "}
              <Link className="underline" to={`/staff/imports/${run.id}/mapping`}>
                change the mapping
              </Link>
              .
            </p>
          </Notice>
        ) : null}
        {run.status === "failed" ? (
          <Notice tone="error" title="The import failed; nothing from it was written">
            {run.error}
          </Notice>
        ) : null}
        {["checked", "committed", "failed", "committing"].includes(run.status) ? (
          <Card title={committed ? "Result" : "Dry run: what the import will do"}>
            <Facts items={counts} />
            {run.suppressedCount ? (
              <Notice
                tone="info"
                title={`${n(run.suppressedCount)} ${run.suppressedCount === 1 ? "person is" : "people are"} skipped`}
              >
                {run.suppressedCount === 1 ? "This person" : "These people"} asked for their data to be
                erased, and HR approved it. Their rows are not imported and keep none of their details here
                {committed ? "; the stored file was removed after the import" : ""}.{" "}
                <Link className="underline" to="?show=skipped">
                  See which rows
                </Link>
              </Notice>
            ) : null}
            {!committed ? (
              <p className="mt-4 text-sm text-muted">
                Nothing has been written yet. People are recognised by employee ID (or work email); fields
                someone changed by hand in Comeback are kept and listed as conflicts.
              </p>
            ) : (
              <p className="mt-4 text-sm text-muted">
                Applied <Time iso={run.committedAt} />. Importing the same file again changes nothing.
              </p>
            )}
            <div className="mt-4 flex flex-wrap items-center gap-3">
              {run.status === "checked" || run.status === "failed" ? (
                <Form method="post">
                  <Button
                    type="submit"
                    name="intent"
                    value="commit"
                    busy={
                      navigation.state === "submitting" && navigation.formData?.get("intent") === "commit"
                    }
                    disabled={run.createCount + run.updateCount === 0}
                  >
                    {run.createCount + run.updateCount === 0
                      ? "Nothing to import"
                      : `Import ${n(run.createCount + run.updateCount)} people`}
                  </Button>
                </Form>
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
        ) : null}
        {rows ? (
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
              <div className="overflow-x-auto">
                <table className="w-full text-left text-sm">
                  <caption className="sr-only">Rows of the file with their outcome and problems</caption>
                  <thead className="text-muted">
                    <tr>
                      <th scope="col" className="py-2 pr-3 font-medium">
                        Row
                      </th>
                      <th scope="col" className="py-2 pr-3 font-medium">
                        Person
                      </th>
                      <th scope="col" className="py-2 pr-3 font-medium">
                        Outcome
                      </th>
                      <th scope="col" className="py-2 font-medium">
                        Details
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.rows.map((r) => (
                      <tr key={r.rowNumber} className="border-t border-line align-top">
                        <td className="py-2 pr-3 tabular-nums">{r.rowNumber}</td>
                        <td className="py-2 pr-3">
                          {r.firstName || r.lastName ? (
                            `${r.firstName ?? ""} ${r.lastName ?? ""}`
                          ) : (
                            <span className="text-muted">—</span>
                          )}
                          {r.hrId ? <span className="block text-xs text-muted">{r.hrId}</span> : null}
                          {r.workEmail ? (
                            <span className="block break-all text-xs text-muted">{r.workEmail}</span>
                          ) : null}
                        </td>
                        <td className="py-2 pr-3">
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
                        </td>
                        <td className="py-2">
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
                                  <strong>{columnName(field)}</strong>: kept “{String(c.current ?? "")}”
                                  (edited by hand); the file says “{String(c.incoming ?? "")}”.
                                </li>
                              ))}
                            </ul>
                          ) : null}
                          {r.changes ? (
                            <ul className="space-y-1" aria-label="Fields this update changes">
                              {Object.entries(r.changes).map(([field, c]) => (
                                <li key={field}>
                                  <strong>{FIELD_LABEL[field as ImportField] ?? field}</strong>:{" "}
                                  {shownValue(c.old)} → {shownValue(c.new)}
                                </li>
                              ))}
                            </ul>
                          ) : null}
                          {r.warnings.length ? (
                            <ul className="space-y-1">
                              {r.warnings.map((w, i) => (
                                <li key={i}>
                                  <Badge tone="warn">warning</Badge>{" "}
                                  <strong>{w.column ?? columnName(w.field)}</strong>: {w.message}
                                  {w.value && !w.message.includes(w.value.slice(0, 80)) ? (
                                    <> (the file says “{w.value}”)</>
                                  ) : null}
                                </li>
                              ))}
                            </ul>
                          ) : null}
                          {!r.errors.length &&
                          !r.conflicts &&
                          !r.changes &&
                          !r.warnings.length &&
                          r.exitReasonRaw ? (
                            <span className="text-muted">{r.exitReasonRaw}</span>
                          ) : null}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <Pager page={rows.page} pageCount={rows.pages} search={`?show=${show}`} label="Row pages" />
          </Card>
        ) : null}
        {reasons.length > 0 ? (
          <Card title="Exit reasons in this file">
            <p className="mb-3 text-sm text-muted">
              How the file's wording becomes Comeback's exit reasons (the wording itself is kept on each
              person).
              {unrecognised.length
                ? ` ${unrecognised.length} wording(s) were not recognised and read as “Other”: choose a reason for them.`
                : ""}
            </p>
            <Form method="post">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">
                  Exit reasons as written in the file and as Comeback reads them
                </caption>
                <thead className="text-muted">
                  <tr>
                    <th scope="col" className="py-2 pr-3 font-medium">
                      In the file
                    </th>
                    <th scope="col" className="py-2 pr-3 text-right font-medium">
                      Rows
                    </th>
                    <th scope="col" className="py-2 font-medium">
                      Comeback reason
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {reasons.map((r, i) => (
                    <tr key={r.raw} className="border-t border-line">
                      <th scope="row" className="py-2 pr-3 font-normal">
                        {r.raw}
                      </th>
                      <td className="py-2 pr-3 text-right tabular-nums">{n(r.n)}</td>
                      <td className="py-2">
                        {run.status === "checked" ? (
                          <>
                            <input type="hidden" name="raw" value={r.raw} />
                            <label className="sr-only" htmlFor={`reason-${i}`}>
                              Comeback reason for “{r.raw}”
                            </label>
                            <select
                              id={`reason-${i}`}
                              name="reason"
                              defaultValue={r.reason}
                              className="rounded-md border border-line bg-white px-2 py-1 text-sm"
                            >
                              {EXIT_REASONS.map((reason) => (
                                <option key={reason} value={reason}>
                                  {EXIT_REASON_LABELS[reason]}
                                </option>
                              ))}
                            </select>
                          </>
                        ) : (
                          (EXIT_REASON_LABELS[r.reason] ?? r.reason)
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {run.status === "checked" ? (
                <Button type="submit" name="intent" value="reasons" variant="secondary" className="mt-3">
                  Save reasons and check again
                </Button>
              ) : null}
            </Form>
          </Card>
        ) : null}
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
                        to={`/staff/admin/audit?entityType=ImportRun&entityId=${run.id}`}
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
      </div>
    </>
  );
}
