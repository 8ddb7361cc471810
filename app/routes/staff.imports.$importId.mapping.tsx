import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { SubmitButton, useValidatedForm, ValidatedForm } from "~/components/form";
import { SameFileNotice } from "~/components/import-status";
import {
  ColumnMapping,
  columnChoices,
  MappingPreview,
  ReadingOptions,
  SavedMappingPicker,
  type PreviewRow,
} from "~/components/imports/mapping-sections";
import { Notice, PageHeader } from "~/components/ui";
import { configureImport } from "~/modules/imports/configure-import.server";
import { EXIT_REASON_LABELS } from "~/modules/alumni/exit-reasons";
import type { DateFormat } from "~/modules/imports/convert";
import { DELIMITER_LABEL, ENCODING_LABEL, type Encoding } from "~/modules/imports/file-facts";
import { IMPORT_FIELD_KEYS, type ImportField } from "~/modules/imports/fields";
import { settingsOfMapping } from "~/modules/imports/import-mappings.server";
import { getMappingStep } from "~/modules/imports/get-mapping-step.server";
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

const REHIRE_FLAG_WORDS = { yes: "Yes", no: "No", review: "Upon review" } as const;

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
  const preview: PreviewRow[] = initial.dateFormat
    ? step.rows.map((cells, i): PreviewRow => {
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
              rehire: parsed.data.hrRehireFlag ? REHIRE_FLAG_WORDS[parsed.data.hrRehireFlag] : "",
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
  // One schema (MappingFormSchema) checks the form here and in the action; a refusal from the
  // server lands under the same fields, with the values sent.
  const form = useValidatedForm(MappingFormSchema, {
    defaultValues: {
      dateFormat: initial.dateFormat ?? undefined,
      system: initial.system,
      decisionId: initial.decisionId ?? "",
      mappingId: chosenMapping?.id,
      ...Object.fromEntries(IMPORT_FIELD_KEYS.map((k) => [columnFieldName(k), initial.columns[k] ?? ""])),
    },
  });
  const field = (name: string) => form.field(name as never);
  const values = form.values;
  const busy = run.status === "checking" || run.status === "committing" || run.status === "committed";
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
          <SavedMappingPicker mappings={mappings} chosenId={chosenMapping?.id ?? null} />
          <ValidatedForm form={form} className="space-y-6" aria-label="Column mapping">
            {chosenMapping ? <input type="hidden" name="mappingId" value={chosenMapping.id} /> : null}
            <ColumnMapping
              choices={columnChoices(initial.columns, sample, run.headers, values)}
              headers={run.headers}
              savedMappingName={chosenMapping?.name ?? null}
              field={field}
            />
            <ReadingOptions
              dateFormat={(values?.dateFormat ?? initial.dateFormat ?? "") as DateFormat | ""}
              dateFits={dateFits}
              decisions={decisions}
              field={field}
            />
            <MappingPreview rows={preview} />
            <SubmitButton>Check the whole file (dry run)</SubmitButton>
          </ValidatedForm>
        </div>
      )}
    </>
  );
}
