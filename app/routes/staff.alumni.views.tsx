import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { ActionNotice, SubmitButton, useValidatedForm, ValidatedForm } from "~/components/form";
import { Time } from "~/components/time";
import { Button, Card, EmptyState, PageHeader, TextField } from "~/components/ui";
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

type Segment = ReturnType<typeof useLoaderData<typeof loader>>["segments"][number];
type Answer = { ok: boolean; segmentId?: string; values?: Record<string, string> };

/** The action's answer if it concerns this view (a rename or delete names the view's id). */
function useAnswerFor(segmentId: string) {
  const data = useActionData<Answer>();
  return useMemo(
    () => ((data?.ok ? data.segmentId : data?.values?.segmentId) === segmentId ? data : {}),
    [data, segmentId],
  );
}

function DeleteViewButton({ segment: s }: { segment: Segment }) {
  const form = useValidatedForm(DeleteSegmentSchema, {
    intent: "delete",
    idPrefix: `delete-${s.id}`,
    defaultValues: { segmentId: s.id },
    actionData: useAnswerFor(s.id),
  });
  return (
    <Form method="post" noValidate onSubmit={form.onSubmit}>
      <input type="hidden" name="intent" value="delete" />
      <input type="hidden" name="segmentId" value={s.id} />
      <Button type="submit" variant="danger" busy={form.busy} aria-label={`Delete the view ${s.name}`}>
        Delete
      </Button>
    </Form>
  );
}

function RenameViewForm({ segment: s }: { segment: Segment }) {
  const form = useValidatedForm(RenameSegmentSchema, {
    intent: "rename",
    idPrefix: `rename-${s.id}`,
    defaultValues: { segmentId: s.id, name: s.name, description: s.description ?? "" },
    actionData: useAnswerFor(s.id),
  });
  return (
    <ValidatedForm form={form} className="mt-3 space-y-3 border-t border-line pt-3">
      <input type="hidden" name="segmentId" value={s.id} />
      <div className="grid gap-2 sm:grid-cols-3 sm:items-end">
        <TextField label="Name" maxLength={80} {...form.field("name")} />
        <TextField label="Description" maxLength={300} {...form.field("description")} />
        <SubmitButton variant="secondary">Rename</SubmitButton>
      </div>
    </ValidatedForm>
  );
}

export default function SavedViews() {
  const { segments } = useLoaderData<typeof loader>();
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
      <div className="mb-4 empty:hidden">
        <ActionNotice intent="delete" />
      </div>
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
          {segments.map((s) => (
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
                <DeleteViewButton segment={s} />
              </div>
              <RenameViewForm segment={s} />
            </Card>
          ))}
        </div>
      )}
    </>
  );
}
