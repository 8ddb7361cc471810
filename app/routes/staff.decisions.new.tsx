import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link } from "@remix-run/react";
import { DecisionForm } from "~/components/decision-form";
import { Card, PageHeader } from "~/components/ui";
import { DecisionSchema } from "~/modules/decisions/decision-schemas";
import { saveDecision } from "~/modules/decisions/save-decision.server";
import { requirePermission } from "~/platform/auth.server";
import { defineAction, defineLoader, parseForm } from "~/platform/http.server";

export const meta: MetaFunction = () => [{ title: "Record a workforce decision · Comeback" }];

export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  await requirePermission(request, "manage:decision");
  return {};
});

export const action = defineAction(async ({ request }: ActionFunctionArgs) => {
  const actor = await requirePermission(request, "manage:decision");
  const input = await parseForm(request, DecisionSchema);
  const saved = await saveDecision({ actor, input });
  return redirect(`/staff/decisions/${saved.id}?saved=created`);
});

export default function NewDecision() {
  return (
    <>
      <p className="mb-2 text-sm">
        <Link to="/staff/decisions" className="text-brand underline">
          ← All decisions
        </Link>
      </p>
      <PageHeader
        title="Record a workforce decision"
        description="What was decided, why and when. You can link the people who left under it afterwards."
      />
      <Card>
        <DecisionForm initial={{}} submitLabel="Record decision" />
      </Card>
    </>
  );
}
