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
  /**
   * The POST is authenticated by a secret in the URL and must accept other origins (RFC 8058
   * one-click unsubscribe, ADR 022); the path must match the server's CROSS_SITE_POST_ALLOWED.
   */
  crossSitePost?: "token-authenticated";
};

const everyone: Row = { anonymous: "ok", alumnus: "ok", manager: "ok", hr: "ok", admin: "ok" };
/** Any signed-in staff member. */
export const staff: Row = { anonymous: "signin", alumnus: "forbidden", manager: "ok", hr: "ok", admin: "ok" };
/** Staff holding a permission only HR has. */
export const hrOnly: Row = {
  anonymous: "signin",
  alumnus: "forbidden",
  manager: "forbidden",
  hr: "ok",
  admin: "forbidden",
};
/** Staff holding a permission only administrators have. */
export const adminOnly: Row = {
  anonymous: "signin",
  alumnus: "forbidden",
  manager: "forbidden",
  hr: "forbidden",
  admin: "ok",
};
/** HR and administrators (e.g. read:outbox, read:mailbox). */
export const hrAndAdmin: Row = {
  anonymous: "signin",
  alumnus: "forbidden",
  manager: "forbidden",
  hr: "ok",
  admin: "ok",
};
/** Managers only (e.g. provide:review-input). */
export const managerOnly: Row = {
  anonymous: "signin",
  alumnus: "forbidden",
  manager: "ok",
  hr: "forbidden",
  admin: "forbidden",
};
/** Signed-in alumni only. */
export const alumniOnly: Row = {
  anonymous: "portal-signin",
  alumnus: "ok",
  manager: "forbidden",
  hr: "forbidden",
  admin: "forbidden",
};

/** Staff who see return programs: HR (all of them) and managers (the ones they hire for). */
export const pipelineStaff: Row = {
  anonymous: "signin",
  alumnus: "forbidden",
  manager: "ok",
  hr: "ok",
  admin: "forbidden",
};

