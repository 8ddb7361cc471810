import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { ActionNotice, SubmitButton, useValidatedForm, ValidatedForm } from "~/components/form";
import { ProgramDescription } from "~/components/pipeline/description";
import { ProgramForm } from "~/components/pipeline/program-form";
import { ProgressFunnel } from "~/components/pipeline/progress";
import { ProgramStatusBadge } from "~/components/pipeline/status";
import { Badge, Button, Card, Facts, Notice, PageHeader, TextArea, TextField } from "~/components/ui";
import { findPersonForApplication } from "~/modules/applications/find-person.server";
import { getProgramPage } from "~/modules/applications/get-program-page.server";
import { ENGAGEMENT_LABELS, PROGRAM_STATUS_LABELS, type ProgramStatus } from "~/modules/applications/labels";
import { changeProgramStatus } from "~/modules/applications/change-program-status.server";
import { saveProgram } from "~/modules/applications/save-program.server";
import { AddApplicantSchema, ProgramSchema, ProgramStatusSchema } from "~/modules/applications/schemas";
import { submitApplication } from "~/modules/applications/submit-application.server";
import { requireAnyPermission, requirePermission } from "~/platform/auth.server";
import { defineAction, defineLoader, parseForm, parseIntent, parseParams } from "~/platform/http.server";
import { recordId } from "~/platform/input";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data && "program" in data ? data.program.title : "Return program"} · Comeback` },
];

export const loader = defineLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requireAnyPermission(request, ["read:pipeline:any", "read:pipeline:own"]);
  const { programId } = parseParams(params, { programId: recordId }, "That program");
  return getProgramPage({ actor, programId });
});

/**
 * The program's next statuses, one button each (the button's value is the status). Its outcome
 * shows above it (ActionNotice): the buttons change with the status.
 */
function StatusForm({ version, moves }: { version: number; moves: readonly ProgramStatus[] }) {
  const form = useValidatedForm(ProgramStatusSchema, { intent: "status" });
  return (
    <Form method="post" noValidate onSubmit={form.onSubmit} className="flex flex-wrap gap-2">
      <input type="hidden" name="intent" value="status" />
      <input type="hidden" name="version" value={version} />
      {moves.map((s) => (
        <Button
          key={s}
          type="submit"
          name="status"
          value={s}
          variant={s === "open" ? "primary" : "secondary"}
          busy={form.busy && form.getValues("status") === s}
        >
          {STATUS_VERBS[s]}
        </Button>
      ))}
    </Form>
  );
}

const STATUS_VERBS: Record<ProgramStatus, string> = {
  draft: "Back to draft",
  open: "Open for applications",
  paused: "Pause",
  closed: "Close",
};

export const action = defineAction(async ({ request, params }: ActionFunctionArgs) => {
  await requireAnyPermission(request, ["manage:program", "move:application:any"]);
  const { programId } = parseParams(params, { programId: recordId }, "That program");
  const intent = await parseIntent(request, ["save", "status", "add-applicant"]);
  switch (intent) {
    case "save": {
      const actor = await requirePermission(request, "manage:program");
      const input = await parseForm(request, ProgramSchema);
      const result = await saveProgram({ actor, programId, input });
      return {
        ok: true as const,
        intent,
        message: result.changed ? "Program saved." : "Nothing to save: the program already reads like this.",
      };
    }
    case "status": {
      const actor = await requirePermission(request, "manage:program");
      const input = await parseForm(request, ProgramStatusSchema);
      await changeProgramStatus({ actor, programId, version: input.version, status: input.status });
      const messages: Record<ProgramStatus, string> = {
        draft: "The program is a draft again.",
        open: "The program is open: it appears in the alumni portal and takes applications.",
        paused: "The program is paused: hidden from the portal, its applications kept.",
        closed: "The program is closed to new applications. Its pipeline goes on.",
      };
      return { ok: true as const, intent, message: messages[input.status] };
    }
    case "add-applicant": {
      const actor = await requirePermission(request, "move:application:any");
      const input = await parseForm(request, AddApplicantSchema);
      const alumnusId = await findPersonForApplication(input.person);
      await submitApplication({ actor, programId, alumnusId, input });
      return { ok: true as const, intent, message: "Application added. It is in the pipeline as submitted." };
    }
  }
});

function AddApplicant() {
  const form = useValidatedForm(AddApplicantSchema, { intent: "add-applicant", resetOnSuccess: true });
  return (
    <ValidatedForm form={form}>
      <TextField
        label="Person"
        hint="Their HR id, or their work or personal email address."
        {...form.field("person")}
      />
      <TextArea
        label="What they told us"
        rows={3}
        hint="For example their answer to the invitation, or what they said on the phone."
        {...form.field("motivation")}
      />
      <TextField label="Hours per week" inputMode="numeric" {...form.field("availabilityHours")} />
      <TextField label="Earliest start" type="date" hint="YYYY-MM-DD" {...form.field("earliestStart")} />
      <SubmitButton variant="secondary">Add the application</SubmitButton>
    </ValidatedForm>
  );
}

export default function ProgramPage() {
  const { program: p, mayManage, mayAddApplicant, options } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <>
      <p className="mb-2 text-sm">
        <Link to="/staff/programs" className="text-brand underline">
          ← All programs
        </Link>
      </p>
      <PageHeader
        title={p.title}
        description={
          <>
            {p.decision.title} · {p.phase.name}
          </>
        }
        actions={<ProgramStatusBadge status={p.status} />}
      />
      {params.get("saved") === "created" ? (
        <div className="mb-4">
          <Notice tone="success">
            Program created as a draft. Open it when it is ready: then it appears in the alumni portal.
          </Notice>
        </div>
      ) : null}
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title="The program">
            <ProgramDescription text={p.description} />
            <div className="mt-4">
              <Facts
                items={[
                  { label: "Engagement", value: ENGAGEMENT_LABELS[p.engagementType] },
                  { label: "Where", value: p.remote ? "Remote" : p.place },
                  { label: "Hourly rate", value: `${p.rateMin}–${p.rateMax} ${p.currency}` },
                  { label: "Openings", value: String(p.openings) },
                  { label: "Hiring manager", value: p.hiringManager.name },
                  { label: "Closing date", value: p.closesOn ?? "None" },
                  { label: "Onboarding checklist", value: p.checklist },
                ]}
              />
            </div>
          </Card>
          {mayManage && options ? (
            <Card title="Edit the program">
              <ProgramForm
                intent="save"
                initial={{
                  ...p,
                  phaseId: p.phase.id,
                  hiringManagerId: p.hiringManager.id,
                  workplace: p.remote ? "remote" : "place",
                }}
                phases={options.phases}
                managers={options.managers}
                checklists={options.checklists}
                submitLabel="Save the program"
              />
            </Card>
          ) : null}
        </div>
        <div className="space-y-6">
          <Card title="Progress">
            <ProgressFunnel
              progress={p.progress}
              goal={p.openings}
              goalLabel="Openings"
              caption={`Applications to ${p.title} against its openings`}
            />
            <Link
              to={`/staff/pipeline?program=${p.id}`}
              className="mt-3 inline-block text-sm text-brand underline"
            >
              See the applicants in the pipeline →
            </Link>
          </Card>
          {mayManage ? (
            <Card title="Status">
              <ActionNotice intent="status" />
              <p className="mb-3 text-sm text-muted">
                Now: {PROGRAM_STATUS_LABELS[p.status]}.{" "}
                {p.status === "open"
                  ? "Shown in the alumni portal."
                  : p.status === "draft"
                    ? "Only staff see it."
                    : "Not shown in the portal."}
              </p>
              <StatusForm version={p.version} moves={p.statusMoves} />
            </Card>
          ) : null}
          {p.campaigns.length ? (
            <Card title="Invitations pointing here">
              <ul className="space-y-1 text-sm">
                {p.campaigns.map((c) => (
                  <li key={c.id}>
                    <Link to={`/staff/campaigns/${c.id}`} className="text-brand underline">
                      {c.name}
                    </Link>{" "}
                    <Badge>{c.status}</Badge>
                  </li>
                ))}
              </ul>
            </Card>
          ) : null}
          {mayAddApplicant && p.status === "open" ? (
            <Card title="Add an applicant">
              <p className="mb-3 text-sm text-muted">
                For someone who said yes to an invitation or by phone. They get the usual “application
                received” email.
              </p>
              <AddApplicant />
            </Card>
          ) : null}
        </div>
      </div>
    </>
  );
}
