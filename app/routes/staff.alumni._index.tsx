import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { useState, type ReactNode, type SelectHTMLAttributes } from "react";
import { z } from "zod";
import { ActionNotice } from "~/components/form";
import { OutcomeBadge } from "~/components/eligibility/outcome-badge";
import {
  IgnoredNotice,
  Notice,
  Badge,
  Button,
  Card,
  EmptyState,
  PageHeader,
  SelectField,
  TextField,
  cx,
} from "~/components/ui";
import {
  ALUMNI_FILTER_KEYS,
  ALUMNI_FILTER_LABELS,
  ALUMNI_SORTS,
  EXIT_REASONS,
  alumniFilterToSearchParams,
  describeAlumniFilter,
  parseAlumniFilter,
  type AlumniFilter,
} from "~/modules/alumni/alumni-filter";
import { BulkLinkSchema, BulkTagSchema, SaveSegmentSchema } from "~/modules/alumni/alumni-schemas";
import { alumniAccess, canSeeRestricted } from "~/modules/alumni/alumni-scope.server";
import { alumniFilterOptions, listAlumni, viewableFilter } from "~/modules/alumni/list-alumni.server";
import { listSegments, saveSegment } from "~/modules/alumni/segments.server";
import { tagAlumni } from "~/modules/alumni/tag-alumni.server";
import { linkAlumniToDecision } from "~/modules/decisions/link-alumni-to-decision.server";
import { requireAnyPermission, requirePermission } from "~/platform/auth.server";
import {
  defineAction,
  defineLoader,
  parseFilters,
  parseForm,
  parseIntent,
  queryOf,
} from "~/platform/http.server";
import { pageNumber } from "~/platform/input";
import { can } from "~/platform/permissions";

export const meta: MetaFunction = () => [{ title: "Alumni · Comeback" }];

/** The list's own parameters besides the filters: paging, a problem sent back by an export, and what a redirect left out. */
const ListExtrasSchema = z.object({
  page: pageNumber.default(1),
  problem: z.enum(["export-none-ticked"]).optional(),
  ignored: z
    .array(z.enum([...ALUMNI_FILTER_KEYS, "page"]))
    .max(20)
    .optional(),
});

export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireAnyPermission(request, ["read:alumnus:any", "read:alumnus:team"]);
  const current = queryOf(request);
  const dropped: (keyof AlumniFilter)[] = [];
  const parsed = parseAlumniFilter(current, dropped);
  const filter = viewableFilter(actor, parsed);
  const { values: extras, ignored } = parseFilters(current, ListExtrasSchema);
  const { page, problem } = extras;
  // One address per view: the filter form's empty fields, unknown keys and malformed values are
  // dropped, and keys come in a stable order, so links and bookmarks are clean. (Filters this
  // viewer may not use stay in the address and are ignored: a shared link means the same to all.)
  // What was dropped for being malformed is named on the page (`ignored`).
  const leftOut = [
    ...new Set([
      ...(extras.ignored ?? []),
      ...dropped,
      ...ignored.map((i) => i.name).filter((n) => n === "page"),
    ]),
  ].sort();
  const canonical = alumniFilterToSearchParams(parsed);
  if (page > 1) canonical.set("page", String(page));
  for (const key of ["problem", "ignored"]) current.delete(key);
  if (request.method === "GET" && current.toString() !== canonical.toString()) {
    if (problem) canonical.set("problem", problem);
    for (const name of leftOut) canonical.append("ignored", name);
    throw redirect(`/staff/alumni${canonical.size ? `?${canonical}` : ""}`);
  }
  const hr = alumniAccess(actor) === "any";
  const [list, options, segments] = await Promise.all([
    listAlumni({ actor, filter, page }),
    alumniFilterOptions({ actor }),
    hr ? listSegments() : Promise.resolve([]),
  ]);
  const decisions = Object.fromEntries(options.decisions.map((d) => [d.id, d.title]));
  return {
    problem:
      problem === "export-none-ticked"
        ? "Tick at least one person to export, or choose “Everyone in this view”."
        : null,
    ignored: leftOut.map((name) => (name === "page" ? "page number" : ALUMNI_FILTER_LABELS[name])),
    hr,
    filter,
    query: alumniFilterToSearchParams(filter).toString(),
    summary: describeAlumniFilter(filter, { decisions }),
    list: {
      ...list,
      rows: list.rows.map(({ decisionId, ...r }) => ({
        ...r,
        exitDate: r.exitDate ? r.exitDate.toISOString().slice(0, 10) : null,
        decision: decisionId
          ? { id: decisionId, title: decisions[decisionId] ?? "A workforce decision" }
          : null,
      })),
    },
    options,
    segments,
    may: {
      restricted: canSeeRestricted(actor),
      eligibility: can(actor, "read:eligibility"),
      tag: can(actor, "edit:alumnus:any"),
      link: can(actor, "manage:decision"),
      export: hr && can(actor, "export:alumni"),
      segment: can(actor, "manage:segment"),
      campaign: can(actor, "manage:campaign"),
    },
  };
});

