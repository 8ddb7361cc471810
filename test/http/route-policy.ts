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
import { DEFAULT_RULES, formFromRules } from "~/modules/eligibility/policy";

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
  /**
   * What the route reads from the request besides its path (whose `:name` placeholders are its
   * path parameters). test/http/fuzz.test.ts sends hostile values to each of these.
   */
  reads?: Reads;
};

export type Reads = {
  /** Query parameters the loader reads. */
  query?: string[];
  /**
   * The action's forms, by the `intent` they post ("" for an action without intents): each
   * field the form reads, with a valid value, so a hostile value in one field reaches as far
   * into the action as it can while the others pass.
   */
  form?: Record<string, Record<string, string>>;
  /** The action reads a multipart upload (a file field and these other fields). */
  multipart?: { file: string; fields: string[] };
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

/** The alumni list's filters in the URL (app/modules/alumni/alumni-filter.ts). */
const ALUMNI_FILTER = [
  "q",
  "exitReason",
  "decisionId",
  "department",
  "location",
  "tag",
  "exitFrom",
  "exitTo",
  "rehire",
  "consent",
  "available",
  "regrettable",
  "doNotRehire",
  "eligibility",
  "sort",
];
const AUDIT_FILTER = ["actor", "entityType", "entityId", "action", "from", "to", "before", "after", "verify"];
const NEW_PASSWORD = {
  password: "a long enough passphrase 42",
  confirmPassword: "a long enough passphrase 42",
};
/** A complete campaign form (`:segmentId` is the fixture's saved view). */
const CAMPAIGN_FORM = {
  name: "Fuzzed campaign",
  segmentId: ":segmentId",
  template: "return-invitation",
  subject: "",
  note: "We would love to have you back.",
  senderName: "Amara Okafor",
  senderRole: "People Partner",
  senderEmail: "amara.okafor@fjordpay.example",
  senderPhone: "",
  companyName: "Fjord Pay",
  teamName: "customer support",
  whatChanged: "",
  opportunity: "Remote shifts helping customers with disputes.",
  respondBy: "2030-01-15",
  invitedOn: "",
  sendAt: "",
  throttlePerHour: "200",
  quietDays: "30",
  onlyEligible: "",
};
const DECISION_FORM = {
  version: "0",
  title: "Fuzzed decision",
  kind: "automation",
  function: "Customer service",
  rationale: "An assistant answered the first-line questions.",
  announcedOn: "2024-01-10",
  effectiveOn: "2024-02-01",
  rolesAffected: "40",
  status: "phased",
  "phases.0.name": "First phase",
  "phases.0.startsOn": "2025-01-01",
  "phases.0.endsOn": "2025-06-30",
  "phases.0.targetHeadcount": "10",
  "phases.0.notes": "",
};
const ALUMNUS_FORM = {
  version: "1",
  firstName: "Ada",
  lastName: "Lovelace",
  preferredName: "",
  workEmail: "",
  personalEmail: "",
  jobTitle: "Support agent",
  department: "Support",
  location: "Stockholm",
  country: "SE",
  skills: "",
  languages: "",
  hireDate: "2018-03-01",
  exitDate: "2022-06-30",
  exitReason: "layoff_automation",
  regrettable: "",
  availabilityHours: "20",
  earliestStart: "2030-01-01",
  engagementPreference: "gig",
};
const IMPORT_MAPPING = {
  dateFormat: "iso",
  system: "generic",
  decisionId: "",
  mappingId: "",
  saveAs: "",
  col_hrId: "Employee ID",
  col_fullName: "Name",
  col_exitDate: "",
};

export const ROUTE_POLICY: Record<string, RoutePolicy> = {
  "routes/_index": { path: "/", loader: { ...everyone, anonymous: "signin" } },
  "routes/readyz": { path: "/readyz", loader: everyone },
  "routes/sign-in": {
    path: "/sign-in",
    loader: everyone,
    action: everyone,
    reads: {
      query: ["redirectTo"],
      form: { "": { email: "nobody@example.com", password: "x", redirectTo: "" } },
    },
  },
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
    reads: { form: { "": { everywhere: "" } } },
  },
  "routes/staff": { path: "/staff", loader: staff },
  "routes/staff._index": { path: "/staff", loader: staff },
  // Email template previews (manage:campaign). The POST only renders a preview with a trial note.
  "routes/staff.emails._index": { path: "/staff/emails", loader: hrOnly },
  "routes/staff.emails.$template": {
    path: "/staff/emails/:templateKey",
    loader: hrOnly,
    action: hrOnly,
    reads: { query: ["note"], form: { "": { note: "A trial note." } } },
  },
  // Identity: pages reached from email links work for anyone holding the link; an empty POST is
  // a validation error (it never uses the link up).
  "routes/forgot-password": {
    path: "/forgot-password",
    loader: everyone,
    action: everyone,
    reads: { form: { "": { email: "nobody@example.com" } } },
  },
  "routes/invitation.$token": {
    path: "/invitation/:invitationToken",
    loader: everyone,
    action: everyone,
    reads: { form: { "": { password: "", confirmPassword: "" } } },
  },
  "routes/reset-password.$token": {
    path: "/reset-password/:resetToken",
    loader: everyone,
    action: everyone,
    reads: { form: { "": { password: "", confirmPassword: "" } } },
  },
  "routes/staff.account": {
    path: "/staff/account",
    loader: staff,
    action: staff,
    reads: { form: { "change-password": { currentPassword: "not the password", ...NEW_PASSWORD } } },
  },
  "routes/staff.admin.users._index": {
    path: "/staff/admin/users",
    loader: adminOnly,
    action: adminOnly,
    reads: { form: { "": { name: "", email: "", roleId: "hr", teamId: "" } } },
  },
  "routes/staff.admin.users.$userId": {
    path: "/staff/admin/users/:hrUserId",
    loader: adminOnly,
    action: adminOnly,
    reads: {
      form: {
        "change-role": { roleId: "manager", teamId: ":teamId", reason: "Moved to the support team." },
        "change-team": { teamId: ":teamId" },
        deactivate: { reason: "" },
        reactivate: { reason: "" },
        "resend-invitation": {},
        "send-password-reset": {},
      },
    },
  },
  "routes/staff.admin.teams": {
    path: "/staff/admin/teams",
    loader: adminOnly,
    action: adminOnly,
    reads: {
      form: {
        "create-team": { name: "" },
        "assign-manager": { userId: ":managerUserId", teamId: ":otherTeamId" },
      },
    },
  },
  "routes/staff.admin.audit._index": {
    path: "/staff/admin/audit",
    loader: adminOnly,
    reads: { query: AUDIT_FILTER },
  },
  "routes/staff.admin.audit.export": {
    path: "/staff/admin/audit/export",
    loader: adminOnly,
    reads: { query: AUDIT_FILTER },
  },
  // The portal's welcome page, written by HR (edit:portal-welcome); an empty POST is refused.
  "routes/staff.portal.welcome": { path: "/staff/portal/welcome", loader: hrOnly, action: hrOnly },
  // Employer branding for the alumni portal and alumni email (manage:branding).
  "routes/staff.admin.branding": { path: "/staff/admin/branding", loader: adminOnly, action: adminOnly },
  // Imports (import:alumni, HR only). Empty POSTs are validation errors; nothing starts.
  "routes/staff.imports._index": { path: "/staff/imports", loader: hrOnly, reads: { query: ["page"] } },
  "routes/staff.imports.new": {
    path: "/staff/imports/new",
    loader: hrOnly,
    action: hrOnly,
    reads: { multipart: { file: "file", fields: ["mappingId"] } },
  },
  "routes/staff.imports.$importId._index": {
    path: "/staff/imports/:importId",
    loader: hrOnly,
    action: hrOnly,
    reads: {
      query: ["page", "show"],
      form: { reasons: { raw: "Laid off", reason: "layoff_automation" }, commit: {} },
    },
  },
  "routes/staff.imports.$importId.mapping": {
    path: "/staff/imports/:importId/mapping",
    loader: hrOnly,
    action: hrOnly,
    reads: { query: ["mappingId"], form: { "": IMPORT_MAPPING } },
  },
  "routes/staff.imports.$importId.errors": { path: "/staff/imports/:importId/errors", loader: hrOnly },
  "routes/staff.mailbox._index": { path: "/staff/mailbox", loader: hrAndAdmin, reads: { query: ["before"] } },
  "routes/staff.mailbox.$messageId": { path: "/staff/mailbox/:mailboxMessageId", loader: hrAndAdmin },
  // Alumni pool. Managers (read:alumnus:team) reach the list but see only alumni whose review or
  // contract involves their team (none in the fixtures): a profile answers 404.
  "routes/staff.alumni._index": {
    path: "/staff/alumni?q=berg&consent=granted",
    loader: { ...hrOnly, manager: "ok" },
    action: hrOnly,
    reads: {
      query: [...ALUMNI_FILTER, "page", "problem"],
      form: {
        tag: { scope: "selected", alumnusId: ":alumnusId", view: "", tag: "fuzzed", mode: "add" },
        "link-decision": { scope: "selected", alumnusId: ":alumnusId", view: "", decisionId: ":decisionId" },
        "save-segment": { name: "Fuzzed view", description: "", view: "q=berg" },
      },
    },
  },
  "routes/staff.alumni.$alumnusId": {
    path: "/staff/alumni/:alumnusId",
    loader: { ...hrOnly, manager: "not-found" },
    action: hrOnly,
    reads: {
      form: {
        edit: ALUMNUS_FORM,
        "do-not-rehire": { version: "1", doNotRehire: "no", reason: "Checked with the legal team." },
        "add-note": { body: "Called about the new shifts." },
        "add-tag": { tag: "fuzzed" },
        "remove-tag": { tag: "fuzzed" },
      },
    },
  },
  "routes/staff.alumni.export": {
    path: "/staff/alumni/export?consent=granted",
    loader: hrOnly,
    action: hrOnly,
    reads: { query: ALUMNI_FILTER, form: { "": { scope: "selected", alumnusId: ":alumnusId", view: "" } } },
  },
  "routes/staff.alumni.views": {
    path: "/staff/alumni/views",
    loader: hrOnly,
    action: hrOnly,
    reads: {
      form: {
        rename: { segmentId: ":segmentId", name: "Renamed view", description: "" },
        delete: { segmentId: "no-such-view" },
      },
    },
  },
  // Workforce decisions: everyone on staff reads them (read:decision); HR manages them.
  "routes/staff.decisions._index": { path: "/staff/decisions", loader: staff },
  "routes/staff.decisions.new": {
    path: "/staff/decisions/new",
    loader: hrOnly,
    action: hrOnly,
    reads: { form: { "": DECISION_FORM } },
  },
  "routes/staff.decisions.$decisionId": {
    path: "/staff/decisions/:decisionId",
    loader: staff,
    action: hrOnly,
    reads: { form: { "": DECISION_FORM } },
  },
  // Eligibility (HR: read/edit/publish/override, fairness); managers answer review questions.
  // Empty POSTs are refused as bad requests or validation errors after the permission check.
  "routes/staff.eligibility._index": {
    path: "/staff/eligibility",
    loader: hrOnly,
    action: hrOnly,
    reads: { form: { recompute: {} } },
  },
  "routes/staff.eligibility.draft": {
    path: "/staff/eligibility/draft",
    loader: hrOnly,
    action: hrOnly,
    reads: {
      form: {
        save: { ...formFromRules(DEFAULT_RULES), summary: "" },
        publish: { draftUpdatedAt: "2020-01-01T00:00:00.000Z" },
      },
    },
  },
  "routes/staff.eligibility.what-if": {
    path: "/staff/eligibility/what-if",
    loader: hrOnly,
    reads: { query: ["page", "direction", "group", "value"] },
  },
  "routes/staff.eligibility.versions.$version": {
    path: "/staff/eligibility/versions/:policyVersion",
    loader: hrOnly,
  },
  "routes/staff.eligibility.people.$alumnusId": {
    path: "/staff/eligibility/people/:alumnusId",
    loader: hrOnly,
    action: hrOnly,
    reads: {
      form: {
        decide: { outcome: "eligible", justification: "" },
        override: { outcome: "eligible", justification: "" },
        "clear-override": { justification: "" },
        "request-input": { managerId: ":managerUserId", question: "" },
      },
    },
  },
  "routes/staff.eligibility.reviews": {
    path: "/staff/eligibility/reviews",
    loader: hrOnly,
    action: hrOnly,
    reads: {
      query: [
        "reason",
        "exitReason",
        "decisionId",
        "department",
        "waited",
        "input",
        "page",
        "size",
        "recorded",
      ],
      form: {
        "decide-selected": { alumnusId: ":alumnusId", outcome: "eligible", justification: "" },
      },
    },
  },
  "routes/staff.eligibility.fairness": {
    path: "/staff/eligibility/fairness",
    loader: hrOnly,
    reads: { query: ["by"] },
  },
  "routes/staff.reviews": {
    path: "/staff/reviews",
    loader: managerOnly,
    action: managerOnly,
    reads: { form: { "": { requestId: "no-such-request", answer: "" } } },
  },
  // Outbox: read:outbox to look, retry:outbox to retry (an empty POST is a validation error or a
  // conflict: the fixture message is not set aside).
  "routes/staff.outbox._index": {
    path: "/staff/outbox",
    loader: hrAndAdmin,
    action: hrAndAdmin,
    reads: {
      query: ["status", "purpose", "template", "to", "throttleKey", "before"],
      form: { "": { reason: "", confirm: "yes" } },
    },
  },
  "routes/staff.outbox.$messageId": {
    path: "/staff/outbox/:outboxMessageId",
    loader: hrAndAdmin,
    action: hrAndAdmin,
    reads: { form: { "": { reason: "" } } },
  },
  // Signed links from outreach email: anyone holding the link, no session. An empty POST lacks
  // List-Unsubscribe=One-Click (400) and changes nothing; the preference form is origin-checked.
  "routes/unsubscribe.$token": {
    path: "/unsubscribe/:unsubscribeToken",
    loader: everyone,
    action: everyone,
    crossSitePost: "token-authenticated",
    reads: { form: { "": { "List-Unsubscribe": "One-Click" } } },
  },
  "routes/preferences.$token": {
    path: "/preferences/:preferencesToken",
    loader: everyone,
    action: everyone,
    reads: { form: { "": { returnOpportunities: "yes", news: "" } } },
  },
  // The invitation's answer page (ADR 038): the signed link is the credential, no session. An
  // empty POST names no form (400) and records nothing; the POST is origin-checked.
  "routes/portal.answer.$token": {
    path: "/portal/answer/:answerToken",
    loader: everyone,
    action: everyone,
    reads: {
      form: {
        answer: { answer: "yes", hoursPerWeek: "", earliestStart: "", message: "" },
        "fresh-link": {},
      },
    },
  },
  // Campaigns (manage:campaign). An empty POST is a validation error or an unknown intent.
  "routes/staff.campaigns._index": { path: "/staff/campaigns", loader: hrOnly, reads: { query: ["page"] } },
  "routes/staff.campaigns.new": {
    path: "/staff/campaigns/new",
    loader: hrOnly,
    action: hrOnly,
    reads: { query: ["segment"], form: { "": CAMPAIGN_FORM } },
  },
  // Every campaign's answers that wait for HR (the home page's to-do); marking one followed up.
  "routes/staff.campaigns.answers": { path: "/staff/campaigns/answers", loader: hrOnly, action: hrOnly },
  "routes/staff.campaigns.$campaignId": {
    path: "/staff/campaigns/:campaignId",
    loader: hrOnly,
    action: hrOnly,
    reads: {
      query: ["recipient", "find"],
      form: {
        "check-note": { note: "A trial note." },
        "save-note": { note: "A saved note." },
        launch: { overrideReason: "" },
        pause: {},
        resume: {},
        cancel: { reason: "" },
      },
    },
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
    reads: { form: { "": CAMPAIGN_FORM } },
  },
  // The overview (ADR 078): HR sees every figure, a hiring manager their programs', an
  // administrator email health only; reports and their CSV are for HR and hiring managers.
  "routes/staff.overview._index": {
    path: "/staff/overview",
    loader: staff,
    reads: { query: ["decision"] },
  },
  "routes/staff.overview.reports": {
    path: "/staff/overview/reports?by=phase",
    loader: pipelineStaff,
    reads: { query: ["decision", "by"] },
  },
  "routes/staff.overview.export": {
    path: "/staff/overview/export?by=decision",
    loader: pipelineStaff,
    reads: { query: ["decision", "by"] },
  },
  "routes/staff.overview.summary": {
    path: "/staff/overview/summary",
    loader: staff,
    reads: { query: ["decision"] },
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
  // Onboarding (ADR 067): the person's steps in the portal; documents for the person and HR only;
  // the checklist's versions for HR (manage:contract).
  "routes/portal.onboarding.$contractId": {
    path: "/portal/onboarding/:acceptedContractId",
    loader: alumniOnly,
    action: alumniOnly,
    reads: { multipart: { file: "document", fields: ["taskId"] } },
  },
  "routes/portal.onboarding.documents.$documentId": {
    path: "/portal/onboarding/documents/:ownDocumentId",
    loader: alumniOnly,
  },
  "routes/staff.onboarding.documents.$documentId": {
    path: "/staff/onboarding/documents/:ownDocumentId",
    loader: hrOnly,
  },
  "routes/staff.onboarding.checklist": {
    path: "/staff/onboarding/checklist",
    loader: hrOnly,
    action: hrOnly,
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
  {
    // Another person's checklist and document: as if they did not exist.
    route: "routes/portal.onboarding.$contractId",
    path: "/portal/onboarding/:otherContractId",
    loader: { ...alumniOnly, alumnus: "not-found" },
  },
  {
    route: "routes/portal.onboarding.documents.$documentId",
    path: "/portal/onboarding/documents/:otherDocumentId",
    loader: { ...alumniOnly, alumnus: "not-found" },
  },
];
