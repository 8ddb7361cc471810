import { OWN_PROFILE_FIELD_LABELS, WEEK_DAYS } from "~/modules/alumni/own-profile-schema";
import { languageName } from "~/modules/alumni/alumnus-words";
import { EXIT_REASON_LABELS } from "~/modules/alumni/exit-reasons";
import { OUTCOME_LABELS, VERDICT_CHANGE_LABELS } from "~/modules/eligibility/policy";

/**
 * Audit events in words for the pages that show them (the audit trail, a person's timeline):
 * what happened, to what, and each changed field with its values as a person reads them. The
 * stored codes stay as they are (the hash chain covers them); only the screen changes. Pure, so
 * pages and tests share it.
 */

/** What each kind of record is called on screen. */
export const ENTITY_LABELS: Record<string, string> = {
  alumnus: "Person",
  alumni: "People",
  user: "Staff account",
  team: "Team",
  session: "Session",
  campaign: "Campaign",
  decision: "Workforce decision",
  eligibility_policy: "Eligibility policy",
  segment: "Saved view",
  import: "Import",
  import_run: "Import",
  import_mapping: "Import mapping",
  program: "Return program",
  application: "Application",
  contract: "Contract",
  contract_template: "Contract template",
  contract_settings: "Contract settings",
  erasure_request: "Data erasure request",
  outbox: "Outbox",
  outbox_message: "Email",
  branding: "Branding",
  portal_welcome: "Welcome back page",
  audit: "Audit trail",
  route: "Page",
  invitation_answer: "Invitation answer",
  verdict: "Verdict",
};

const FAMILY_LABELS: Record<string, string> = {
  ...ENTITY_LABELS,
  auth: "Sign-in",
  staff: "Staff account",
  policy: "Eligibility policy",
  verdicts: "Verdicts",
  eligibility: "Eligibility",
  erasure: "Data erasure",
  invitation: "Invitation",
  outbox: "Email",
  portal: "Portal",
  system: "System",
};

/** Actions whose generic wording ("Sign-in: sign in failed") reads badly. */
const ACTION_LABELS: Record<string, string> = {
  "auth.sign_in": "Signed in",
  "auth.sign_in_failed": "Sign-in failed",
  "auth.sign_out": "Signed out",
  "auth.sign_out_everywhere": "Signed out everywhere",
  "auth.locked_out": "Locked out after failed sign-ins",
  "auth.access_denied": "Access refused",
  "auth.password_reset_requested": "Password reset asked for",
  "auth.sign_in_link_requested": "Sign-in link asked for",
  "auth.password_reset": "Password reset",
  "auth.password_changed": "Password changed",
  "alumnus.created": "Person added",
  "alumnus.updated": "Person edited by hand",
  "alumnus.restricted_updated": "Do-not-rehire flag changed",
  "alumnus.profile_updated": "Profile updated by the person",
  "alumnus.data_exported": "Person downloaded their data",
  "alumni.exported": "People exported",
  "verdict.review_decided": `${VERDICT_CHANGE_LABELS.review} recorded`,
  "verdict.overridden": `${VERDICT_CHANGE_LABELS.override} recorded`,
  "verdict.override_cleared": VERDICT_CHANGE_LABELS.override_cleared,
  "verdict.input_requested": "Manager asked for input",
  "verdict.input_given": "Manager answered",
  "verdicts.recomputed": "Verdicts recomputed",
  "eligibility.review_requested": "Person asked to look again",
  "eligibility.review_answered": "HR answered a request to look again",
  "system.seeded": "Demo data loaded",
};

const capitalise = (s: string) => s.replace(/^./, (c) => c.toUpperCase());
const words = (code: string) => code.replaceAll("_", " ").replaceAll("-", " ");

/**
 * A label from one of the tables above, only when the table has it as its own entry: a stored
 * value such as "__proto__" or "constructor" must not reach the object's prototype.
 */
function label(table: Record<string, string>, key: string): string | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** "campaign.launched" -> "Campaign launched". */
export function actionLabel(action: string): string {
  const known = label(ACTION_LABELS, action);
  if (known) return known;
  const dot = action.indexOf(".");
  if (dot < 0) return capitalise(words(action));
  const family = action.slice(0, dot);
  const verb = words(action.slice(dot + 1));
  const noun = label(FAMILY_LABELS, family) ?? capitalise(words(family));
  return `${noun} ${verb}`;
}