export const action = defineAction(async ({ request }: ActionFunctionArgs) => {
  await requirePermission(request, "read:alumnus:any");
  const intent = await parseIntent(request, ["tag", "link-decision", "save-segment"]);
  switch (intent) {
    case "tag": {
      const actor = await requirePermission(request, "edit:alumnus:any");
      const input = await parseForm(request, BulkTagSchema);
      const result = await tagAlumni({ actor, selection: input, tag: input.tag, mode: input.mode });
      const verb = input.mode === "remove" ? "removed from" : "added to";
      return {
        ok: true as const,
        intent,
        message: `Tag “${input.tag}” ${verb} ${result.changed} ${result.changed === 1 ? "person" : "people"}${result.changed < result.selected ? ` (${result.selected - result.changed} already ${input.mode === "remove" ? "without it" : "had it"})` : ""}.`,
      };
    }
    case "link-decision": {
      const actor = await requirePermission(request, "manage:decision");
      const input = await parseForm(request, BulkLinkSchema);
      const result = await linkAlumniToDecision({ actor, selection: input, decisionId: input.decisionId });
      return {
        ok: true as const,
        intent,
        message: `${result.changed} ${result.changed === 1 ? "person" : "people"} linked to “${result.decision.title}”${result.changed < result.selected ? ` (${result.selected - result.changed} were already linked)` : ""}.`,
      };
    }
    case "save-segment": {
      const actor = await requirePermission(request, "manage:segment");
      const input = await parseForm(request, SaveSegmentSchema);
      const segment = await saveSegment({ actor, ...input });
      return { ok: true as const, intent, message: `View saved as “${segment.name}”.` };
    }
  }
});

const number = new Intl.NumberFormat("en");
const label = (value: string) => value.replaceAll("_", " ").replace(/^./, (c) => c.toUpperCase());
const SORT_LABELS: Record<(typeof ALUMNI_SORTS)[number], string> = {
  name: "Name (A–Z)",
  "-name": "Name (Z–A)",
  exitDate: "Exit date (oldest first)",
  "-exitDate": "Exit date (newest first)",
  updatedAt: "Last changed (oldest first)",
  "-updatedAt": "Last changed (newest first)",
};

