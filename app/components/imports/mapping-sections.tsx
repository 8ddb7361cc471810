import { Form } from "@remix-run/react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { Badge, Button, Card, FieldError, SelectField, Table, TextField, type Option } from "~/components/ui";
import { DATE_FORMAT_LABEL, DATE_FORMATS, type DateFormat } from "~/modules/imports/convert";
import { IMPORT_FIELDS, IMPORT_SYSTEMS, SYSTEM_LABEL, type ImportField } from "~/modules/imports/fields";
import { columnFieldName } from "~/modules/imports/schemas";

/**
 * The import's mapping step, in sections: the saved-mapping picker, the column for each field,
 * how values are read, and the first rows read with the mapping. Each field's choice stacks as
 * a card on phones (label and hint, then a full-width select and the first value found), so the
 * selects are never squeezed beside a long hint.
 */

/** Chooses a saved mapping (a GET form: the choice lives in the URL). */
export function SavedMappingPicker({
  mappings,
  chosenId,
}: {
  mappings: { id: string; name: string }[];
  chosenId: string | null;
}) {
  if (mappings.length === 0) return null;
  return (
    <Card title="Start from a saved mapping">
      <Form method="get" className="flex flex-wrap items-end gap-3">
        <div className="w-full sm:w-auto sm:min-w-72">
          <SelectField
            label="Saved mapping"
            name="mappingId"
            defaultValue={chosenId ?? ""}
            options={[
              { value: "", label: "Suggested from the column names" },
              ...mappings.map((m) => ({ value: m.id, label: m.name })),
            ]}
          />
        </div>
        <Button type="submit" variant="secondary">
          Use this mapping
        </Button>
      </Form>
    </Card>
  );
}

/** What `useValidatedForm(MappingFormSchema).field(name)` gives each field of the mapping form. */
export type MappingField = (name: string) => UseFormRegisterReturn & {
  id: string;
  required: boolean;
  errors?: string[];
  defaultValue?: string;
};

export type ColumnChoice = {
  field: ImportField;
  label: string;
  hint?: string;
  /** The file's column chosen for the field ("" when it is not imported). */
  chosen: string;
  /** The first non-empty value of that column in the sample rows. */
  firstValue: string;
};

/** For each Comeback field, the file's column it comes from and the first value found there. */
export function ColumnMapping({
  choices,
  headers,
  savedMappingName,
  field,
}: {
  field: MappingField;
  choices: ColumnChoice[];
  headers: string[];
  /** Set when a saved mapping is in use (said above the list). */
  savedMappingName: string | null;
}) {
  const options: Option[] = [
    { value: "", label: "— not imported —" },
    ...headers.map((h) => ({ value: h, label: h })),
  ];
  return (
    <Card title="Columns">
      <p className="mb-4 text-sm text-muted">
        {savedMappingName ? (
          <>
            Using the saved mapping <strong>{savedMappingName}</strong>.{" "}
          </>
        ) : (
          <>We suggested a column for each field from the headings; </>
        )}
        check each one. Columns you leave out are not imported, and an empty cell never erases what Comeback
        already has.
      </p>
      <Table
        caption="Comeback field, the file column it comes from, and the first value found"
        rows={choices}
        rowKey={(c) => c.field}
        stackBelow="md"
        columns={[
          {
            key: "field",
            label: "Comeback field",
            rowHeader: true,
            className: "md:w-2/5",
            cell: (c) => (
              <>
                <label htmlFor={field(columnFieldName(c.field)).id} className="font-medium">
                  {c.label}
                </label>
                {c.hint ? <p className="text-xs text-muted">{c.hint}</p> : null}
              </>
            ),
          },
          {
            key: "column",
            label: "Column in the file",
            hideCardLabel: true,
            className: "md:w-1/3",
            cell: (c) => {
              // The choice shown is the mapping's (or the one sent back after a refusal).
              const {
                required,
                errors,
                defaultValue: _registered,
                ...control
              } = field(columnFieldName(c.field));
              const error = errors?.[0];
              return (
                <>
                  <select
                    {...control}
                    defaultValue={c.chosen}
                    required={required}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? `${control.id}-error` : undefined}
                    className="block w-full min-w-0 rounded-md border border-line bg-white px-2 py-1.5 text-sm"
                  >
                    {options.map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </select>
                  <FieldError id={`${control.id}-error`} errors={errors} />
                </>
              );
            },
          },
          {
            key: "first",
            label: "First value",
            cell: (c) => <span className="text-muted">{c.firstValue || "—"}</span>,
          },
        ]}
      />
    </Card>
  );
}

