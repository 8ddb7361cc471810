import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { StaffMemberActions } from "~/components/admin/staff-member-actions";
import { AccountEvents, AccountFacts } from "~/components/admin/staff-member-sections";
import { PageHeader } from "~/components/ui";
import { changeStaffRole } from "~/modules/identity/change-staff-role.server";
import { changeStaffTeam } from "~/modules/identity/change-staff-team.server";
import { deactivateStaff } from "~/modules/identity/deactivate-staff.server";
import { getStaffMember } from "~/modules/identity/get-staff-member.server";
import { reactivateStaff } from "~/modules/identity/reactivate-staff.server";
import { resendInvitation } from "~/modules/identity/resend-invitation.server";
import {
  ChangeRoleSchema,
  ChangeTeamSchema,
  DeactivateStaffSchema,
  NoFieldsSchema,
} from "~/modules/identity/schemas";
import { sendPasswordReset } from "~/modules/identity/send-password-reset.server";
import { requirePermission } from "~/platform/auth.server";
import { notFound } from "~/platform/errors";
import { defineAction, defineLoader, parseForm, parseIntent, parseParams } from "~/platform/http.server";
import { recordId } from "~/platform/input";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data && "user" in data ? data.user.name : "Staff member"} · Comeback` },
];

export const loader = defineLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requirePermission(request, "manage:staff");
  const { userId } = parseParams(params, { userId: recordId }, "That staff member");
  const member = await getStaffMember(userId);
  if (!member) throw notFound("That staff member");
  return { ...member, isSelf: member.user.id === actor.id };
});

const INTENTS = [
  "change-role",
  "change-team",
  "deactivate",
  "reactivate",
  "resend-invitation",
  "send-password-reset",
] as const;

export const action = defineAction(async ({ request, params }: ActionFunctionArgs) => {
  const actor = await requirePermission(request, "manage:staff");
  const { userId } = parseParams(params, { userId: recordId }, "That staff member");
  const intent = await parseIntent(request, INTENTS);
  const done = (message: string) => ({ ok: true as const, intent, message });
  switch (intent) {
    case "change-role": {
      const input = await parseForm(request, ChangeRoleSchema);
      const result = await changeStaffRole({ actor, userId, ...input });
      return done(
        !result.changed
          ? "Nothing changed: that is already their role and team."
          : result.sessionsEnded
            ? `Role changed. They were signed out of ${result.sessionsEnded} session${result.sessionsEnded === 1 ? "" : "s"} and sign in again with the new role.`
            : "Role changed. It applies from their next sign-in.",
      );
    }
    case "change-team": {
      const input = await parseForm(request, ChangeTeamSchema);
      const result = await changeStaffTeam({ actor, userId, teamId: input.teamId });
      return done(
        result.changed
          ? "Team changed. It applies to their next request."
          : "Nothing changed: they are already in that team.",
      );
    }
    case "deactivate": {
      const input = await parseForm(request, DeactivateStaffSchema);
      const result = await deactivateStaff({ actor, userId, reason: input.reason });
      return done(
        `Account deactivated. ${result.sessionsEnded} session${result.sessionsEnded === 1 ? "" : "s"} ended at once.`,
      );
    }
    case "reactivate": {
      const input = await parseForm(request, DeactivateStaffSchema);
      const result = await reactivateStaff({ actor, userId, reason: input.reason });
      return done(
        result.status === "active"
          ? "Account reactivated. They can sign in with their password again."
          : "Account reactivated. Send them a new invitation so they can set a password.",
      );
    }
    case "resend-invitation": {
      await parseForm(request, NoFieldsSchema);
      await resendInvitation({ actor, userId });
      return done("A new invitation is on its way. Older invitation links no longer work.");
    }
    case "send-password-reset": {
      await parseForm(request, NoFieldsSchema);
      await sendPasswordReset({ actor, userId });
      return done("A password-reset link is on its way. It works once, for 30 minutes.");
    }
  }
});

export default function StaffMember() {
  const { user, roles, teams, activeSessions, invitation, events, isSelf } = useLoaderData<typeof loader>();
  return (
    <>
      <p className="mb-2 text-sm">
        <Link to="/staff/admin/users" className="text-brand underline">
          ← All staff
        </Link>
      </p>
      <PageHeader title={user.name} description={user.email} />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <AccountFacts user={user} activeSessions={activeSessions} invitation={invitation} />
          <AccountEvents userId={user.id} events={events} />
        </div>
        <div className="min-w-0">
          <StaffMemberActions user={user} roles={roles} teams={teams} isSelf={isSelf} />
        </div>
      </div>
    </>
  );
}
