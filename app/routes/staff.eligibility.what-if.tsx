import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { z } from "zod";
import { WhatIfPeopleTable } from "~/components/eligibility/what-if-people";
import { WhatIfProgress } from "~/components/eligibility/what-if-progress";
import {
  Button,
  Card,
  EmptyState,
  IgnoredNotice,
  Notice,
  PageHeader,
  Pager,
  SelectField,
} from "~/components/ui";
import { getDraftPolicy } from "~/modules/eligibility/policies.server";
import { getWhatIfState, GROUPS, pageOfChanges } from "~/modules/eligibility/what-if.server";
import { requirePermission } from "~/platform/auth.server";
import { db } from "~/platform/db.server";
import { defineLoader, parseFilters } from "~/platform/http.server";
import { pageNumber } from "~/platform/input";

export const meta: MetaFunction = () => [{ title: "People affected by the draft · Eligibility · Comeback" }];

const QuerySchema = z.object({
  page: pageNumber.default(1),
  direction: z
    .enum(["more", "less", ""])
    .optional()
    .transform((v) => v || undefined),
  group: z.enum(GROUPS).optional(),
  value: z.string().max(200).optional(),
});
const LABELS = {
  page: "page number",
  direction: "direction",
  group: "grouping",
  value: "group value",
} as const;

export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  await requirePermission(request, "edit:eligibility-policy");
  const { values: query, ignored: dropped } = parseFilters(request, QuerySchema);
  const ignored = dropped.map((i) => LABELS[i.name as keyof typeof LABELS] ?? i.name);
  const draft = await getDraftPolicy(db);
  // Only the draft's current revision's what-if (ADR 087); its people are paged in SQL.
  const whatIf = await getWhatIfState(db, draft);
  if (whatIf.state !== "ready") return { draft: !!draft, query, ignored, whatIf, list: null };
  return {
    draft: true,
    query,
    ignored,
    whatIf: { state: whatIf.state },
    list: {
      changed: whatIf.summary.changed,
      ...(await pageOfChanges(db, whatIf, { ...query, pageSize: 50 })),
    },
  };
});

export default function WhatIfPeople() {
  const data = useLoaderData<typeof loader>();
  const location = useLocation();
  return (
    <>
      <p className="mb-2 text-sm">
        <Link to="/staff/eligibility/draft" className="text-brand underline">
          ← Draft policy
        </Link>
      </p>
      <PageHeader
        title="People whose verdict the draft would change"
        description="Compared with their current computed verdict. Nothing changes until the draft is published."
      />
      {data.ignored.length ? (
        <div className="mb-4">
          <IgnoredNotice names={data.ignored} />
        </div>
      ) : null}
      {!data.draft ? (
        <EmptyState title="There is no draft">
          Save a draft policy first; the people it would affect are listed here.
        </EmptyState>
      ) : data.whatIf.state === "working" ? (
        <Card>
          <WhatIfProgress percent={data.whatIf.percent} done={data.whatIf.done} total={data.whatIf.total} />
        </Card>
      ) : !data.list ? (
        <Notice tone="error">
          {data.whatIf.state === "failed" ? data.whatIf.message : "The what-if could not be read."}
        </Notice>
      ) : (
        <Card>
          <Form method="get" className="mb-4 flex flex-wrap items-end gap-3">
            <SelectField
              name="direction"
              label="Direction"
              defaultValue={data.query.direction ?? ""}
              options={[
                { value: "", label: "Both directions" },
                { value: "more", label: "More eligible" },
                { value: "less", label: "Less eligible" },
              ]}
            />
            {data.query.group ? <input type="hidden" name="group" value={data.query.group} /> : null}
            {data.query.value !== undefined ? (
              <input type="hidden" name="value" value={data.query.value} />
            ) : null}
            <Button type="submit" variant="secondary">
              Show
            </Button>
            {data.query.group ? (
              <p className="text-sm">
                Only {data.query.group}: <strong>{data.query.value || "Not recorded"}</strong>.{" "}
                <Link className="text-brand underline" to="/staff/eligibility/what-if">
                  Show everyone
                </Link>
              </p>
            ) : null}
          </Form>
          <p className="mb-2 text-sm text-muted">
            {data.list.total.toLocaleString("en-GB")} of {data.list.changed.toLocaleString("en-GB")} people
            affected.
          </p>
          {data.list.items.length === 0 ? (
            <EmptyState title="Nobody here">No verdict would change for this selection.</EmptyState>
          ) : (
            <WhatIfPeopleTable changes={data.list.items} />
          )}
          <Pager
            page={data.list.page}
            pageCount={data.list.pageCount}
            search={location.search}
            label="Pages of affected people"
          />
        </Card>
      )}
    </>
  );
}
