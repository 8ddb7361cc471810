// @vitest-environment happy-dom
import { createRemixStub } from "@remix-run/testing";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { renderOnPage } from "../../../test/components/on-page";
import { StaffMemberActions } from "./staff-member-actions";
import { AccountEvents, AccountFacts, type StaffMemberAccount } from "./staff-member-sections";

function inRouter(element: React.ReactElement) {
  const Stub = createRemixStub([{ path: "*", Component: () => element }]);
  return render(<Stub initialEntries={["/staff/admin/users/u1"]} />);
}

const user = (extra: Partial<StaffMemberAccount> = {}): StaffMemberAccount => ({
  id: "u1",
  name: "Priya Shah",
  email: "priya@example.com",
  roleId: "manager",
  status: "active",
  lastSignInAt: "2026-12-01T09:30:00.000Z",
  createdAt: "2026-01-15T08:00:00.000Z",
  passwordChangedAt: null,
  role: { label: "Manager" },
  team: { id: "t1", name: "Support North" },
  ...extra,
});

const roles = [
  { id: "admin", label: "Administrator" },
  { id: "hr", label: "HR" },
  { id: "manager", label: "Manager" },
];
const teams = [
  { id: "t1", name: "Support North" },
  { id: "t2", name: "Support South" },
];

describe("a staff member's account sections", () => {
  it("shows the account at a glance", async () => {
    inRouter(<AccountFacts user={user()} activeSessions={2} invitation={null} />);
    const card = (await screen.findByRole("heading", { name: "Account" })).closest("section")!;
    const fact = (label: string) => within(card).getByText(label).nextElementSibling!.textContent;
    expect(fact("Status")).toBe("Active");
    expect(fact("Role")).toBe("Manager");
    expect(fact("Team")).toBe("Support North");
    expect(fact("Last sign-in")).toContain("1 Dec 2026");
    expect(fact("Password last set")).toBe("Not yet");
    expect(fact("Live sessions")).toBe("2");
    expect(fact("Invitation")).toBe("—");
  });

  it("says when an invited person has no valid link", async () => {
    inRouter(<AccountFacts user={user({ status: "invited" })} activeSessions={0} invitation={null} />);
    expect(await screen.findByText("No valid link")).toBeTruthy();
  });

  it("lists the latest changes in words, with who and why, and links the whole trail", async () => {
    inRouter(
      <AccountEvents
        userId="u1"
        events={[
          {
            id: "9",
            occurredAt: "2026-12-02T10:00:00.000Z",
            action: "staff.role_changed",
            what: "Role changed",
            actorName: "Ada Admin",
            reason: "Moved to the support team lead",
          },
          {
            id: "8",
            occurredAt: "2026-11-30T10:00:00.000Z",
            action: "staff.invited",
            what: "Staff member invited",
            actorName: null,
            reason: null,
          },
        ]}
      />,
    );
    const table = await screen.findByRole("table", { name: "Latest audit events about this account" });
    const [role, invited] = within(table).getAllByRole("row").slice(1);
    expect(within(role).getByRole("rowheader").textContent).toBe("Role changed");
    expect(role.textContent).toContain("Ada Admin");
    expect(role.textContent).toContain("Moved to the support team lead");
    expect(role.textContent).toContain("2 Dec 2026");
    expect(table.textContent).not.toContain("staff.role_changed");
    expect(within(invited).getByRole("rowheader").textContent).toBe("Staff member invited");
    expect(
      screen
        .getByRole("link", { name: "Everything about this account in the audit trail" })
        .getAttribute("href"),
    ).toBe("/staff/admin/audit?entityType=user&entityId=u1");
  });

  it("says so when nothing is recorded yet", async () => {
    inRouter(<AccountEvents userId="u1" events={[]} />);
    expect(await screen.findByText("Nothing recorded yet.")).toBeTruthy();
    expect(screen.queryByRole("table")).toBeNull();
  });
});

describe("what an administrator can do to an account", () => {
  it("offers a manager's role, team, password reset and deactivation", async () => {
    inRouter(<StaffMemberActions user={user()} roles={roles} teams={teams} isSelf={false} />);
    await screen.findByRole("heading", { name: "Role" });
    expect((screen.getByLabelText("Role") as HTMLSelectElement).value).toBe("manager");
    for (const name of [
      "Change role",
      "Move to this team",
      "Send a password-reset link",
      "Deactivate account",
    ])
      expect(screen.getByRole("button", { name })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Send the invitation again" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Reactivate account" })).toBeNull();
  });

  it("lets nobody change their own role or deactivate themselves", async () => {
    inRouter(
      <StaffMemberActions
        user={user({ roleId: "admin", role: { label: "Administrator" }, team: null })}
        roles={roles}
        teams={teams}
        isSelf
      />,
    );
    expect(await screen.findByText("This is your own account")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Change role" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Deactivate account" })).toBeNull();
    expect(screen.queryByRole("heading", { name: "Team" })).toBeNull();
  });

  it("offers an invited person a new invitation, a deactivated one reactivation", async () => {
    const { unmount } = inRouter(
      <StaffMemberActions user={user({ status: "invited" })} roles={roles} teams={teams} isSelf={false} />,
    );
    expect(await screen.findByRole("button", { name: "Send the invitation again" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Send a password-reset link" })).toBeNull();
    unmount();
    inRouter(
      <StaffMemberActions
        user={user({ status: "deactivated" })}
        roles={roles}
        teams={teams}
        isSelf={false}
      />,
    );
    expect(await screen.findByRole("button", { name: "Reactivate account" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Deactivate account" })).toBeNull();
  });

  it("sends the deactivation with its reason, then shows what happened", async () => {
    const { posts } = renderOnPage(
      <StaffMemberActions user={user()} roles={roles} teams={teams} isSelf={false} />,
      {
        path: "/staff/admin/users/u1",
        answer: () => ({
          ok: true,
          intent: "deactivate",
          message: "Account deactivated. 2 sessions ended at once.",
        }),
      },
    );
    const person = userEvent.setup();
    const deactivate = await screen.findByRole("button", { name: "Deactivate account" });
    const form = deactivate.closest("form")!;
    await person.type(within(form).getByLabelText(/^Reason/), "Left the company in November.");
    await person.click(deactivate);
    await waitFor(() => expect(posts).toHaveLength(1));
    expect(posts[0]).toMatchObject({ intent: "deactivate", reason: "Left the company in November." });
    expect(await screen.findByText("Account deactivated. 2 sessions ended at once.")).toBeTruthy();
  });
});
