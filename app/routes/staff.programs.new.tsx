import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ProgramForm } from "~/components/pipeline/program-form";
import { Card, PageHeader } from "~/components/ui";
import { getProgramFormOptions } from "~/modules/applications/get-program-page.server";
import { saveProgram } from "~/modules/applications/save-program.server";
import { ProgramSchema } from "~/modules/applications/schemas";
import { requirePermission } from "~/platform/auth.server";
import { defineAction, defineLoader, parseForm } from "~/platform/http.server";

export const meta: MetaFunction = () => [{ title: "New return program · Comeback" }];

export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  await requirePermission(request, "manage:program");
  return getProgramFormOptions();
});

export const action = defineAction(async ({ request }: ActionFunctionArgs) => {
  const actor = await requirePermission(request, "manage:program");
  const input = await parseForm(request, ProgramSchema);
  const created = await saveProgram({ actor, input });
  return redirect(`/staff/programs/${created.id}?saved=created`);
});

export default function NewProgram() {
  const { phases, managers, checklists } = useLoaderData<typeof loader>();
  return (
    <>
      <p className="mb-2 text-sm">
        <Link to="/staff/programs" className="text-brand underline">
          ← All programs
        </Link>
      </p>
      <PageHeader
        title="New return program"
        description="It starts as a draft: nobody outside HR sees it until you open it."
      />
      <Card className="max-w-3xl">
        {phases.length === 0 ? (
          <p className="mb-4 text-sm">
            Programs belong to a phase of a workforce decision, and no decision has phases yet.{" "}
            <Link to="/staff/decisions" className="text-brand underline">
              Add phases to a decision
            </Link>{" "}
            first.
          </p>
        ) : null}
        <ProgramForm
          intent="save"
          phases={phases}
          managers={managers}
          checklists={checklists}
          submitLabel="Create the program"
        />
      </Card>
    </>
  );
}
