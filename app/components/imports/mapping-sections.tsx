import { Form } from "@remix-run/react";
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
}: {
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
                <label htmlFor={`map-${c.field}`} className="font-medium">
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
            cell: (c) => (
              <select
                id={`map-${c.field}`}
                name={columnFieldName(c.field)}
                defaultValue={c.chosen}
                className="block w-full min-w-0 rounded-md border border-line bg-white px-2 py-1.5 text-sm"
              >
                {options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            ),
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
  system,
  decisionId,
  decisions,
  saveAs,
  errors,
}: {
  dateFormat: DateFormat | "";
  /** The date formats the first rows' dates fit. */
  dateFits: readonly string[];
  system: string;
  decisionId: string;
  decisions: { id: string; title: string }[];
  saveAs: string;
  errors: Partial<Record<"dateFormat" | "decisionId" | "saveAs", string[]>>;
}) {
  return (
    <Card title="How to read values">
      <div className="grid grid-cols-1 gap-6 md:grid-cols-2">
        <fieldset aria-describedby={errors.dateFormat ? "date-format-error" : undefined}>
          <legend className="text-sm font-medium">Date format</legend>
          <p className="text-sm text-muted">
            {dateFits.length === 1
              ? "The dates in the first rows can only be read one way; check it."
              : dateFits.length > 1
                ? "The first rows' dates fit more than one format (e.g. 04/05/2020): choose the one your HR system uses. We never guess."
                : "Choose how your HR system writes dates."}
          </p>
          {DATE_FORMATS.map((format) => (
            <label key={format} className="mt-2 flex items-center gap-2 text-sm">
              <input
                type="radio"
                name="dateFormat"
                value={format}
                defaultChecked={dateFormat === format}
                required
              />
              {DATE_FORMAT_LABEL[format]}
            </label>
          ))}
          <FieldError id="date-format-error" errors={errors.dateFormat} />
        </fieldset>
        <div className="min-w-0 space-y-4">
          <SelectField
            label="HR system"
            name="system"
            defaultValue={system}
            options={IMPORT_SYSTEMS.map((s) => ({ value: s, label: SYSTEM_LABEL[s] }))}
          />
          <SelectField
            label="Workforce decision for everyone in this file (optional)"
            hint="For a file of people who all left under one decision. A Workforce decision column, when mapped, wins for its rows."
            name="decisionId"
            defaultValue={decisionId}
            options={[
              { value: "", label: "None" },
              ...decisions.map((d) => ({ value: d.id, label: d.title })),
            ]}
            errors={errors.decisionId}
          />
          <TextField
            label="Save this mapping as (optional)"
            hint="A name such as “Workday terminations”; saving under an existing name updates that mapping."
            name="saveAs"
            autoComplete="off"
            maxLength={80}
            defaultValue={saveAs}
            errors={errors.saveAs}
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
