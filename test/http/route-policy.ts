/**
 * The authorization policy, written down: every route of the app x every kind of user, for its
 * loader (GET) and its action (POST). test/http/authz-matrix.test.ts walks the real route
 * manifest of the production build and fails when a route has no row here, or when the app
 * answers differently from what this table says.
 *
 *   ok            2xx, or a redirect somewhere other than a sign-in page (the request got past
 *                 authorization; validation errors such as 400/422 on an empty POST count too)
 *   signin        redirect to the staff sign-in page
 *   portal-signin redirect to the alumni portal's sign-in page
 *   forbidden     403
 *   not-found     404 (record-level: the record exists but is not this user's to see)
 *
 * Paths use fixtures created by test/http/fixtures.ts (e.g. `:alumnusId`).
 */
export const ROLES = ["anonymous", "alumnus", "manager", "hr", "admin"] as const;
export type Role = (typeof ROLES)[number];
export type Expectation = "ok" | "signin" | "portal-signin" | "forbidden" | "not-found";
export type Row = Record<Role, Expectation>;

export type RoutePolicy = {
  /** A concrete URL for the route; `:name` placeholders are filled from the fixtures. */
  path: string;
  loader?: Row;
  action?: Row;
  /** Form fields sent with the POST (e.g. an intent); the default is an empty form. */
  form?: Record<string, string>;
};

const everyone: Row = { anonymous: "ok", alumnus: "ok", manager: "ok", hr: "ok", admin: "ok" };
/** Any signed-in staff member. */
export const staff: Row = { anonymous: "signin", alumnus: "forbidden", manager: "ok", hr: "ok", admin: "ok" };
/** Staff holding a permission only HR has. */
export const hrOnly: Row = { anonymous: "signin", alumnus: "forbidden", manager: "forbidden", hr: "ok", admin: "forbidden" };
/** Staff holding a permission only administrators have. */
export const adminOnly: Row = { anonymous: "signin", alumnus: "forbidden", manager: "forbidden", hr: "forbidden", admin: "ok" };
/** HR and administrators (e.g. read:outbox, read:mailbox). */
export const hrAndAdmin: Row = { anonymous: "signin", alumnus: "forbidden", manager: "forbidden", hr: "ok", admin: "ok" };
/** Managers only (e.g. provide:review-input). */
export const managerOnly: Row = { anonymous: "signin", alumnus: "forbidden", manager: "ok", hr: "forbidden", admin: "forbidden" };
/** Signed-in alumni only. */
export const alumniOnly: Row = { anonymous: "portal-signin", alumnus: "ok", manager: "forbidden", hr: "forbidden", admin: "forbidden" };

export const ROUTE_POLICY: Record<string, RoutePolicy> = {
  "routes/_index": { path: "/", loader: { ...everyone, anonymous: "signin" } },
  "routes/healthz": { path: "/healthz", loader: everyone },
  "routes/sign-in": { path: "/sign-in", loader: everyone, action: everyone },
  // Signing out ends on a sign-in page for everyone: that is the expected answer, not a refusal.
  "routes/sign-out": {
    path: "/sign-out",
    loader: everyone,
    action: { anonymous: "signin", alumnus: "portal-signin", manager: "signin", hr: "signin", admin: "signin" },
  },
  "routes/staff": { path: "/staff", loader: staff },
  "routes/staff._index": { path: "/staff", loader: staff },
  // Email template previews (manage:campaign). The POST only renders a preview with a trial note.
  "routes/staff.emails._index": { path: "/staff/emails", loader: hrOnly },
  "routes/staff.emails.$template": { path: "/staff/emails/return-invitation", loader: hrOnly, action: hrOnly },
  // Identity: pages reached from email links work for anyone holding the link; an empty POST is
  // a validation error (it never uses the link up).
  "routes/forgot-password": { path: "/forgot-password", loader: everyone, action: everyone },
  "routes/invitation.$token": { path: "/invitation/:invitationToken", loader: everyone, action: everyone },
  "routes/reset-password.$token": { path: "/reset-password/:resetToken", loader: everyone, action: everyone },
  "routes/staff.account": { path: "/staff/account", loader: staff, action: staff },
  "routes/staff.admin.users._index": { path: "/staff/admin/users", loader: adminOnly, action: adminOnly },
  "routes/staff.admin.users.$userId": { path: "/staff/admin/users/:hrUserId", loader: adminOnly, action: adminOnly },
  "routes/staff.admin.teams": { path: "/staff/admin/teams", loader: adminOnly, action: adminOnly },
  "routes/staff.admin.audit._index": { path: "/staff/admin/audit", loader: adminOnly },
  "routes/staff.admin.audit.export": { path: "/staff/admin/audit/export", loader: adminOnly },
  "routes/staff.mailbox._index": { path: "/staff/mailbox", loader: hrAndAdmin },
  "routes/staff.mailbox.$messageId": { path: "/staff/mailbox/:mailboxMessageId", loader: hrAndAdmin },
  // Campaigns (manage:campaign). An empty POST is a validation error or an unknown intent.
  "routes/staff.campaigns._index": { path: "/staff/campaigns", loader: hrOnly },
  "routes/staff.campaigns.new": { path: "/staff/campaigns/new", loader: hrOnly, action: hrOnly },
  "routes/staff.campaigns.$campaignId": { path: "/staff/campaigns/:campaignId", loader: hrOnly, action: hrOnly },
  "routes/staff.campaigns.$campaignId_.edit": { path: "/staff/campaigns/:campaignId/edit", loader: hrOnly, action: hrOnly },
};
