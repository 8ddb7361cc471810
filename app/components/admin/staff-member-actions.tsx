import { Link } from "@remix-run/react";
import { SubmitButton, useValidatedForm, ValidatedForm } from "~/components/form";
import { Card, Notice, SelectField, TextArea } from "~/components/ui";
import {
  ChangeRoleSchema,
  ChangeTeamSchema,
  DeactivateStaffSchema,
  NoFieldsSchema,
} from "~/modules/identity/schemas";
import type { StaffMemberPage } from "./staff-member-sections";

/** What an administrator can do to another person's account, each its own small form. */
export function StaffMemberActions({
  user,
  roles,
  teams,
  isSelf,
}: Pick<StaffMemberPage, "user" | "roles" | "teams"> & { isSelf: boolean }) {
  return (
    <div className="space-y-6">
      {isSelf ? (
        <Notice tone="info" title="This is your own account">
          Another administrator changes your role or deactivates your account, so Comeback is never left
          without an administrator by accident. Change your password on{" "}
          <Link className="underline" to="/staff/account">
            your account page
          </Link>
          .
        </Notice>
      ) : (
        <RoleForm roleId={user.roleId} teamId={user.team?.id ?? ""} roles={roles} teams={teams} />
      )}
      {user.roleId === "manager" ? <TeamForm teamId={user.team?.id ?? ""} teams={teams} /> : null}
      {user.status === "invited" ? <ResendInvitationForm /> : null}
      {user.status === "active" ? <PasswordResetForm /> : null}
      {isSelf ? null : user.status === "deactivated" ? <ReactivateForm /> : <DeactivateForm />}
    </div>
  );
}

const teamChoices = (teams: { id: string; name: string }[], none: string) => [
  { value: "", label: none },
  ...teams.map((t) => ({ value: t.id, label: t.name })),
];

/** A new role (and team, for a manager), with the reason kept in the audit trail. */
export function RoleForm({
  roleId,
  teamId,
  roles,
  teams,
}: {
  roleId: string;
  teamId: string;
  roles: { id: string; label: string }[];
  teams: { id: string; name: string }[];
}) {
  const form = useValidatedForm(ChangeRoleSchema, {
    intent: "change-role",
    defaultValues: { roleId: roleId as never, teamId },
  });
  return (
    <Card title="Role">
      <ValidatedForm form={form}>
        <SelectField
          label="Role"
          options={roles.map((r) => ({ value: r.id, label: r.label }))}
          {...form.field("roleId")}
        />
        <SelectField
          label="Team"
          hint="Required for managers; other roles have no team."
          options={teamChoices(teams, "No team")}
          {...form.field("teamId")}
        />
        <TextArea label="Reason (kept in the audit trail)" rows={2} {...form.field("reason")} />
        <SubmitButton>Change role</SubmitButton>
        <p className="text-sm text-muted">
          A new role signs them out everywhere; they sign in again with the new permissions.
        </p>
      </ValidatedForm>
    </Card>
  );
}

/** Moves a manager to another team. */
export function TeamForm({ teamId, teams }: { teamId: string; teams: { id: string; name: string }[] }) {
  const form = useValidatedForm(ChangeTeamSchema, { intent: "change-team", defaultValues: { teamId } });
  return (
    <Card title="Team">
      <ValidatedForm form={form}>
        <SelectField label="Team" options={teamChoices(teams, "Choose a team")} {...form.field("teamId")} />
        <SubmitButton variant="secondary">Move to this team</SubmitButton>
      </ValidatedForm>
    </Card>
  );
}

export function ResendInvitationForm() {
  const form = useValidatedForm(NoFieldsSchema, { intent: "resend-invitation" });
  return (
    <Card title="Invitation">
      <ValidatedForm form={form} className="space-y-3">
        <p className="text-sm text-muted">
          Sends a new link (valid 72 hours). Links sent before stop working.
        </p>
        <SubmitButton variant="secondary">Send the invitation again</SubmitButton>
      </ValidatedForm>
    </Card>
  );
}

export function PasswordResetForm() {
  const form = useValidatedForm(NoFieldsSchema, { intent: "send-password-reset" });
  return (
    <Card title="Password">
      <ValidatedForm form={form} className="space-y-3">
        <p className="text-sm text-muted">
          Emails them a link to choose a new password (valid 30 minutes, works once).
        </p>
        <SubmitButton variant="secondary">Send a password-reset link</SubmitButton>
      </ValidatedForm>
    </Card>
  );
}

export function ReactivateForm() {
  const form = useValidatedForm(DeactivateStaffSchema, { intent: "reactivate" });
  return (
    <Card title="Account status">
      <ValidatedForm form={form}>
        <TextArea label="Reason (kept in the audit trail)" rows={2} {...form.field("reason")} />
        <SubmitButton>Reactivate account</SubmitButton>
      </ValidatedForm>
    </Card>
  );
}

export function DeactivateForm() {
  const form = useValidatedForm(DeactivateStaffSchema, { intent: "deactivate" });
  return (
    <Card title="Account status">
      <ValidatedForm form={form}>
        <p className="text-sm text-muted">
          Deactivating ends every session at once and stops any invitation or reset link from working.
        </p>
        <TextArea label="Reason (kept in the audit trail)" rows={2} {...form.field("reason")} />
        <SubmitButton variant="danger">Deactivate account</SubmitButton>
      </ValidatedForm>
    </Card>
  );
}
