import {
  redirect,
  unstable_composeUploadHandlers,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
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
import { defineAction, defineLoader } from "~/platform/http.server";

export const meta: MetaFunction = () => [{ title: "New import · Comeback" }];

export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  await requirePermission(request, "import:alumni");
  const mappings = await listImportMappings();
  return { mappings: mappings.map((m) => ({ id: m.id, name: m.name })), limit: MAX_UPLOAD_LABEL };
});

export const action = defineAction(async ({ request }: ActionFunctionArgs) => {
  const actor = await requirePermission(request, "import:alumni");
  const declared = Number(request.headers.get("content-length") ?? "0");
  // The form adds a little around the file; anything clearly over the limit is refused unread.
  if (declared > MAX_UPLOAD_BYTES + 64 * 1024) throw tooLarge(declared);
  if (!(request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) {
    throw new AppError("validation", "Choose a CSV file to upload.", {
      fieldErrors: { file: ["Choose a CSV file to upload."] },
    });
  }
  let importId: string | undefined;
  const form = await unstable_parseMultipartFormData(
    request,
    unstable_composeUploadHandlers(
      async (part) => {
        if (part.name !== "file") return undefined;
        if (!part.filename) {
          for await (const _ of part.data) void _; // an empty file input
          return undefined;
        }
        const uploaded = await uploadImport({ actor, fileName: part.filename, data: part.data });
        importId = uploaded.id;
        return uploaded.id;
      },
      unstable_createMemoryUploadHandler({ maxPartSize: 10_000 }),
    ),
  );
  if (!importId)
    throw new AppError("validation", "Choose a CSV file to upload.", {
      fieldErrors: { file: ["Choose a CSV file to upload."] },
    });
  const mappingId = String(form.get("mappingId") ?? "").slice(0, 64);
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
