/** How HR's pages name what an erasure request holds or erased (keys of PERSONAL_DATA_SECTIONS and the summary). */
export const PERSONAL_DATA_LABELS: Record<string, string> = {
  Alumnus: "The alumnus record",
  EmploymentPeriod: "Employment periods",
  AlumnusNote: "HR notes",
  EligibilityVerdict: "Eligibility verdict",
  EligibilityVerdictChange: "Verdict history entries",
  ReviewInputRequest: "Manager input requests",
  EligibilityReviewRequest: "Requests to look again",
  Application: "Applications",
  ApplicationNote: "Application history entries",
  GigContract: "Gig contracts",
  CampaignRecipient: "Campaign recipients",
  OutboxMessage: "Emails in the outbox",
  ImportRow: "Staged import rows",
  Session: "Portal sessions",
  AuthToken: "Sign-in links",
  ErasureRequest: "Erasure requests",
  AuditEvent: "Audit events about them",
  outboxMessagesErased: "Emails whose address and content were erased",
  importRowsErased: "Staged import rows deleted",
  importFilesRemoved: "Stored import files removed",
  importsCancelled: "Imports cancelled (their file held the person)",
  otherRecordsEdited: "Other records whose free text quoted them",
};

export const ERASURE_STATUS_LABELS = {
  requested: "Waiting for a decision",
  refused: "Refused",
  done: "Erased",
} as const;
