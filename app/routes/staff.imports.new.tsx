import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { SubmitButton, useValidatedForm, ValidatedForm } from "~/components/form";
import { Card, FieldError, PageHeader, SelectField } from "~/components/ui";
import { MAX_UPLOAD_BYTES, MAX_UPLOAD_LABEL } from "~/modules/imports/file-facts";
import { listImportMappings } from "~/modules/imports/import-mappings.server";
import { UploadImportSchema } from "~/modules/imports/schemas";
import { tooLarge, uploadImport } from "~/modules/imports/upload-import.server";
import { requirePermission } from "~/platform/auth.server";
import { AppError } from "~/platform/errors";
import { defineAction, defineLoader, parseUpload } from "~/platform/http.server";

export const meta: MetaFunction = () => [{ title: "New import · Comeback" }];

export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  await requirePermission(request, "import:alumni");
  const mappings = await listImportMappings();
  return { mappings: mappings.map((m) => ({ id: m.id, name: m.name })), limit: MAX_UPLOAD_LABEL };
});

export const action = defineAction(async ({ request }: ActionFunctionArgs) => {
  const actor = await requirePermission(request, "import:alumni");
  // Anything clearly over the limit is refused unread (413); the file streams into the database.
  let importId: string | undefined;
  const { fields } = await parseUpload(request, {
    schema: UploadImportSchema,
    intent: "upload",
    file: "file",
    maxBytes: MAX_UPLOAD_BYTES,
    onFile: async (file) => {
      const uploaded = await uploadImport({ actor, fileName: file.filename, data: file.data });
      importId = uploaded.id;
    },
    tooLarge,
  });
  if (!importId)
    throw new AppError("validation", "Choose a CSV file to upload.", {
      fieldErrors: { file: ["Choose a CSV file to upload."] },
    });
  const { mappingId } = fields;
  return redirect(
    `/staff/imports/${importId}/mapping${mappingId ? `?mappingId=${encodeURIComponent(mappingId)}` : ""}`,
  );
});

export default function NewImport() {
  const { mappings, limit } = useLoaderData<typeof loader>();
  // UploadImportSchema checks the saved mapping here and in the action; the file itself streams
  // to the server (parseUpload), whose refusal (none chosen, too large, not CSV) lands under it.
  const form = useValidatedForm(UploadImportSchema, { intent: "upload", defaultValues: { mappingId: "" } });
  const fileId = form.idFor("file");
  const fileErrors = form.errorsFor("file");
  return (
    <>
      <p className="mb-2 text-sm">
        <Link to="/staff/imports" className="text-brand underline">
          ← Import history
        </Link>
      </p>
      <PageHeader
        title="New import"
        description="Upload the terminations (leavers) report exported from Workday, BambooHR, SAP SuccessFactors or any HR system as CSV. Next you will match its columns, then see a dry run before anything is written."
      />
      <Card className="max-w-2xl">
        <ValidatedForm form={form} encType="multipart/form-data" className="space-y-5">
          {mappings.length > 0 ? (
            <SelectField
              label="Saved mapping (optional)"
              hint="Reuse the column mapping saved after an earlier import from the same HR system."
              options={[
                { value: "", label: "Suggest a mapping from the column names" },
                ...mappings.map((m) => ({ value: m.id, label: m.name })),
              ]}
              {...form.field("mappingId")}
            />
          ) : null}
          <div>
            <div>
              <label htmlFor={fileId} className="text-sm font-medium">
                CSV file
              </label>
              <span aria-hidden="true" className="text-sm text-muted">
                {" "}
                (required)
              </span>
            </div>
            <p id={`${fileId}-hint`} className="text-sm text-muted">
              UTF-8 (with or without byte order mark) or Windows-1252; commas, semicolons or tabs; up to{" "}
              {limit}.
            </p>
            <input
              id={fileId}
              name="file"
              type="file"
              accept=".csv,.txt,text/csv"
              aria-required
              aria-describedby={fileErrors ? `${fileId}-error ${fileId}-hint` : `${fileId}-hint`}
              aria-invalid={fileErrors ? true : undefined}
              className="mt-2 block w-full text-sm"
            />
            <FieldError id={`${fileId}-error`} errors={fileErrors} />
          </div>
          <SubmitButton>Upload and continue</SubmitButton>
        </ValidatedForm>
      </Card>
    </>
  );
}