export const ROUTE_POLICY: Record<string, RoutePolicy> = {
  "routes/_index": { path: "/", loader: { ...everyone, anonymous: "signin" } },
  "routes/readyz": { path: "/readyz", loader: everyone },
  "routes/sign-in": { path: "/sign-in", loader: everyone, action: everyone },
  // Signing out ends on a sign-in page for everyone: that is the expected answer, not a refusal.
  "routes/sign-out": {
    path: "/sign-out",
    loader: everyone,
    action: {
      anonymous: "signin",
      alumnus: "portal-signin",
      manager: "signin",
      hr: "signin",
      admin: "signin",
    },
  },
  "routes/staff": { path: "/staff", loader: staff },
  "routes/staff._index": { path: "/staff", loader: staff },
  // Email template previews (manage:campaign). The POST only renders a preview with a trial note.
  "routes/staff.emails._index": { path: "/staff/emails", loader: hrOnly },
  "routes/staff.emails.$template": {
    path: "/staff/emails/return-invitation",
    loader: hrOnly,
    action: hrOnly,
  },
  // Identity: pages reached from email links work for anyone holding the link; an empty POST is
  // a validation error (it never uses the link up).
  "routes/forgot-password": { path: "/forgot-password", loader: everyone, action: everyone },
  "routes/invitation.$token": { path: "/invitation/:invitationToken", loader: everyone, action: everyone },
  "routes/reset-password.$token": { path: "/reset-password/:resetToken", loader: everyone, action: everyone },
  "routes/staff.account": { path: "/staff/account", loader: staff, action: staff },
  "routes/staff.admin.users._index": { path: "/staff/admin/users", loader: adminOnly, action: adminOnly },
  "routes/staff.admin.users.$userId": {
    path: "/staff/admin/users/:hrUserId",
    loader: adminOnly,
    action: adminOnly,
  },
  "routes/staff.admin.teams": { path: "/staff/admin/teams", loader: adminOnly, action: adminOnly },
  "routes/staff.admin.audit._index": { path: "/staff/admin/audit", loader: adminOnly },
  // The portal's welcome page, written by HR (edit:portal-welcome); an empty POST is refused.
  "routes/staff.portal.welcome": { path: "/staff/portal/welcome", loader: hrOnly, action: hrOnly },
  // Employer branding for the alumni portal and alumni email (manage:branding).
  "routes/staff.admin.branding": { path: "/staff/admin/branding", loader: adminOnly, action: adminOnly },
  "routes/staff.admin.audit.export": { path: "/staff/admin/audit/export", loader: adminOnly },
  // Imports (import:alumni, HR only). Empty POSTs are validation errors; nothing starts.
  "routes/staff.imports._index": { path: "/staff/imports", loader: hrOnly },
  "routes/staff.imports.new": { path: "/staff/imports/new", loader: hrOnly, action: hrOnly },
  "routes/staff.imports.$importId._index": {
    path: "/staff/imports/:importId",
    loader: hrOnly,
    action: hrOnly,
  },
  "routes/staff.imports.$importId.mapping": {
    path: "/staff/imports/:importId/mapping",
    loader: hrOnly,
    action: hrOnly,
  },
  "routes/staff.imports.$importId.errors": { path: "/staff/imports/:importId/errors", loader: hrOnly },
  "routes/staff.mailbox._index": { path: "/staff/mailbox", loader: hrAndAdmin },
  "routes/staff.mailbox.$messageId": { path: "/staff/mailbox/:mailboxMessageId", loader: hrAndAdmin },
  // Alumni pool. Managers (read:alumnus:team) reach the list but see only alumni whose review or
  // contract involves their team (none in the fixtures): a profile answers 404.
  "routes/staff.alumni._index": {
    path: "/staff/alumni?q=berg&consent=granted",
    loader: { ...hrOnly, manager: "ok" },
    action: hrOnly,
  },
  "routes/staff.alumni.$alumnusId": {
    path: "/staff/alumni/:alumnusId",
    loader: { ...hrOnly, manager: "not-found" },
    action: hrOnly,
  },
  "routes/staff.alumni.export": {
    path: "/staff/alumni/export?consent=granted",
    loader: hrOnly,
    action: hrOnly,
  },
  "routes/staff.alumni.views": { path: "/staff/alumni/views", loader: hrOnly, action: hrOnly },
  // Workforce decisions: everyone on staff reads them (read:decision); HR manages them.
  "routes/staff.decisions._index": { path: "/staff/decisions", loader: staff },
  "routes/staff.decisions.new": { path: "/staff/decisions/new", loader: hrOnly, action: hrOnly },
  "routes/staff.decisions.$decisionId": {
    path: "/staff/decisions/:decisionId",
    loader: staff,
    action: hrOnly,
  },
  // Eligibility (HR: read/edit/publish/override, fairness); managers answer review questions.
  // Empty POSTs are refused as bad requests or validation errors after the permission check.
  "routes/staff.eligibility._index": { path: "/staff/eligibility", loader: hrOnly, action: hrOnly },
  "routes/staff.eligibility.draft": { path: "/staff/eligibility/draft", loader: hrOnly, action: hrOnly },
  "routes/staff.eligibility.what-if": { path: "/staff/eligibility/what-if", loader: hrOnly },
  "routes/staff.eligibility.versions.$version": {
    path: "/staff/eligibility/versions/:policyVersion",
    loader: hrOnly,
  },
  "routes/staff.eligibility.people.$alumnusId": {
    path: "/staff/eligibility/people/:alumnusId",
    loader: hrOnly,
    action: hrOnly,
  },
  "routes/staff.eligibility.reviews": { path: "/staff/eligibility/reviews", loader: hrOnly, action: hrOnly },
  "routes/staff.eligibility.fairness": { path: "/staff/eligibility/fairness", loader: hrOnly },
  "routes/staff.reviews": { path: "/staff/reviews", loader: managerOnly, action: managerOnly },
  // Outbox: read:outbox to look, retry:outbox to retry (an empty POST is a validation error or a
  // conflict: the fixture message is not set aside).
  "routes/staff.outbox._index": { path: "/staff/outbox", loader: hrAndAdmin, action: hrAndAdmin },
  "routes/staff.outbox.$messageId": {
    path: "/staff/outbox/:outboxMessageId",
    loader: hrAndAdmin,
    action: hrAndAdmin,
  },
  // Signed links from outreach email: anyone holding the link, no session. An empty POST lacks
  // List-Unsubscribe=One-Click (400) and changes nothing; the preference form is origin-checked.
  "routes/unsubscribe.$token": {
    path: "/unsubscribe/:unsubscribeToken",
    loader: everyone,
    action: everyone,
    crossSitePost: "token-authenticated",
  },
  "routes/preferences.$token": { path: "/preferences/:unsubscribeToken", loader: everyone, action: everyone },
  // The invitation's answer page (ADR 038): the signed link is the credential, no session. An
  // empty POST names no form (400) and records nothing; the POST is origin-checked.
  "routes/portal.answer.$token": { path: "/portal/answer/:answerToken", loader: everyone, action: everyone },
  // Campaigns (manage:campaign). An empty POST is a validation error or an unknown intent.
  "routes/staff.campaigns._index": { path: "/staff/campaigns", loader: hrOnly },
  "routes/staff.campaigns.new": { path: "/staff/campaigns/new", loader: hrOnly, action: hrOnly },
  // Every campaign's answers that wait for HR (the home page's to-do); marking one followed up.
  "routes/staff.campaigns.answers": { path: "/staff/campaigns/answers", loader: hrOnly, action: hrOnly },
  "routes/staff.campaigns.$campaignId": {
    path: "/staff/campaigns/:campaignId",
    loader: hrOnly,
    action: hrOnly,
  },
  // The alumni portal (ADR 036). Its frame and logo are open to everyone (the sign-in page is
  // inside it); its pages are for signed-in alumni only.
  "routes/portal": { path: "/portal", loader: alumniOnly },
  "routes/portal._index": { path: "/portal", loader: alumniOnly },
  "routes/portal.logo": { path: "/portal/logo", loader: everyone },
  // Sign-in by email link (ADR 037): open to everyone; a signed-in alumnus is sent on to the
  // portal. An empty POST to the link's page is refused (no intent) and never uses the link up.
  "routes/portal.sign-in": { path: "/portal/sign-in", loader: everyone, action: everyone },
  "routes/portal.sign-in_.$token": {
    path: "/portal/sign-in/:alumniSignInToken",
    loader: everyone,
    action: everyone,
  },
  // Signing out of the portal ends on its sign-in page, whoever asks.
  "routes/portal.sign-out": {
    path: "/portal/sign-out",
    loader: everyone,
    action: {
      anonymous: "portal-signin",
      alumnus: "portal-signin",
      manager: "portal-signin",
      hr: "portal-signin",
      admin: "portal-signin",
    },
  },
  // The person's own profile, verdict and data rights: always the session's own record.
  "routes/portal.profile": { path: "/portal/profile", loader: alumniOnly, action: alumniOnly },
  "routes/portal.eligibility": { path: "/portal/eligibility", loader: alumniOnly, action: alumniOnly },
  "routes/portal.privacy": { path: "/portal/privacy", loader: alumniOnly, action: alumniOnly },
  "routes/portal.privacy.export.$format": { path: "/portal/privacy/export/json", loader: alumniOnly },
  // Erasure requests (review:erasure).
  "routes/staff.privacy._index": { path: "/staff/privacy", loader: hrOnly },
  "routes/staff.privacy.$requestId": {
    path: "/staff/privacy/:erasureRequestId",
    loader: hrOnly,
    action: hrOnly,
  },
  "routes/staff.campaigns.$campaignId_.edit": {
    path: "/staff/campaigns/:campaignId/edit",
    loader: hrOnly,
    action: hrOnly,
  },
  // Return programs and the pipeline (ADR 041). The fixtures' manager is hiring manager of
  // :ownProgramId; another manager's program and its applications answer 404 (RECORD_POLICY).
  "routes/staff.programs._index": { path: "/staff/programs", loader: pipelineStaff },
  "routes/staff.programs.new": { path: "/staff/programs/new", loader: hrOnly, action: hrOnly },
  "routes/staff.programs.$programId": {
    path: "/staff/programs/:ownProgramId",
    loader: pipelineStaff,
    action: hrOnly,
  },
  "routes/staff.pipeline": {
    path: "/staff/pipeline?status=submitted&view=list",
    loader: pipelineStaff,
    action: pipelineStaff,
  },
  "routes/staff.applications.$applicationId": {
    path: "/staff/applications/:ownApplicationId",
    loader: pipelineStaff,
    action: pipelineStaff,
  },
  // The portal side of the pipeline: signed-in alumni only; an empty POST is a validation error.
  "routes/portal.programs._index": { path: "/portal/programs", loader: alumniOnly },
  "routes/portal.programs.$programId": {
    path: "/portal/programs/:ownProgramId",
    loader: alumniOnly,
    action: alumniOnly,
  },
  "routes/portal.applications": { path: "/portal/applications", loader: alumniOnly, action: alumniOnly },
  // Gig contracts (ADR 045): HR sees every contract, a manager those of the programs they hire
  // for; administrators none. An empty POST is an unknown intent (400) after the permission check.
  "routes/staff.contracts._index": { path: "/staff/contracts", loader: pipelineStaff, action: pipelineStaff },
  "routes/staff.contracts.$contractId": {
    path: "/staff/contracts/:ownContractId",
    loader: pipelineStaff,
    action: pipelineStaff,
  },
  // The accepted contract's PDF (ADR 060): HR, the program's hiring manager, and the person.
  "routes/staff.contracts.$contractId_.pdf": {
    path: "/staff/contracts/:acceptedContractId/pdf",
    loader: pipelineStaff,
  },
  "routes/portal.contracts.$contractId": {
    path: "/portal/contracts/:acceptedContractId",
    loader: alumniOnly,
    action: alumniOnly,
  },
  "routes/portal.contracts.$contractId_.pdf": {
    path: "/portal/contracts/:acceptedContractId/pdf",
    loader: alumniOnly,
  },
};

