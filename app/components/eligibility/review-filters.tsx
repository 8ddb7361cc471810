import { Form, Link } from "@remix-run/react";
import { Button, CheckboxList, FilterPanel, SelectField } from "~/components/ui";
import { EXIT_REASON_LABELS, EXIT_REASONS } from "~/modules/alumni/exit-reasons";
import {
  INPUT_LABELS,
  INPUT_STATES,
  NO_DECISION,
  PAGE_SIZES,
  REVIEW_REASON_LABELS,
  REVIEW_REASONS,
  WAITED_DAYS,
  WAITED_LABELS,
  type ReviewFilter,
} from "~/modules/eligibility/review-filter";

const number = new Intl.NumberFormat("en");

export type ReviewFilterOptions = {
  departments: { name: string; count: number }[];
  decisions: { id: string; title: string }[];
};

/** How many of the filters are in use (each list counts once). */
export function activeFilters(filter: ReviewFilter) {
  return Object.values(filter).filter((v) => v !== undefined && (!Array.isArray(v) || v.length > 0)).length;
}

/**
 * The review queue's filters: a GET form, so the view lives in the URL (bookmark it, share it,
 * come back to it after deciding someone). Several choices are tick boxes, never a multi-select.
 */
export function ReviewFilters({
  filter,
  size,
  options,
  resultsId,
}: {
  filter: ReviewFilter;
  size: number;
  options: ReviewFilterOptions;
  resultsId: string;
}) {
  return (
    <FilterPanel title="Filter the queue" active={activeFilters(filter)} resultsId={resultsId}>
      <Form
        method="get"
        className="grid grid-cols-1 gap-6 md:grid-cols-2 xl:grid-cols-4"
        aria-label="Filter the queue"
      >
        <CheckboxList
          legend="What sent them to review"
          name="reason"
          id="filter-reason"
          options={REVIEW_REASONS.map((r) => ({ value: r, label: REVIEW_REASON_LABELS[r] }))}
          selected={filter.reason}
        />
        <CheckboxList
          legend="Exit reason"
          name="exitReason"
          id="filter-exit-reason"
          columns={2}
          options={EXIT_REASONS.map((r) => ({ value: r, label: EXIT_REASON_LABELS[r] }))}
          selected={filter.exitReason}
        />
        <div className="grid grid-cols-1 content-start gap-4 sm:grid-cols-2 md:col-span-2">
          <SelectField
            label="Workforce decision"
            name="decisionId"
            id="filter-decision"
            defaultValue={filter.decisionId ?? ""}
            options={[
              { value: "", label: "Any" },
              { value: NO_DECISION, label: "Left under no recorded decision" },
              ...options.decisions.map((d) => ({ value: d.id, label: d.title })),
            ]}
          />
          <SelectField
            label="Department"
            name="department"
            id="filter-department"
            defaultValue={filter.department ?? ""}
            options={[
              { value: "", label: "Any" },
              ...options.departments.map((d) => ({
                value: d.name,
                label: `${d.name} (${number.format(d.count)} waiting)`,
              })),
            ]}
          />
          <SelectField
            label="Waiting for"
            name="waited"
            id="filter-waited"
            defaultValue={filter.waited ? String(filter.waited) : ""}
            options={[
              { value: "", label: "Any time" },
              ...WAITED_DAYS.map((d) => ({ value: String(d), label: WAITED_LABELS[d] })),
            ]}
          />
          <SelectField
            label="Manager input"
            name="input"
            id="filter-input"
            defaultValue={filter.input ?? ""}
            options={[
              { value: "", label: "Any" },
              ...INPUT_STATES.map((s) => ({ value: s, label: INPUT_LABELS[s] })),
            ]}
          />
          <SelectField
            label="People per page"
            name="size"
            id="filter-size"
            defaultValue={String(size)}
            options={PAGE_SIZES.map((s) => ({ value: String(s), label: String(s) }))}
          />
        </div>
        <div className="flex flex-wrap items-center gap-4 md:col-span-2 xl:col-span-4">
          <Button type="submit">Show people</Button>
          <Link to="/staff/eligibility/reviews" className="text-sm text-brand underline">
            Clear the filters
          </Link>
        </div>
      </Form>
    </FilterPanel>
  );
}
