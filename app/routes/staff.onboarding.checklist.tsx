import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { SubmitButton, useValidatedForm, ValidatedForm } from "~/components/form";
import { Time } from "~/components/time";
import { Card, PageHeader, Table, TextArea } from "~/components/ui";
import {
  ChecklistSchema,
  KIND_LABELS,
  OWNER_LABELS,
  type ChecklistItem,
} from "~/modules/onboarding/checklist";
import { getChecklistSettings, saveChecklist } from "~/modules/onboarding/checklist-versions.server";
import { requirePermission } from "~/platform/auth.server";
import { defineAction, defineLoader, parseForm } from "~/platform/http.server";

export const meta: MetaFunction = () => [{ title: "Onboarding checklist · Comeback" }];

export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  await requirePermission(request, "manage:contract");
  return getChecklistSettings();
});

export const action = defineAction(async ({ request }: ActionFunctionArgs) => {
  const actor = await requirePermission(request, "manage:contract");
  const input = await parseForm(request, ChecklistSchema);
  const result = await saveChecklist({ actor, input });
  return {
    ok: true as const,
    intent: "checklist",
    message: result.changed
      ? `Saved as version ${result.version}. Contracts accepted from now on use it; checklists already running keep theirs.`
      : "Nothing changed: this is the checklist already saved.",
  };
});

export default function ChecklistSettings() {
  const page = useLoaderData<typeof loader>();
  const form = useValidatedForm(ChecklistSchema, {
    intent: "checklist",
    defaultValues: { version: page.version, checklist: page.text } as never,
  });
  return (
    <>
      <p className="mb-2 text-sm">
        <Link to="/staff/contracts" className="text-brand underline">
          ← Contracts
        </Link>
      </p>
      <PageHeader
        title="Onboarding checklist"
        description={
          page.version === 0
            ? "The built-in checklist: no version saved yet. Every saved version is kept as it was."
            : `Version ${page.version}. Every saved version is kept as it was.`
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title="The steps now">
            <Table<ChecklistItem>
              caption="The current onboarding checklist"
              rows={page.items}
              rowKey={(i) => `${i.owner}:${i.title}`}
              columns={[
                { key: "title", label: "Step", cell: (i) => i.title, rowHeader: true },
                { key: "owner", label: "Who", cell: (i) => OWNER_LABELS[i.owner] },
                { key: "kind", label: "Kind", cell: (i) => KIND_LABELS[i.kind] },
                { key: "due", label: "Due", cell: (i) => `${i.dueOffsetDays} days after acceptance` },
                { key: "required", label: "Required", cell: (i) => (i.required ? "Required" : "Optional") },
              ]}
            />
          </Card>
          <Card title="Change the checklist">
            <p className="mb-3 text-sm text-muted">
              One step a line: who (person, hr or manager) | kind ({Object.keys(KIND_LABELS).join(", ")}) |
              due in days after acceptance | required or optional | the step’s title. Saving makes a new
              version: {page.running === 1 ? "the 1 contract" : `the ${page.running} contracts`} in onboarding
              now keep the steps they started with.
            </p>
            <ValidatedForm form={form}>
              <input type="hidden" name="version" value={page.version} />
              <TextArea
                label="Steps"
                rows={Math.max(8, page.items.length + 3)}
                {...form.field("checklist")}
              />
              <SubmitButton>Save as a new version</SubmitButton>
            </ValidatedForm>
          </Card>
        </div>
        <Card title="Versions">
          {page.versions.length ? (
            <ol className="space-y-2 text-sm">
              {page.versions.map((v) => (
                <li key={v.version}>
                  Version {v.version}
                  {v.by ? ` by ${v.by}` : ""}, <Time iso={v.at} />
                </li>
              ))}
            </ol>
          ) : (
            <p className="text-sm text-muted">None saved yet: the built-in checklist is in use.</p>
          )}
        </Card>
      </div>
    </>
  );
}
