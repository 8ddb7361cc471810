import { Form, Link } from "@remix-run/react";
import { Button, CheckboxList, SelectField, TextField } from "~/components/ui";
import { ALUMNI_SORTS, EXIT_REASONS, type AlumniFilter } from "~/modules/alumni/alumni-filter";
import { EXIT_REASON_LABELS } from "~/modules/alumni/exit-reasons";

const SORT_LABELS: Record<(typeof ALUMNI_SORTS)[number], string> = {
  name: "Name (A–Z)",
  "-name": "Name (Z–A)",
  exitDate: "Exit date (oldest first)",
  "-exitDate": "Exit date (newest first)",
  updatedAt: "Last changed (oldest first)",
  "-updatedAt": "Last changed (newest first)",
};

export type AlumniFilterOptions = {
  decisions: { id: string; title: string }[];
  departments: string[];
  locations: string[];
};

/**
 * The alumni list's search and filters: a GET form, so the view lives in the address. HR sees
 * every filter; a manager only those about their team's people. `restricted` adds the
 * do-not-rehire filter, `eligibility` the verdict filter.
 */
export function AlumniFilters({
  filter,
  options,
  hr,
  restricted,
  eligibility,
}: {
  filter: AlumniFilter;
  options: AlumniFilterOptions;
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
        <CheckboxList
          legend="Exit reason"
          name="exitReason"
          id="f-exitReason"
          options={EXIT_REASONS.map((reason) => ({ value: reason, label: EXIT_REASON_LABELS[reason] }))}
          selected={filter.exitReason}
        />
      ) : null}
      {hr && options.decisions.length ? (
        <CheckboxList
          legend="Workforce decision"
          name="decisionId"
          id="f-decisionId"
          searchLabel="Find a decision"
          selected={filter.decisionId}
          options={options.decisions.map((d) => ({ value: d.id, label: d.title }))}
        />
      ) : null}
      {options.departments.length ? (
        <CheckboxList
          legend="Department"
          name="department"
          id="f-department"
          searchLabel="Find a department"
          selected={filter.department}
          options={options.departments.map((d) => ({ value: d, label: d }))}
        />
      ) : null}
      {options.locations.length ? (
        <CheckboxList
          legend="Location"
          name="location"
          id="f-location"
          searchLabel="Find a location"
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
