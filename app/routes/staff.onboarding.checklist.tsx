import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ChecklistEditor } from "~/components/onboarding/checklist-editor";
import { Time } from "~/components/time";
import { Card, PageHeader } from "~/components/ui";
import { ChecklistSchema, editChecklistDraft } from "~/modules/onboarding/checklist";
import { getChecklistSettings, saveChecklist } from "~/modules/onboarding/checklist-versions.server";
import { requirePermission } from "~/platform/auth.server";
import { AppError } from "~/platform/errors";
import {
  defineAction,
  defineLoader,
  parseForm,
  submittedForm,
  submittedValues,
} from "~/platform/http.server";

export const meta: MetaFunction = () => [{ title: "Onboarding checklist · Comeback" }];

export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  await requirePermission(request, "manage:contract");
  return getChecklistSettings();
});

export const action = defineAction(async ({ request }: ActionFunctionArgs) => {
  const actor = await requirePermission(request, "manage:contract");
  const edit = (await submittedForm(request)).get("edit");
  if (typeof edit === "string") {
    // "Add a task", "Remove", "Move up/down" without JavaScript: the rows come back changed, unsaved.
    const draft = editChecklistDraft(await submittedValues(request), edit);
    if (!draft)
      throw new AppError(
        "bad_request",
        "That change to the checklist is not one this page offers. Reload it.",
      );
    return { ok: true as const, intent: "checklist", draft };
  }
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
        <Card title="The steps after a contract is accepted" className="lg:col-span-2">
          <div className="mb-4 space-y-2 text-sm text-muted">
            <p>
              When a person accepts a contract, these steps are copied onto it. Each has an owner who marks it
              done: the returning person in the portal, HR or the hiring manager on the contract’s page. The
              contract becomes active once every required step is done; optional steps never hold it back.
            </p>
            <p>
              “Due within” counts days from the day the person accepts. Saving makes a new version: contracts
              accepted after that use it, and{" "}
              {page.running === 0
                ? "contracts already in onboarding keep the steps they started with"
                : page.running === 1
                  ? "the 1 contract in onboarding now keeps the steps it started with"
                  : `the ${page.running} contracts in onboarding now keep the steps they started with`}
              . On a contract’s page HR can mark a step as carried over when an earlier employment already
              covers it.
            </p>
          </div>
          <ChecklistEditor items={page.items} version={page.version} />
        </Card>
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