/**
 * Record-level rows: the same routes with another record, where the answer depends on whose it
 * is (a manager reaching another manager's program or applicant gets 404).
 */
export const RECORD_POLICY: (RoutePolicy & { route: string })[] = [
  {
    route: "routes/staff.programs.$programId",
    path: "/staff/programs/:otherProgramId",
    loader: { ...pipelineStaff, manager: "not-found" },
  },
  {
    route: "routes/staff.applications.$applicationId",
    path: "/staff/applications/:otherApplicationId",
    loader: { ...pipelineStaff, manager: "not-found" },
    action: { ...pipelineStaff, manager: "not-found" },
    form: { intent: "note", body: "A note on someone else's applicant." },
  },
  {
    route: "routes/staff.pipeline",
    path: "/staff/pipeline?program=:otherProgramId&view=board",
    loader: pipelineStaff,
  },
  {
    route: "routes/staff.contracts.$contractId",
    path: "/staff/contracts/:otherContractId",
    loader: { ...pipelineStaff, manager: "not-found" },
    // HR may not approve either: only the hiring manager's place is open on these terms.
    action: { ...pipelineStaff, manager: "not-found", hr: "forbidden" },
    form: { intent: "decide", version: "1", decision: "approve" },
  },
  {
    route: "routes/staff.contracts.$contractId_.pdf",
    path: "/staff/contracts/:otherAcceptedContractId/pdf",
    loader: { ...pipelineStaff, manager: "not-found" },
  },
  {
    // Another person's contract: as if it did not exist.
    route: "routes/portal.contracts.$contractId",
    path: "/portal/contracts/:otherContractId",
    loader: { ...alumniOnly, alumnus: "not-found" },
    action: { ...alumniOnly, alumnus: "not-found" },
    form: { intent: "decline", termsHash: "0".repeat(64) },
  },
  {
    route: "routes/portal.contracts.$contractId_.pdf",
    path: "/portal/contracts/:otherContractId/pdf",
    loader: { ...alumniOnly, alumnus: "not-found" },
  },
];
