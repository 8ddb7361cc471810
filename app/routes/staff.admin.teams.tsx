import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useValidatedForm } from "~/components/form";
import { StaffStatusBadge } from "~/components/staff-status";
import { Time } from "~/components/time";
import { Notice, Button, Card, EmptyState, PageHeader, SelectField, Table, TextField } from "~/components/ui";
import { changeStaffTeam } from "~/modules/identity/change-staff-team.server";
import { createTeam } from "~/modules/identity/create-team.server";
import { listTeams } from "~/modules/identity/list-teams.server";
import { AssignManagerSchema, CreateTeamSchema } from "~/modules/identity/schemas";
import { requirePermission } from "~/platform/auth.server";
import { defineAction, defineLoader, parseForm, parseIntent } from "~/platform/http.server";

export const meta: MetaFunction = () => [{ title: "Teams · Comeback" }];

export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  await requirePermission(request, "manage:staff");
  return listTeams();
});

export const action = defineAction(async ({ request }: ActionFunctionArgs) => {
  const actor = await requirePermission(request, "manage:staff");
  const intent = await parseIntent(request, ["create-team", "assign-manager"]);
  if (intent === "create-team") {
    const input = await parseForm(request, CreateTeamSchema);
    await createTeam({ actor, name: input.name });
    return { ok: true as const, intent, message: `Team "${input.name}" created. Assign its managers below.` };
  }
  const input = await parseForm(request, AssignManagerSchema);
  const result = await changeStaffTeam({ actor, userId: input.userId, teamId: input.teamId });
  return {
    ok: true as const,
    intent,
    message: result.changed
      ? "Manager assigned to the team."
      : "Nothing changed: they were already in that team.",
  };
});

export default function Teams() {
  const { teams, managers } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const resultFor = (intent: string) =>
    actionData && "intent" in actionData && actionData.intent === intent ? actionData : undefined;
  const created = resultFor("create-team");
  const assigned = resultFor("assign-manager");
  const createForm = useValidatedForm(CreateTeamSchema, {
    serverErrors: created && !created.ok ? created.error.fieldErrors : undefined,
  });
  const assignForm = useValidatedForm(AssignManagerSchema, {
    serverErrors: assigned && !assigned.ok ? assigned.error.fieldErrors : undefined,
  });
  const busy = (intent: string) =>
    navigation.state === "submitting" && navigation.formData?.get("intent") === intent;

  return (
    <>
      <p className="mb-2 text-sm">
        <Link to="/staff/admin/users" className="text-brand underline">
          ← All staff
        </Link>
      </p>
      <PageHeader
        title="Teams"
        description="Managers belong to a team; gig contracts and approvals are owned by teams."
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <Card title="Teams and their managers" className="lg:col-span-2">
          {teams.length === 0 ? (
            <EmptyState title="No teams yet">Create the first team on the right.</EmptyState>
          ) : (
            <Table
              caption="Teams and their members"
              rows={teams}
              rowKey={(t) => t.id}
              columns={[
                {
                  key: "team",
                  label: "Team",
                  rowHeader: true,
                  cell: (t) => <span className="font-medium">{t.name}</span>,
                },
                {
                  key: "members",
                  label: "Members",
                  cell: (t) =>
                    t.members.length === 0 ? (
                      <span className="text-muted">No managers yet</span>
                    ) : (
                      <ul className="space-y-1">
                        {t.members.map((m) => (
                          <li key={m.id} className="flex flex-wrap items-center gap-2">
                            <Link className="text-brand underline" to={`/staff/admin/users/${m.id}`}>
                              {m.name}
                            </Link>
                            {m.status !== "active" ? <StaffStatusBadge status={m.status} /> : null}
                          </li>
                        ))}
                      </ul>
                    ),
                },
                { key: "created", label: "Created", cell: (t) => <Time iso={t.createdAt} /> },
              ]}
            />
          )}
        </Card>
        <div className="space-y-6">
          <Card title="Create a team">
            <Form method="post" noValidate onSubmit={createForm.onSubmit} className="space-y-4">
              {created?.ok ? (
                <Notice tone="success">{created.message}</Notice>
              ) : created ? (
                <Notice tone="error">{created.error.message}</Notice>
              ) : null}
              <TextField
                label="Team name"
                autoComplete="off"
                required
                defaultValue={created && !created.ok ? created.values?.name : undefined}
                {...createForm.register("name")}
                errors={createForm.errorsFor("name")}
              />
              <Button type="submit" name="intent" value="create-team" busy={busy("create-team")}>
                Create team
              </Button>
            </Form>
          </Card>
          <Card title="Assign a manager">
            {managers.length === 0 ? (
              <p className="text-sm text-muted">
                There are no managers yet. Invite someone with the manager role first.
              </p>
            ) : teams.length === 0 ? (
              <p className="text-sm text-muted">Create a team first.</p>
            ) : (
              <Form method="post" noValidate onSubmit={assignForm.onSubmit} className="space-y-4">
                {assigned?.ok ? (
                  <Notice tone="success">{assigned.message}</Notice>
                ) : assigned ? (
                  <Notice tone="error">{assigned.error.message}</Notice>
                ) : null}
                <SelectField
                  label="Manager"
                  defaultValue=""
                  options={[
                    { value: "", label: "Choose a manager" },
                    ...managers.map((m) => ({
                      value: m.id,
                      label: m.teamName ? `${m.name} (now in ${m.teamName})` : m.name,
                    })),
                  ]}
                  {...assignForm.register("userId")}
                  errors={assignForm.errorsFor("userId")}
                />
                <SelectField
                  label="Team"
                  defaultValue=""
                  options={[
                    { value: "", label: "Choose a team" },
                    ...teams.map((t) => ({ value: t.id, label: t.name })),
                  ]}
                  {...assignForm.register("teamId")}
                  errors={assignForm.errorsFor("teamId")}
                />
                <Button
                  type="submit"
                  name="intent"
                  value="assign-manager"
                  variant="secondary"
                  busy={busy("assign-manager")}
                >
                  Assign
                </Button>
              </Form>
            )}
          </Card>
        </div>
      </div>
    </>
  );
}
