import { Link } from "@remix-run/react";
import { useState } from "react";
import { OutcomeBadge } from "~/components/eligibility/outcome-badge";
import { ActionNotice } from "~/components/form";
import {
  Badge,
  Button,
  Card,
  IgnoredNotice,
  Notice,
  SelectField,
  Table,
  TextField,
  type Column,
} from "~/components/ui";
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
 * ticked rows or the whole view, above one row per person. A native form, so the bulk actions
 * post without JavaScript. Rows stack as cards below `lg`, so a phone never scrolls sideways.
 */
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
    <form method="post" action={formAction} className="space-y-4">
      <input type="hidden" name="view" value={query} />
      {bulk ? (
        <Card title="With the people below">
          {problem ? <Notice tone="error">{problem}</Notice> : null}
          <IgnoredNotice names={ignored} />
          <ActionNotice intent="tag" />
          <ActionNotice intent="link-decision" />
          <fieldset className="mb-3 flex flex-wrap gap-4 text-sm">
            <legend className="sr-only">Who</legend>
            <label className="flex items-center gap-2">
              <input type="radio" name="scope" value="selected" defaultChecked />
              The people I ticked{ticked.size ? ` (${ticked.size} on this page)` : ""}
            </label>
            <label className="flex items-center gap-2">
              <input type="radio" name="scope" value="view" />
              Everyone in this view ({number.format(total)})
            </label>
          </fieldset>
          <div className="flex flex-wrap items-end gap-3">
            {may.tag ? (
              <div className="flex items-end gap-2">
                <TextField label="Tag" name="tag" maxLength={60} className="w-40" />
                <select
                  name="mode"
                  aria-label="Add or remove the tag"
                  className="rounded-md border border-line bg-white px-2 py-2 text-sm"
                  defaultValue="add"
                >
                  <option value="add">Add</option>
                  <option value="remove">Remove</option>
                </select>
                <Button type="submit" name="intent" value="tag" variant="secondary">
                  Apply tag
                </Button>
              </div>
            ) : null}
            {may.link && decisions.length ? (
              <div className="flex min-w-0 items-end gap-2">
                <SelectField
                  label="Workforce decision"
                  name="decisionId"
                  options={[
                    { value: "", label: "Choose…" },
                    ...decisions.map((d) => ({ value: d.id, label: d.title })),
                  ]}
                  className="w-64 max-w-full"
                />
                <Button type="submit" name="intent" value="link-decision" variant="secondary">
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
