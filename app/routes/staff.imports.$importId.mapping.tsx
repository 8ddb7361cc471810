import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { SameFileNotice } from "~/components/import-status";
import { Notice, Badge, Button, Card, FieldError, PageHeader, SelectField, TextField } from "~/components/ui";
import { configureImport } from "~/modules/imports/configure-import.server";
import { EXIT_REASON_LABELS } from "~/modules/alumni/exit-reasons";
import { DATE_FORMAT_LABEL, DATE_FORMATS } from "~/modules/imports/convert";
import { DELIMITER_LABEL, ENCODING_LABEL, type Encoding } from "~/modules/imports/file-facts";
import { IMPORT_FIELDS, IMPORT_SYSTEMS, SYSTEM_LABEL, type ImportField } from "~/modules/imports/fields";
import { settingsOfMapping } from "~/modules/imports/import-mappings.server";
import { getMappingStep } from "~/modules/imports/list-imports.server";
import { createRowSchema, rowProblems } from "~/modules/imports/row-schema";
import {
  columnFieldName,
  ImportIdParams,
  MappingFormSchema,
  type ImportSettings,
} from "~/modules/imports/schemas";
import { requirePermission } from "~/platform/auth.server";
import { defineAction, defineLoader, parseFilters, parseForm, parseParams } from "~/platform/http.server";
import { optionalRecordId } from "~/platform/input";
import { z } from "zod";

export const meta: MetaFunction = () => [{ title: "Match the columns · Import · Comeback" }];

const MappingChoiceSchema = z.object({ mappingId: optionalRecordId });

export const loader = defineLoader(async ({ request, params }: LoaderFunctionArgs) => {
  await requirePermission(request, "import:alumni");
  const { importId } = parseParams(params, ImportIdParams, "That import");
  // A saved mapping chosen on the upload page; a malformed one is simply not applied.
  const { mappingId } = parseFilters(request, MappingChoiceSchema).values;
  const step = await getMappingStep(importId, mappingId);
  const initial: ImportSettings = step.chosenMapping
    ? settingsOfMapping(step.chosenMapping)
    : (step.run.settings ?? step.suggested);
  // How the first rows will be read, with the same row schema the dry run uses.
  const decisionsByTitle = new Map(step.decisions.map((d) => [d.title.toLowerCase(), d.id]));
  const preview = initial.dateFormat
    ? step.rows.map((cells, i) => {
        const input: Partial<Record<ImportField, string>> = {};
        for (const [field, header] of Object.entries(initial.columns) as [ImportField, string][]) {
          const index = step.run.headers.indexOf(header);
          input[field] = index >= 0 ? (cells[index] ?? "") : "";
        }
        const parsed = createRowSchema({
          dateFormat: initial.dateFormat,
          today: new Date(),
          decisionsByTitle,
          decisionId: initial.decisionId,
          reasonOverrides: initial.reasonOverrides,
          usesFullName:
            !!initial.columns.fullName && !(initial.columns.firstName && initial.columns.lastName),
        }).safeParse(input);
        return parsed.success
          ? {
              row: step.run.headerRow + i + 1,
              ok: true as const,
              name: `${parsed.data.firstName} ${parsed.data.lastName}`,
              id: parsed.data.hrId ?? parsed.data.workEmail ?? "",
              hire: parsed.data.hireDate?.toISOString().slice(0, 10) ?? "",
              exit: parsed.data.exitDate?.toISOString().slice(0, 10) ?? "",
              reason: parsed.data.exitReason ? EXIT_REASON_LABELS[parsed.data.exitReason] : "",
              rehire: parsed.data.hrRehireFlag ?? "",
            }
          : {
              row: step.run.headerRow + i + 1,
              ok: false as const,
              problems: rowProblems(parsed.error).map(
                (p) => `${initial.columns[p.field] ?? p.field}: ${p.message}`,
              ),
            };
      })
    : [];
  return {
    run: {
      id: step.run.id,
      fileName: step.run.fileName,
      status: step.run.status,
      headers: step.run.headers,
      encoding: step.run.encoding as Encoding,
      delimiter: step.run.delimiter,
      headerRow: step.run.headerRow,
    },
    sample: step.rows,
    mappings: step.mappings.map((m) => ({ id: m.id, name: m.name })),
    decisions: step.decisions,
    initial,
    chosenMapping: step.chosenMapping ? { id: step.chosenMapping.id, name: step.chosenMapping.name } : null,
    dateFits: step.dateFits,
    preview,
    sameFile: step.sameFile && { ...step.sameFile, committedAt: step.sameFile.committedAt.toISOString() },
  };
});