/** "campaign.*" -> "campaign" (for "All campaign actions"). */
export function entityFamilyLabel(family: string): string {
  const code = family.replace(/\.\*$/, "");
  return (label(FAMILY_LABELS, code) ?? words(code)).toLowerCase();
}

export function entityLabel(entityType: string): string {
  return label(ENTITY_LABELS, entityType) ?? capitalise(words(entityType));
}

const FIELD_LABELS: Record<string, string> = {
  ...OWN_PROFILE_FIELD_LABELS,
  hrId: "HR id",
  firstName: "First name",
  lastName: "Last name",
  workEmail: "Work email",
  jobTitle: "Job title",
  hireDate: "Hire date",
  exitDate: "Exit date",
  exitReason: "Exit reason",
  exitReasonRaw: "Exit reason as the HR system put it",
  regrettable: "Regrettable loss",
  hrRehireFlag: "HR system rehire flag",
  doNotRehire: "Do not rehire",
  doNotRehireReason: "Do-not-rehire reason",
  consentReturn: "Return opportunities consent",
  consentNews: "News consent",
  doNotContact: "Asked not to be contacted",
  legalHold: "Legal hold",
  managerName: "Last manager",
  decisionId: "Workforce decision",
  decisionTitle: "Workforce decision",
  alumnusIds: "People",
  fromOutcome: "Verdict before",
  toOutcome: "Verdict after",
  outcome: "Verdict",
  expiresAt: "In force until",
  decidedTogether: "Decided together",
  timeZone: "Time zone",
  role: "Role",
  teamId: "Team",
  status: "Status",
  ip: "Address",
};

/** "availabilityHours" -> "Hours per week"; an unknown camelCase name is split into words. */
export function fieldLabel(field: string): string {
  const knownField = label(FIELD_LABELS, field);
  if (knownField) return knownField;
  const spaced = field
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replaceAll("_", " ")
    .toLowerCase();
  return capitalise(spaced.replace(/\bid\b/g, "id").replace(/\burl\b/g, "URL"));
}

export const DAY_LABELS: Record<string, string> = {
  mon: "Monday",
  tue: "Tuesday",
  wed: "Wednesday",
  thu: "Thursday",
  fri: "Friday",
  sat: "Saturday",
  sun: "Sunday",
};

const VALUE_LABELS: Record<string, string> = {
  ...EXIT_REASON_LABELS,
  ...OUTCOME_LABELS,
  part_time: "Part-time",
  full_time: "Full-time",
  gig: "Gig",
  granted: "Given",
  withdrawn: "Withdrawn",
  unknown: "Not asked",
};

/**
 * A stored value as a person reads it: lists joined (days in week order), yes/no, known codes
 * in words, nothing as a dash. Objects that are not lists keep their JSON (rare, and exact).
 */
export function valueInWords(value: unknown, field?: string): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (Array.isArray(value)) {
    if (value.length === 0) return "—";
    if (value.every((v) => typeof v === "string" && Object.hasOwn(DAY_LABELS, v))) {
      return WEEK_DAYS.filter((d) => value.includes(d))
        .map((d) => DAY_LABELS[d])
        .join(", ");
    }
    if (field === "languages") return value.map((v) => languageName(String(v))).join(", ");
    if (value.every((v) => typeof v !== "object" || v === null)) {
      return value.map((v) => valueInWords(v, field)).join(", ");
    }
    return JSON.stringify(value);
  }
  if (typeof value === "string") {
    if (field === "regrettable" && (value === "yes" || value === "no")) return capitalise(value);
    return label(VALUE_LABELS, value) ?? value;
  }
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** Week days in week order, by name. */
export function dayList(days: readonly string[]): string | null {
  return days.length ? valueInWords(days) : null;
}

/** Payload fields that are bookkeeping, not a change a person would read. */
const QUIET_FIELDS = new Set(["version", "payloadVersion"]);

/** before/after as rows of field (in words), old value and new value (in words). */
export function diffRows(before: unknown, after: unknown) {
  const asRecord = (v: unknown) =>
    (v && typeof v === "object" && !Array.isArray(v) ? v : {}) as Record<string, unknown>;
  const b = asRecord(before);
  const a = asRecord(after);
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((f) => !QUIET_FIELDS.has(f));
  return fields.map((field) => ({
    field,
    label: fieldLabel(field),
    before: field in b ? valueInWords(b[field], field) : null,
    after: field in a ? valueInWords(a[field], field) : null,
    hasBefore: field in b,
    hasAfter: field in a,
  }));
}
