import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { ImportStatusBadge, SameFileNotice } from "~/components/import-status";
import {
  DryRunCard,
  ExitReasonsCard,
  ImportAuditCard,
  ImportProgress,
  ImportRowsCard,
} from "~/components/imports/import-sections";
import { Time } from "~/components/time";
import { Card, IgnoredNotice, Notice, PageHeader } from "~/components/ui";
import { setImportReasons } from "~/modules/imports/configure-import.server";
import { startImportCommit } from "~/modules/imports/commit-import.server";
import type { ExitReason } from "~/modules/alumni/exit-reasons";
import { getImport } from "~/modules/imports/get-import.server";
import { listImportReasons, listImportRows } from "~/modules/imports/list-imports.server";
import {
  CommitImportSchema,
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
    await parseForm(request, CommitImportSchema);
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

export default function ImportDetail() {
  const { run, job, decision, events, rows, show, reasons, canReadAudit, sameFile, ignored } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const revalidator = useRevalidator();
  const running = RUNNING.has(run.status);
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => {
      if (revalidator.state === "idle" && document.visibilityState === "visible") revalidator.revalidate();
    }, 1500);
    return () => clearInterval(timer);
  }, [running, revalidator]);
  // The reasons form says its own outcome; the commit's form goes once the import runs, so its
  // outcome is said here.
  const pageAnswer = actionData && actionData.intent !== "reasons" ? actionData : undefined;
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
        {pageAnswer?.ok ? (
          <Notice tone="success">{pageAnswer.message}</Notice>
        ) : pageAnswer ? (
          <Notice tone="error">{pageAnswer.error.message}</Notice>
        ) : null}
        <SameFileNotice sameFile={sameFile} />
        {running ? (
          <Card>
            <ImportProgress job={job} status={run.status} />
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
          <DryRunCard run={run} />
        ) : null}
        {rows ? <ImportRowsCard run={run} rows={rows} show={show} /> : null}
        {reasons.length > 0 ? (
          <ExitReasonsCard reasons={reasons} editable={run.status === "checked"} />
        ) : null}
        <ImportAuditCard runId={run.id} events={events} canReadAudit={canReadAudit} />
      </div>
    </>
  );
}
