/**
 * Permissions are data: the Role, Permission and RolePermission rows are inserted by migrations
 * so production has them. This list is the typed mirror the code checks against; a test fails
 * when it and the migrated rows disagree. Format: verb:object[:scope].
 */
export const PERMISSIONS = {
  "read:alumnus:any": "See every alumnus in the pool",
  "read:alumnus:team": "See alumni whose review or contract involves the manager's team (limited fields)",
  "read:alumnus:restricted": "See do-not-rehire flags and reasons",
  "edit:alumnus:any": "Edit alumni records, tags and notes",
  "edit:alumnus:restricted": "Set or clear do-not-rehire flags (with a reason)",
  "import:alumni": "Import HR-system exports into the alumni pool",
  "export:alumni": "Export alumni lists as CSV",
  "manage:segment": "Save and edit alumni views (segments)",
  "manage:decision": "Create and edit workforce decisions and link alumni to them",
  "read:decision": "See workforce decisions",
  "read:eligibility": "See rehire eligibility verdicts and reasons",
  "edit:eligibility-policy": "Edit draft eligibility policies and run what-if",
  "publish:eligibility-policy": "Publish an eligibility policy (re-evaluates everyone)",
  "override:eligibility": "Decide needs-review verdicts and override verdicts with a justification",
  "provide:review-input": "Give input on an alumnus's review when HR asks",
  "read:fairness": "See the eligibility fairness report",
  "manage:campaign": "Create, schedule, pause and cancel outreach campaigns",
  "override:tone-check": "Launch a campaign despite tone-check errors, with a reason",
  "read:outbox": "See delivery status of outgoing email",
  "retry:outbox": "Retry email that was set aside",
  "read:mailbox": "Open the development mailbox (email kept when no SMTP server is configured)",
  "manage:staff": "Invite staff, change roles, deactivate accounts",
  "read:audit": "See the audit trail and verify its integrity",
  "export:audit": "Export the audit trail as CSV",
  "approve:contract:team": "Approve or send back gig contracts for the manager's own team",
  "manage:program": "Create, open, pause and close return programs",
  "read:pipeline:any": "See every return program and its applications",
  "read:pipeline:own": "See the return programs one is hiring manager for, and their applications",
  "move:application:any": "Move any application along the pipeline, add screening notes",
  "move:application:own": "Move applications to one's own programs along the pipeline, add screening notes",
  "offer:application": "Make an offer on a shortlisted application (drafts a gig contract)",
  "manage:branding": "Set the employer's name, logo, colour and alumni email sender",
  "edit:portal-welcome": "Write the alumni portal's welcome page",
  "review:erasure": "Review requests to erase a person's data and carry out approved erasures",
  "manage:contract":
    "Prepare gig contracts, send them for approval and as offers, cancel or end them; edit contract templates and settings",
  "read:contract:any": "See every gig contract",
  "approve:contract:second": "Approve gig contracts as the HR lead when a rule asks for a second approver",
} as const;

export type Permission = keyof typeof PERMISSIONS;

export const ROLES = {
  admin: { label: "Administrator", description: "Staff accounts and roles, audit trail, settings" },
  hr: { label: "HR", description: "Alumni pool, eligibility, outreach and the return pipeline" },
  manager: {
    label: "Manager",
    description: "Approves gig contracts for their team and gives input on reviews",
  },
} as const;

export type RoleId = keyof typeof ROLES;

/** The grants the seed-data migration inserts. Changing them needs a new migration. */
export const ROLE_PERMISSIONS: Record<RoleId, readonly Permission[]> = {
  admin: [
    "manage:staff",
    "read:audit",
    "export:audit",
    "read:mailbox",
    "read:outbox",
    "retry:outbox",
    "read:decision",
    "manage:branding",
  ],
  hr: [
    "read:alumnus:any",
    "read:alumnus:restricted",
    "edit:alumnus:any",
    "edit:alumnus:restricted",
    "import:alumni",
    "export:alumni",
    "manage:segment",
    "manage:decision",
    "read:decision",
    "read:eligibility",
    "edit:eligibility-policy",
    "publish:eligibility-policy",
    "override:eligibility",
    "read:fairness",
    "manage:campaign",
    "override:tone-check",
    "read:outbox",
    "retry:outbox",
    "read:mailbox",
    "manage:program",
    "read:pipeline:any",
    "move:application:any",
    "offer:application",
    "review:erasure",
    "manage:contract",
    "read:contract:any",
    "approve:contract:second",
    "edit:portal-welcome",
  ],
  manager: [
    "read:alumnus:team",
    "provide:review-input",
    "approve:contract:team",
    "read:decision",
    "read:pipeline:own",
    "move:application:own",
  ],
};

export function isPermission(value: string): value is Permission {
  return Object.hasOwn(PERMISSIONS, value);
}

/** The UI mirror of the server check: hide what would 403. */
export function can(
  user: { permissions: readonly string[] } | null | undefined,
  permission: Permission,
): boolean {
  return !!user && user.permissions.includes(permission);
}
