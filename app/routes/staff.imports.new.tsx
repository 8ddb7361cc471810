import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Notice, Button, Card, FieldError, PageHeader, SelectField } from "~/components/ui";
import { MAX_UPLOAD_BYTES, MAX_UPLOAD_LABEL } from "~/modules/imports/file-facts";
import { listImportMappings } from "~/modules/imports/import-mappings.server";
import { tooLarge, uploadImport } from "~/modules/imports/upload-import.server";
import { requirePermission } from "~/platform/auth.server";
import { AppError } from "~/platform/errors";
import { defineAction, defineLoader, parseUpload } from "~/platform/http.server";
import { optionalRecordId } from "~/platform/input";
import { z } from "zod";

export const meta: MetaFunction = () => [{ title: "New import · Comeback" }];

/** The upload form's other field: a saved mapping to start from (optional). */
const UploadFieldsSchema = z.object({ mappingId: optionalRecordId });

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
    schema: UploadFieldsSchema,
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
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const error = actionData && !actionData.ok ? actionData.error : undefined;
  const fileErrors = error?.fieldErrors?.file ?? (error && !error.fieldErrors ? [error.message] : undefined);
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
        <Form method="post" encType="multipart/form-data" className="space-y-5">
          {error && !fileErrors ? <Notice tone="error">{error.message}</Notice> : null}
          {mappings.length > 0 ? (
            <SelectField
              label="Saved mapping (optional)"
              hint="Reuse the column mapping saved after an earlier import from the same HR system."
              name="mappingId"
              defaultValue=""
              options={[
                { value: "", label: "Suggest a mapping from the column names" },
                ...mappings.map((m) => ({ value: m.id, label: m.name })),
              ]}
            />
          ) : null}
          <div>
            <label htmlFor="import-file" className="block text-sm font-medium">
              CSV file
            </label>
            <p id="import-file-hint" className="text-sm text-muted">
              UTF-8 (with or without byte order mark) or Windows-1252; commas, semicolons or tabs; up to{" "}
              {limit}.
            </p>
            <input
              id="import-file"
              name="file"
              type="file"
              accept=".csv,.txt,text/csv"
              required
              aria-describedby={fileErrors ? "import-file-error import-file-hint" : "import-file-hint"}
              aria-invalid={fileErrors ? true : undefined}
              className="mt-2 block w-full text-sm"
            />
            <FieldError id="import-file-error" errors={fileErrors} />
          </div>
          <Button type="submit" busy={navigation.state === "submitting"}>
            Upload and continue
          </Button>
        </Form>
      </Card>
    </>
  );
}
