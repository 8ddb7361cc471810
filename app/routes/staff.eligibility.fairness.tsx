import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { FairnessTable, percent as pct } from "~/components/eligibility/fairness-table";
import { Button, Card, EmptyState, IgnoredNotice, PageHeader, SelectField } from "~/components/ui";
import { FOUR_FIFTHS, MIN_GROUP } from "~/modules/eligibility/fairness";
import {
  availableFairnessAttributes,
  FAIRNESS_ATTRIBUTES,
  fairnessReport,
  isFairnessAttribute,
} from "~/modules/eligibility/fairness.server";
import { requirePermission } from "~/platform/auth.server";
import { defineLoader, parseFilters } from "~/platform/http.server";

export const meta: MetaFunction = () => [{ title: "Fairness check · Eligibility · Comeback" }];

const QuerySchema = z.object({ by: z.string().max(40).optional() });
const LABELS = { by: "grouping" } as const;

export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  await requirePermission(request, "read:fairness");
  const { values, ignored } = parseFilters(request, QuerySchema);
  const { by } = values;
  const available = await availableFairnessAttributes();
  const attribute = by && isFairnessAttribute(by) && available.includes(by) ? by : available[0];
  const report = attribute ? await fairnessReport({ attribute }) : null;
  return {
    available: available.map((a) => ({ value: a, label: FAIRNESS_ATTRIBUTES[a].label })),
    attribute: attribute ?? null,
    report,
    ignored: ignored.map((i) => LABELS[i.name as keyof typeof LABELS] ?? i.name),
  };
});

const number = new Intl.NumberFormat("en");

export default function Fairness() {
  const { available, attribute, report, ignored } = useLoaderData<typeof loader>();
  return (
    <>
      <p className="mb-2 text-sm">
        <Link to="/staff/eligibility" className="text-brand underline">
          ← Eligibility
        </Link>
      </p>
      <PageHeader
        title="Fairness check"
        description={`Eligibility rates by group, with HR decisions counted. A group whose rate is below ${FOUR_FIFTHS * 100}% of the highest group's is flagged (the four-fifths rule of thumb for adverse impact). Groups under ${MIN_GROUP} people are shown but not flagged: their rates swing too much to read.`}
      />
      {ignored.length ? (
        <div className="mb-4">
          <IgnoredNotice names={ignored} />
        </div>
      ) : null}
      {!report ? (
        <EmptyState title="Nothing to compare yet">
          Once people have verdicts, their eligibility rates by decision, department, location and any other
          recorded attribute appear here.
        </EmptyState>
      ) : (
        <Card>
          <Form method="get" className="mb-4 flex flex-wrap items-end gap-3">
            <SelectField name="by" label="Group by" defaultValue={attribute ?? ""} options={available} />
            <Button type="submit" variant="secondary">
              Show
            </Button>
          </Form>
          <p className="mb-3 text-sm text-muted">
            {number.format(report.people)} people with a verdict
            {report.withoutVerdict
              ? `; ${number.format(report.withoutVerdict)} without one yet (not counted)`
              : ""}
            .{" "}
            {report.reference !== null
              ? `Highest rate: ${report.reference || "Not recorded"} (${pct(report.referenceRate)}).`
              : `No group has ${MIN_GROUP} or more people, so none is flagged.`}
          </p>
          <FairnessTable label={report.label} groups={report.groups} />
        </Card>
      )}
    </>
  );
}
