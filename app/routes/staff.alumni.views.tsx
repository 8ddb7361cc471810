import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Time } from "~/components/time";
import { Notice, Button, Card, EmptyState, PageHeader, TextField } from "~/components/ui";
import { DeleteSegmentSchema, RenameSegmentSchema } from "~/modules/alumni/alumni-schemas";
import { deleteSegment, listSegments, renameSegment } from "~/modules/alumni/segments.server";
import { requirePermission } from "~/platform/auth.server";
import { defineAction, defineLoader, parseForm, parseIntent } from "~/platform/http.server";

export const meta: MetaFunction = () => [{ title: "Saved alumni views · Comeback" }];

export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  await requirePermission(request, "manage:segment");
  return { segments: await listSegments() };
});

export const action = defineAction(async ({ request }: ActionFunctionArgs) => {
  const actor = await requirePermission(request, "manage:segment");
  const intent = await parseIntent(request, ["rename", "delete"]);
  if (intent === "rename") {
    const input = await parseForm(request, RenameSegmentSchema);
    const segment = await renameSegment({ actor, ...input });
    return { ok: true as const, intent, segmentId: input.segmentId, message: `Saved as “${segment.name}”.` };
  }
  const input = await parseForm(request, DeleteSegmentSchema);
  await deleteSegment({ actor, segmentId: input.segmentId });
  return {
    ok: true as const,
    intent,
    segmentId: input.segmentId,
    message: "View deleted. Campaigns already sent keep their recipients.",
  };
});

export default function SavedViews() {
  const { segments } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const failedFor = data && !data.ok ? data.values?.segmentId : undefined;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link to="/staff/alumni" className="text-brand underline">
          ← Alumni
        </Link>
      </p>
      <PageHeader
        title="Saved alumni views"
        description="Named views of the alumni list. Campaigns use them as audiences: the audience is whoever matches the view when the campaign is sent."
      />
      {data?.ok ? (
        <div className="mb-4">
          <Notice tone="success">{data.message}</Notice>
        </div>
      ) : null}
      {segments.length === 0 ? (
        <EmptyState title="No saved views yet">
          Filter the{" "}
          <Link to="/staff/alumni" className="text-brand underline">
            alumni list
          </Link>{" "}
          and use “Save view” to keep it here.
        </EmptyState>
      ) : (
        <div className="space-y-4">
          {segments.map((s) => {
            const error = failedFor === s.id && data && !data.ok ? data.error : undefined;
            return (
              <Card key={s.id}>
                <div className="flex flex-wrap items-start justify-between gap-4">
                  <div>
                    <h2 className="text-lg font-semibold">
                      <Link
                        to={`/staff/alumni${s.query ? `?${s.query}` : ""}`}
                        className="text-brand underline"
                      >
                        {s.name}
                      </Link>
                    </h2>
                    {s.description ? <p className="text-sm">{s.description}</p> : null}
                    <p className="text-sm text-muted">{s.summary}</p>
                    <p className="text-xs text-muted">
                      Last changed <Time iso={s.updatedAt} />
                    </p>
                  </div>
                  <Form method="post">
                    <input type="hidden" name="segmentId" value={s.id} />
                    <Button
                      type="submit"
                      name="intent"
                      value="delete"
                      variant="danger"
                      aria-label={`Delete the view ${s.name}`}
                    >
                      Delete
                    </Button>
                  </Form>
                </div>
                <Form
                  method="post"
                  className="mt-3 grid gap-2 border-t border-line pt-3 sm:grid-cols-3 sm:items-end"
                >
                  {error ? (
                    <div className="sm:col-span-3">
                      <Notice tone="error">{error.message}</Notice>
                    </div>
                  ) : null}
                  <input type="hidden" name="segmentId" value={s.id} />
                  <TextField
                    label="Name"
                    name="name"
                    required
                    maxLength={80}
                    defaultValue={(error && data && !data.ok ? data.values?.name : undefined) ?? s.name}
                    errors={error?.fieldErrors?.name}
                  />
                  <TextField
                    label="Description"
                    name="description"
                    maxLength={300}
                    defaultValue={s.description ?? ""}
                    errors={error?.fieldErrors?.description}
                  />
                  <Button type="submit" name="intent" value="rename" variant="secondary">
                    Rename
                  </Button>
                </Form>
              </Card>
            );
          })}
        </div>
      )}
    </>
  );
}