function MultiSelect({
  label: text,
  name,
  options,
  selected,
  ...rest
}: {
  label: string;
  name: string;
  options: { value: string; label: string }[];
  selected?: string[];
} & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <div>
      <label htmlFor={`f-${name}`} className="block text-sm font-medium">
        {text}
      </label>
      <p id={`f-${name}-hint`} className="text-xs text-muted">
        Hold Ctrl (⌘ on a Mac) to choose several.
      </p>
      <select
        id={`f-${name}`}
        aria-describedby={`f-${name}-hint`}
        name={name}
        multiple
        size={Math.min(4, Math.max(2, options.length))}
        defaultValue={selected ?? []}
        className="mt-1 block w-full rounded-md border border-line bg-white px-2 py-1 text-sm"
        {...rest}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function FilterForm({
  filter,
  options,
  hr,
  restricted,
  eligibility,
}: {
  filter: AlumniFilter;
  options: { decisions: { id: string; title: string }[]; departments: string[]; locations: string[] };
  hr: boolean;
  restricted: boolean;
  eligibility: boolean;
}) {
  const any = (v: string | undefined) => v ?? "";
  return (
    <Form method="get" className="space-y-4" role="search" aria-label="Search and filter alumni">
      <TextField
        label="Search"
        name="q"
        type="search"
        defaultValue={filter.q}
        hint="Name, email, job title or skill"
      />
      {hr ? (
        <fieldset>
          <legend className="text-sm font-medium">Exit reason</legend>
          <div className="mt-1 grid grid-cols-1 gap-1">
            {EXIT_REASONS.map((reason) => (
              <label key={reason} className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  name="exitReason"
                  value={reason}
                  defaultChecked={filter.exitReason?.includes(reason)}
                />
                {label(reason)}
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
      {hr && options.decisions.length ? (
        <MultiSelect
          label="Workforce decision"
          name="decisionId"
          selected={filter.decisionId}
          options={options.decisions.map((d) => ({ value: d.id, label: d.title }))}
        />
      ) : null}
      {options.departments.length ? (
        <MultiSelect
          label="Department"
          name="department"
          selected={filter.department}
          options={options.departments.map((d) => ({ value: d, label: d }))}
        />
      ) : null}
      {options.locations.length ? (
        <MultiSelect
          label="Location"
          name="location"
          selected={filter.location}
          options={options.locations.map((d) => ({ value: d, label: d }))}
        />
      ) : null}
      {hr ? (
        <>
          <TextField label="Tag" name="tag" defaultValue={filter.tag?.[0]} />
          <div className="grid grid-cols-2 gap-2">
            <TextField label="Left from" name="exitFrom" type="date" defaultValue={filter.exitFrom} />
            <TextField label="Left until" name="exitTo" type="date" defaultValue={filter.exitTo} />
          </div>
          <SelectField
            label="HR system rehire flag"
            name="rehire"
            defaultValue={filter.rehire?.length === 1 ? filter.rehire[0] : ""}
            options={[
              { value: "", label: "Any" },
              { value: "yes", label: "Yes" },
              { value: "review", label: "Upon review" },
              { value: "no", label: "No" },
              { value: "unknown", label: "Not recorded" },
            ]}
          />
          <SelectField
            label="Contact consent (return opportunities)"
            name="consent"
            defaultValue={any(filter.consent)}
            options={[
              { value: "", label: "Any" },
              { value: "granted", label: "Granted" },
              { value: "unknown", label: "Not asked yet" },
              { value: "withdrawn", label: "Withdrawn" },
            ]}
          />
          <SelectField
            label="Regrettable loss"
            name="regrettable"
            defaultValue={any(filter.regrettable)}
            options={[
              { value: "", label: "Any" },
              { value: "yes", label: "Yes" },
              { value: "no", label: "No" },
            ]}
          />
        </>
      ) : null}
      <SelectField
        label="Availability"
        name="available"
        defaultValue={any(filter.available)}
        options={[
          { value: "", label: "Any" },
          { value: "yes", label: "Has told us when they can work" },
          { value: "no", label: "No availability given" },
        ]}
      />
      {eligibility ? (
        <SelectField
          label="Rehire eligibility"
          name="eligibility"
          defaultValue={filter.eligibility?.length === 1 ? filter.eligibility[0] : ""}
          options={[
            { value: "", label: "Any" },
            { value: "eligible", label: "Eligible" },
            { value: "needs_review", label: "Needs review" },
            { value: "not_eligible", label: "Not eligible" },
            { value: "none", label: "No verdict yet" },
          ]}
        />
      ) : null}
      {restricted ? (
        <SelectField
          label="Do not rehire"
          name="doNotRehire"
          defaultValue={any(filter.doNotRehire)}
          options={[
            { value: "", label: "Any" },
            { value: "yes", label: "Marked do not rehire" },
            { value: "no", label: "Not marked" },
          ]}
        />
      ) : null}
      <SelectField
        label="Sort by"
        name="sort"
        defaultValue={filter.sort ?? "name"}
        options={ALUMNI_SORTS.filter((s) => hr || !s.includes("exitDate")).map((s) => ({
          value: s,
          label: SORT_LABELS[s],
        }))}
      />
      <div className="flex gap-2">
        <Button type="submit">Apply</Button>
        <Link
          to="/staff/alumni"
          className="rounded-md px-4 py-2 text-sm font-medium text-brand ring-1 ring-line hover:bg-brand-soft"
        >
          Clear
        </Link>
      </div>
    </Form>
  );
}

function Pagination({ page, pageCount, query }: { page: number; pageCount: number; query: string }) {
  if (pageCount <= 1) return null;
  const href = (p: number) => `/staff/alumni?${query ? `${query}&` : ""}page=${p}`;
  const last = Math.min(pageCount, 400);
  return (
    <nav aria-label="Pages" className="mt-4 flex items-center justify-between text-sm">
      {page > 1 ? (
        <Link to={href(page - 1)} className="text-brand underline" rel="prev">
          ← Previous
        </Link>
      ) : (
        <span />
      )}
      <span>
        Page {number.format(page)} of {number.format(pageCount)}
        {pageCount > 400 ? " (narrow the view to see beyond page 400)" : ""}
      </span>
      {page < last ? (
        <Link to={href(page + 1)} className="text-brand underline" rel="next">
          Next →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}

function Th({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <th scope="col" className={cx("py-2 pr-3 font-medium", className)}>
      {children}
    </th>
  );
}

export default function AlumniList() {
  const { problem, ignored, hr, filter, query, summary, list, options, segments, may } =
    useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const [ticked, setTicked] = useState<Set<string>>(new Set());
  const bulk = hr && (may.tag || may.link || may.export);
  const formAction = `/staff/alumni?index${query ? `&${query}` : ""}${list.page > 1 ? `&page=${list.page}` : ""}`;
  const allTicked = list.rows.length > 0 && list.rows.every((r) => ticked.has(r.id));
  const toggle = (id: string, on: boolean) =>
    setTicked((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <>
      <PageHeader
        title="Alumni"
        description={
          hr
            ? "Everyone who has left, with the decision they left under. Search and filters live in the address, so a view can be bookmarked or shared."
            : "Former employees whose review or contract involves your team."
        }
        actions={
          may.export ? (
            <a
              href={`/staff/alumni/export${query ? `?${query}` : ""}`}
              className="rounded-md px-4 py-2 text-sm font-medium text-brand ring-1 ring-line hover:bg-brand-soft"
              download
            >
              Export this view (CSV)
            </a>
          ) : null
        }
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-4">
        <div className="space-y-6">
          <Card title="Filters">
            <FilterForm
              filter={filter}
              options={options}
              hr={hr}
              restricted={may.restricted}
              eligibility={may.eligibility}
            />
          </Card>
          {hr ? (
            <Card
              title="Saved views"
              actions={
                may.segment && segments.length ? (
                  <Link to="/staff/alumni/views" className="text-sm text-brand underline">
                    Manage
                  </Link>
                ) : null
              }
            >
              {segments.length === 0 ? (
                <p className="text-sm text-muted">
                  Views you save appear here, and can be used as campaign audiences.
                </p>
              ) : (
                <ul className="space-y-2 text-sm">
                  {segments.map((s) => (
                    <li key={s.id}>
                      <Link
                        to={`/staff/alumni${s.query ? `?${s.query}` : ""}`}
                        className={cx("text-brand underline", s.query === query && "font-semibold")}
                      >
                        {s.name}
                      </Link>
                      <p className="text-xs text-muted">{s.summary}</p>
                      {may.campaign ? (
                        <Link
                          to={`/staff/campaigns/new?segment=${encodeURIComponent(s.id)}`}
                          className="text-xs text-brand underline"
                        >
                          Start a campaign to this view<span className="sr-only"> ({s.name})</span>
                        </Link>
                      ) : null}
                    </li>
                  ))}
                </ul>
              )}
              {may.segment ? (
                <Form method="post" action={formAction} className="mt-4 space-y-2 border-t border-line pt-4">
                  <ActionNotice intent="save-segment" />
                  <input type="hidden" name="view" value={query} />
                  <TextField label="Save this view as" name="name" required maxLength={80} />
                  <TextField label="Description (optional)" name="description" maxLength={300} />
                  <Button
                    type="submit"
                    name="intent"
                    value="save-segment"
                    variant="secondary"
                    busy={
                      navigation.state === "submitting" &&
                      navigation.formData?.get("intent") === "save-segment"
                    }
                  >
                    Save view
                  </Button>
                </Form>
              ) : null}
            </Card>
          ) : null}
        </div>

        <div className="lg:col-span-3">
          <p className="mb-3 text-sm" aria-live="polite">
            <strong>{number.format(list.total)}</strong> {list.total === 1 ? "person" : "people"} · {summary}
          </p>
          {list.rows.length === 0 ? (
            <EmptyState title={hr ? "Nobody matches this view" : "No alumni involve your team yet"}>
              {hr ? (
                <>
                  Try fewer filters or another spelling. People arrive in the pool through{" "}
                  <Link to="/staff/imports" className="text-brand underline">
                    imports
                  </Link>{" "}
                  from the HR system.
                </>
              ) : (
                "Alumni appear here when a review or a gig contract involves your team."
              )}
            </EmptyState>
          ) : (
            // A native form: bulk actions post the ticked rows (or the whole view) without JavaScript,
            // and the export button downloads the file.
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
                      Everyone in this view ({number.format(list.total)})
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
                    {may.link && options.decisions.length ? (
                      <div className="flex items-end gap-2">
                        <SelectField
                          label="Workforce decision"
                          name="decisionId"
                          options={[
                            { value: "", label: "Choose…" },
                            ...options.decisions.map((d) => ({ value: d.id, label: d.title })),
                          ]}
                          className="w-64"
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
              <div className="overflow-x-auto rounded-lg border border-line bg-white p-3">
                <table className="w-full text-left text-sm">
                  <caption className="sr-only">Alumni matching the view, page {list.page}</caption>
                  <thead className="text-muted">
                    <tr>
                      {bulk ? (
                        <th scope="col" className="py-2 pr-2">
                          <input
                            type="checkbox"
                            aria-label="Tick everyone on this page"
                            checked={allTicked}
                            onChange={(e) => {
                              const on = e.currentTarget.checked;
                              setTicked(on ? new Set(list.rows.map((r) => r.id)) : new Set());
                            }}
                          />
                        </th>
                      ) : null}
                      <Th>Name</Th>
                      <Th>Job title</Th>
                      <Th>Location</Th>
                      {hr ? <Th>Exit</Th> : null}
                      {hr ? <Th>Decision</Th> : null}
                      {hr ? <Th>Tags</Th> : null}
                    </tr>
                  </thead>
                  <tbody>
                    {list.rows.map((r) => (
                      <tr key={r.id} className="border-t border-line align-top">
                        {bulk ? (
                          <td className="py-2 pr-2">
                            <input
                              type="checkbox"
                              name="alumnusId"
                              value={r.id}
                              aria-label={`Tick ${r.firstName} ${r.lastName}`}
                              checked={ticked.has(r.id)}
                              onChange={(e) => toggle(r.id, e.currentTarget.checked)}
                            />
                          </td>
                        ) : null}
                        <th scope="row" className="py-2 pr-3 font-normal">
                          <Link to={`/staff/alumni/${r.id}`} className="text-brand underline">
                            {r.preferredName || r.firstName} {r.lastName}
                          </Link>
                          {r.workEmail ? <p className="break-all text-xs text-muted">{r.workEmail}</p> : null}
                          <div className="mt-1 flex flex-wrap gap-1">
                            {r.regrettable ? <Badge tone="warn">Regrettable</Badge> : null}
                            {r.doNotRehire ? <Badge tone="bad">Do not rehire</Badge> : null}
                            {r.consentReturn === "granted" ? (
                              <Badge tone="good">Open to contact</Badge>
                            ) : null}
                            {r.eligibility !== undefined ? <OutcomeBadge outcome={r.eligibility} /> : null}
                          </div>
                        </th>
                        <td className="py-2 pr-3">
                          {r.jobTitle ?? "—"}
                          {r.department ? <p className="text-xs text-muted">{r.department}</p> : null}
                        </td>
                        <td className="py-2 pr-3">{r.location ?? "—"}</td>
                        {hr ? (
                          <td className="py-2 pr-3">
                            {r.exitDate ?? "—"}
                            {r.exitReason ? (
                              <p className="text-xs text-muted">{label(r.exitReason)}</p>
                            ) : null}
                          </td>
                        ) : null}
                        {hr ? (
                          <td className="py-2 pr-3">
                            {r.decision ? (
                              <Link to={`/staff/decisions/${r.decision.id}`} className="text-brand underline">
                                {r.decision.title}
                              </Link>
                            ) : (
                              <span className="text-muted">—</span>
                            )}
                          </td>
                        ) : null}
                        {hr ? (
                          <td className="py-2 pr-3">
                            <div className="flex flex-wrap gap-1">
                              {r.tags.map((t) => (
                                <Badge key={t} tone="brand">
                                  {t}
                                </Badge>
                              ))}
                            </div>
                          </td>
                        ) : null}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </form>
          )}
          <Pagination page={list.page} pageCount={list.pageCount} query={query} />
        </div>
      </div>
    </>
  );
}