export const action = defineAction(async ({ request, params }: ActionFunctionArgs) => {
  const actor = await requirePermission(request, "import:alumni");
  const { importId } = parseParams(params, ImportIdParams, "That import");
  const form = await parseForm(request, MappingFormSchema);
  await configureImport({ actor, importId, form });
  return redirect(`/staff/imports/${importId}`);
});

export default function MappingStep() {
  const { run, sample, mappings, decisions, initial, chosenMapping, dateFits, preview, sameFile } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const error = actionData && !actionData.ok ? actionData.error : undefined;
  const values = actionData && !actionData.ok ? actionData.values : undefined;
  const fieldErrors = error?.fieldErrors ?? {};
  const busy = run.status === "checking" || run.status === "committing" || run.status === "committed";
  const columnOptions = [
    { value: "", label: "— not imported —" },
    ...run.headers.map((h) => ({ value: h, label: h })),
  ];
  const firstValue = (header: string | undefined) => {
    const index = header ? run.headers.indexOf(header) : -1;
    const found = index < 0 ? undefined : sample.map((r) => r[index]).find((v) => v && v.trim());
    return found ?? "";
  };
  const dateValue = values?.dateFormat ?? initial.dateFormat ?? "";
  return (
    <>
      <p className="mb-2 text-sm">
        <Link to={`/staff/imports/${run.id}`} className="text-brand underline">
          ← This import
        </Link>
      </p>
      <PageHeader
        title="Match the columns"
        description={`${run.fileName}: ${ENCODING_LABEL[run.encoding]}, ${DELIMITER_LABEL[run.delimiter] ?? run.delimiter}-separated, ${run.headers.length} columns, headings on row ${run.headerRow}.`}
      />
      <SameFileNotice sameFile={sameFile} />
      {busy ? (
        <Notice tone="info" title="This import is already under way">
          Its mapping can no longer be changed.{" "}
          <Link className="underline" to={`/staff/imports/${run.id}`}>
            See its progress and result
          </Link>
          .
        </Notice>
      ) : (
        <div className="space-y-6">
          {mappings.length > 0 ? (
            <Card title="Start from a saved mapping">
              <Form method="get" className="flex flex-wrap items-end gap-3">
                <SelectField
                  label="Saved mapping"
                  name="mappingId"
                  defaultValue={chosenMapping?.id ?? ""}
                  options={[
                    { value: "", label: "Suggested from the column names" },
                    ...mappings.map((m) => ({ value: m.id, label: m.name })),
                  ]}
                />
                <Button type="submit" variant="secondary">
                  Use this mapping
                </Button>
              </Form>
            </Card>
          ) : null}
          <Form method="post" className="space-y-6">
            {chosenMapping ? <input type="hidden" name="mappingId" value={chosenMapping.id} /> : null}
            {error ? (
              <Notice tone="error" title="The import cannot start yet">
                {fieldErrors._form ? (
                  <ul className="list-disc pl-5">
                    {fieldErrors._form.map((m) => (
                      <li key={m}>{m}</li>
                    ))}
                  </ul>
                ) : (
                  error.message
                )}
              </Notice>
            ) : null}
            <Card title="Columns">
              <p className="mb-4 text-sm text-muted">
                {chosenMapping ? (
                  <>
                    Using the saved mapping <strong>{chosenMapping.name}</strong>.{" "}
                  </>
                ) : (
                  <>We suggested a column for each field from the headings; </>
                )}
                check each one. Columns you leave out are not imported, and an empty cell never erases what
                Comeback already has.
              </p>
              <div className="overflow-x-auto">
                <table className="w-full text-left text-sm">
                  <caption className="sr-only">
                    Comeback field, the file column it comes from, and the first value found
                  </caption>
                  <thead className="text-muted">
                    <tr>
                      <th scope="col" className="py-2 pr-3 font-medium">
                        Comeback field
                      </th>
                      <th scope="col" className="py-2 pr-3 font-medium">
                        Column in the file
                      </th>
                      <th scope="col" className="py-2 font-medium">
                        First value
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {IMPORT_FIELDS.map((f) => {
                      const name = columnFieldName(f.key);
                      const chosen = values?.[name] ?? initial.columns[f.key] ?? "";
                      return (
                        <tr key={f.key} className="border-t border-line align-top">
                          <th scope="row" className="py-2 pr-3 font-medium">
                            <label htmlFor={`map-${f.key}`}>{f.label}</label>
                            {f.hint ? <p className="text-xs font-normal text-muted">{f.hint}</p> : null}
                          </th>
                          <td className="py-2 pr-3">
                            <select
                              id={`map-${f.key}`}
                              name={name}
                              defaultValue={chosen}
                              className="block w-full rounded-md border border-line bg-white px-2 py-1.5 text-sm"
                            >
                              {columnOptions.map((o) => (
                                <option key={o.value} value={o.value}>
                                  {o.label}
                                </option>
                              ))}
                            </select>
                          </td>
                          <td className="py-2 text-muted">{firstValue(chosen || undefined)}</td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            </Card>
            <Card title="How to read values">
              <div className="grid grid-cols-1 gap-6 md:grid-cols-2">
                <fieldset aria-describedby={fieldErrors.dateFormat ? "date-format-error" : undefined}>
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
                        defaultChecked={dateValue === format}
                        required
                      />
                      {DATE_FORMAT_LABEL[format]}
                    </label>
                  ))}
                  <FieldError id="date-format-error" errors={fieldErrors.dateFormat} />
                </fieldset>
                <div className="space-y-4">
                  <SelectField
                    label="HR system"
                    name="system"
                    defaultValue={values?.system ?? initial.system}
                    options={IMPORT_SYSTEMS.map((s) => ({ value: s, label: SYSTEM_LABEL[s] }))}
                  />
                  <SelectField
                    label="Workforce decision for everyone in this file (optional)"
                    hint="For a file of people who all left under one decision. A Workforce decision column, when mapped, wins for its rows."
                    name="decisionId"
                    defaultValue={values?.decisionId ?? initial.decisionId ?? ""}
                    options={[
                      { value: "", label: "None" },
                      ...decisions.map((d) => ({ value: d.id, label: d.title })),
                    ]}
                    errors={fieldErrors.decisionId}
                  />
                  <TextField
                    label="Save this mapping as (optional)"
                    hint="A name such as “Workday terminations”; saving under an existing name updates that mapping."
                    name="saveAs"
                    autoComplete="off"
                    maxLength={80}
                    defaultValue={values?.saveAs ?? ""}
                    errors={fieldErrors.saveAs}
                  />
                </div>
              </div>
            </Card>
            {preview.length > 0 ? (
              <Card title="The first rows, read with this mapping">
                <div className="overflow-x-auto">
                  <table className="w-full text-left text-sm">
                    <caption className="sr-only">How the first rows of the file will be read</caption>
                    <thead className="text-muted">
                      <tr>
                        <th scope="col" className="py-2 pr-3 font-medium">
                          Row
                        </th>
                        <th scope="col" className="py-2 pr-3 font-medium">
                          Person
                        </th>
                        <th scope="col" className="py-2 pr-3 font-medium">
                          ID
                        </th>
                        <th scope="col" className="py-2 pr-3 font-medium">
                          Hired
                        </th>
                        <th scope="col" className="py-2 pr-3 font-medium">
                          Left
                        </th>
                        <th scope="col" className="py-2 pr-3 font-medium">
                          Exit reason
                        </th>
                        <th scope="col" className="py-2 font-medium">
                          Rehire
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {preview.map((p) => (
                        <tr key={p.row} className="border-t border-line align-top">
                          <td className="py-2 pr-3 tabular-nums">{p.row}</td>
                          {p.ok ? (
                            <>
                              <td className="py-2 pr-3">{p.name}</td>
                              <td className="py-2 pr-3">{p.id}</td>
                              <td className="py-2 pr-3 tabular-nums">{p.hire}</td>
                              <td className="py-2 pr-3 tabular-nums">{p.exit}</td>
                              <td className="py-2 pr-3">{p.reason}</td>
                              <td className="py-2">{p.rehire}</td>
                            </>
                          ) : (
                            <td colSpan={6} className="py-2">
                              <Badge tone="bad">Would be rejected</Badge> {p.problems.join(" ")}
                            </td>
                          )}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </Card>
            ) : null}
            <Button type="submit" busy={navigation.state === "submitting"}>
              Check the whole file (dry run)
            </Button>
          </Form>
        </div>
      )}
    </>
  );
}
