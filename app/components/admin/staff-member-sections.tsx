import { Link } from "@remix-run/react";
import { StaffStatusBadge } from "~/components/staff-status";
import { Time } from "~/components/time";
import { Card, Facts, Table } from "~/components/ui";
import type { getStaffMember } from "~/modules/identity/get-staff-member.server";

export type StaffMemberPage = NonNullable<Awaited<ReturnType<typeof getStaffMember>>>;
export type StaffMemberAccount = StaffMemberPage["user"];
export type StaffMemberEvent = StaffMemberPage["events"][number];

/** The account at a glance: status, role, team, sign-ins, password and invitation. */
export function AccountFacts({
  user,
  activeSessions,
  invitation,
}: Pick<StaffMemberPage, "user" | "activeSessions" | "invitation">) {
  return (
    <Card title="Account">
      <Facts
        items={[
          { label: "Status", value: <StaffStatusBadge status={user.status} /> },
          { label: "Role", value: user.role.label },
          { label: "Team", value: user.team?.name ?? "—" },
          { label: "Last sign-in", value: <Time iso={user.lastSignInAt} fallback="Never" /> },
          { label: "Account created", value: <Time iso={user.createdAt} /> },
          { label: "Password last set", value: <Time iso={user.passwordChangedAt} fallback="Not yet" /> },
          { label: "Live sessions", value: String(activeSessions) },
          {
            label: "Invitation",
            value: invitation ? (
              <>
                Sent <Time iso={invitation.sentAt} />; {invitation.expired ? "expired" : "valid until"}{" "}
                <Time iso={invitation.expiresAt} />
              </>
            ) : user.status === "invited" ? (
              "No valid link"
            ) : (
              "—"
            ),
          },
        ]}
      />
    </Card>
  );
}

/** The latest audit events about the account, in words, with a link to all of them. */
export function AccountEvents({ userId, events }: { userId: string; events: readonly StaffMemberEvent[] }) {
  return (
    <Card title="Recent changes to this account">
      <Table
        caption="Latest audit events about this account"
        rows={events}
        rowKey={(e) => e.id}
        empty={<p className="text-sm text-muted">Nothing recorded yet.</p>}
        columns={[
          { key: "what", label: "What", rowHeader: true, cell: (e) => e.what },
          { key: "when", label: "When", cell: (e) => <Time iso={e.occurredAt} /> },
          { key: "by", label: "By", cell: (e) => e.actorName ?? "—" },
          {
            key: "reason",
            label: "Reason",
            cell: (e) => <span className="whitespace-pre-wrap">{e.reason ?? "—"}</span>,
          },
        ]}
      />
      <p className="mt-3 text-sm">
        <Link
          className="text-brand underline"
          to={`/staff/admin/audit?entityType=user&entityId=${encodeURIComponent(userId)}`}
        >
          Everything about this account in the audit trail
        </Link>
      </p>
    </Card>
  );
}