/** The mapping's choices for each Comeback field, from the saved or suggested columns. */
export function columnChoices(
  columns: Partial<Record<ImportField, string>>,
  sample: string[][],
  headers: string[],
  submitted?: Record<string, string | undefined>,
): ColumnChoice[] {
  return IMPORT_FIELDS.map((f) => {
    const chosen = submitted?.[columnFieldName(f.key)] ?? columns[f.key] ?? "";
    const index = chosen ? headers.indexOf(chosen) : -1;
    const firstValue = index < 0 ? "" : (sample.map((r) => r[index]).find((v) => v && v.trim()) ?? "");
    return { field: f.key, label: f.label, hint: f.hint, chosen, firstValue };
  });
}

/** Date format, HR system, one decision for the whole file, and a name to save the mapping under. */
export function ReadingOptions({
  dateFormat,
  dateFits,
  decisions,
  field,
}: {
  dateFormat: DateFormat | "";
  /** The date formats the first rows' dates fit. */
  dateFits: readonly string[];
  decisions: { id: string; title: string }[];
  field: MappingField;
}) {
  const { required, errors, defaultValue: _registered, id, ...dateControl } = field("dateFormat");
  const errorId = `${id}-error`;
  return (
    <Card title="How to read values">
      <div className="grid grid-cols-1 gap-6 md:grid-cols-2">
        <fieldset aria-describedby={errors ? errorId : undefined}>
          <legend className="text-sm font-medium">
            Date format
            {required ? (
              <span aria-hidden="true" className="font-normal text-muted">
                {" "}
                (required)
              </span>
            ) : null}
          </legend>
          <p className="text-sm text-muted">
            {dateFits.length === 1
              ? "The dates in the first rows can only be read one way; check it."
              : dateFits.length > 1
                ? "The first rows' dates fit more than one format (e.g. 04/05/2020): choose the one your HR system uses. We never guess."
                : "Choose how your HR system writes dates."}
          </p>
          {DATE_FORMATS.map((format, i) => (
            <label key={format} className="mt-2 flex items-center gap-2 text-sm">
              <input
                type="radio"
                {...dateControl}
                // The error summary's link leads to the first choice.
                id={i === 0 ? id : undefined}
                value={format}
                defaultChecked={dateFormat === format}
                aria-required={required || undefined}
                aria-invalid={errors ? true : undefined}
              />
              {DATE_FORMAT_LABEL[format]}
            </label>
          ))}
          <FieldError id={errorId} errors={errors} />
        </fieldset>
        <div className="min-w-0 space-y-4">
          <SelectField
            label="HR system"
            options={IMPORT_SYSTEMS.map((s) => ({ value: s, label: SYSTEM_LABEL[s] }))}
            {...field("system")}
          />
          <SelectField
            label="Workforce decision for everyone in this file (optional)"
            hint="For a file of people who all left under one decision. A Workforce decision column, when mapped, wins for its rows."
            options={[
              { value: "", label: "None" },
              ...decisions.map((d) => ({ value: d.id, label: d.title })),
            ]}
            {...field("decisionId")}
          />
          <TextField
            label="Save this mapping as (optional)"
            hint="A name such as “Workday terminations”; saving under an existing name updates that mapping."
            autoComplete="off"
            maxLength={80}
            {...field("saveAs")}
          />
        </div>
      </div>
    </Card>
  );
}

export type PreviewRow =
  | {
      row: number;
      ok: true;
      name: string;
      id: string;
      hire: string;
      exit: string;
      reason: string;
      rehire: string;
    }
  | { row: number; ok: false; problems: string[] };

/** The first rows of the file as the dry run will read them; a row that would be refused says why. */
export function MappingPreview({ rows }: { rows: PreviewRow[] }) {
  if (rows.length === 0) return null;
  const value = (p: PreviewRow, pick: (ok: Extract<PreviewRow, { ok: true }>) => string) =>
    p.ok ? pick(p) || "—" : "—";
  return (
    <Card title="The first rows, read with this mapping">
      <Table
        caption="How the first rows of the file will be read"
        rows={rows}
        rowKey={(p) => String(p.row)}
        stackBelow="md"
        columns={[
          {
            key: "person",
            label: "Person",
            rowHeader: true,
            cell: (p) =>
              p.ok ? (
                <span className="font-medium">{p.name}</span>
              ) : (
                <>
                  <Badge tone="bad">Would be rejected</Badge> {p.problems.join(" ")}
                </>
              ),
          },
          { key: "row", label: "Row", cell: (p) => <span className="tabular-nums">{p.row}</span> },
          { key: "id", label: "ID", cell: (p) => value(p, (r) => r.id) },
          { key: "hired", label: "Hired", cell: (p) => value(p, (r) => r.hire) },
          { key: "left", label: "Left", cell: (p) => value(p, (r) => r.exit) },
          { key: "reason", label: "Exit reason", cell: (p) => value(p, (r) => r.reason) },
          { key: "rehire", label: "Rehire", cell: (p) => value(p, (r) => r.rehire) },
        ]}
      />
    </Card>
  );
}
