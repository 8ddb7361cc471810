import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { AlumniFilters } from "~/components/alumni/alumni-filters";
import { AlumniResults } from "~/components/alumni/alumni-results";
import { SavedViews } from "~/components/alumni/saved-views";
import { EmptyState, FilterPanel, PageHeader, Pager } from "~/components/ui";
import {
  ALUMNI_FILTER_KEYS,
  ALUMNI_FILTER_LABELS,
  alumniFilterToSearchParams,
  describeAlumniFilter,
  parseAlumniFilter,
  type AlumniFilter,
} from "~/modules/alumni/alumni-filter";
import { BulkActionSchema, SaveSegmentSchema } from "~/modules/alumni/alumni-schemas";
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
  /** A manager whom no administrator has put in a team yet: their list is empty, and says why. */
  const noTeam = !hr && !actor.teamId;
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
    noTeam,
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
      const input = await parseForm(request, BulkActionSchema);
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
      const input = await parseForm(request, BulkActionSchema);
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

/** How many of the view's filters are in use (the search counts; the sort order does not). */
function filtersInUse(filter: AlumniFilter) {
  return Object.entries(filter).filter(
    ([key, v]) => key !== "sort" && v !== undefined && v !== "" && (!Array.isArray(v) || v.length > 0),
  ).length;
}

export default function AlumniList() {
  const { problem, ignored, hr, noTeam, filter, query, summary, list, options, segments, may } =
    useLoaderData<typeof loader>();
  const formAction = `/staff/alumni?index${query ? `&${query}` : ""}${list.page > 1 ? `&page=${list.page}` : ""}`;

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
        <div className="min-w-0 space-y-6">
          <FilterPanel title="Search and filters" active={filtersInUse(filter)} resultsId="alumni-results">
            <AlumniFilters
              filter={filter}
              options={options}
              hr={hr}
              restricted={may.restricted}
              eligibility={may.eligibility}
            />
          </FilterPanel>
          {hr ? (
            <SavedViews
              segments={segments}
              query={query}
              formAction={formAction}
              canManage={may.segment}
              canStartCampaign={may.campaign}
            />
          ) : null}
        </div>

        <div id="alumni-results" tabIndex={-1} className="min-w-0 outline-none lg:col-span-3">
          <p className="mb-3 text-sm" aria-live="polite">
            <strong>{number.format(list.total)}</strong> {list.total === 1 ? "person" : "people"} · {summary}
          </p>
          {list.rows.length === 0 ? (
            <EmptyState
              title={
                hr
                  ? "Nobody matches this view"
                  : noTeam
                    ? "You are not in a team yet"
                    : "No alumni involve your team yet"
              }
            >
              {noTeam ? (
                "Managers see the former employees whose review or gig contract involves their team. An administrator puts you in a team (Admin, Teams); until then this list stays empty."
              ) : hr ? (
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
            <AlumniResults
              rows={list.rows}
              total={list.total}
              page={list.page}
              query={query}
              formAction={formAction}
              hr={hr}
              may={may}
              decisions={options.decisions}
              problem={problem}
              ignored={ignored}
            />
          )}
          <Pager page={list.page} pageCount={list.pageCount} label="Pages" limit={400} search={query} />
        </div>
      </div>
    </>
  );
}
