import { createElement, type ReactElement } from "react";
import AnswerLink, { answerLinkSubject, type AnswerLinkProps } from "./answer-link";
import ApplicationDecline, {
  applicationDeclineSubject,
  type ApplicationDeclineProps,
} from "./application-decline";
import ApplicationReceived, {
  applicationReceivedSubject,
  type ApplicationReceivedProps,
} from "./application-received";
import AutomationPhaseNotice, {
  automationPhaseNoticeSubject,
  type AutomationPhaseNoticeProps,
} from "./automation-phase-notice";
import ContractAnswered, { contractAnsweredSubject, type ContractAnsweredProps } from "./contract-answered";
import ContractOfferChanged, {
  contractOfferChangedSubject,
  type ContractOfferChangedProps,
} from "./contract-offer-changed";
import OnboardingTaskReminder, {
  onboardingTaskReminderSubject,
  type OnboardingTaskReminderProps,
} from "./onboarding-task-reminder";
import ContractApprovalReminder, {
  contractApprovalReminderSubject,
  type ContractApprovalReminderProps,
} from "./contract-approval-reminder";
import ContractApprovalRequest, {
  contractApprovalRequestSubject,
  type ContractApprovalRequestProps,
} from "./contract-approval-request";
import ContractCancelled, {
  contractCancelledSubject,
  type ContractCancelledProps,
} from "./contract-cancelled";
import ContractRejected, { contractRejectedSubject, type ContractRejectedProps } from "./contract-rejected";
import ContractApproved, { contractApprovedSubject, type ContractApprovedProps } from "./contract-approved";
import ContractChangesRequested, {
  contractChangesRequestedSubject,
  type ContractChangesRequestedProps,
} from "./contract-changes-requested";
import ContractOffer, { contractOfferSubject, type ContractOfferProps } from "./contract-offer";
import type { EmailKind, TemplatePurpose } from "./kinds";
import OnboardingReminder, {
  onboardingReminderSubject,
  type OnboardingReminderProps,
} from "./onboarding-reminder";
import ContractActive, { contractActiveSubject, type ContractActiveProps } from "./contract-active";
import OnboardingWelcome, {
  onboardingWelcomeSubject,
  type OnboardingWelcomeProps,
} from "./onboarding-welcome";
import PasswordReset, { passwordResetSubject, type PasswordResetProps } from "./password-reset";
import PhaseChangeNotice, {
  phaseChangeNoticeSubject,
  type PhaseChangeNoticeProps,
} from "./phase-change-notice";
import PositiveDecision, { positiveDecisionSubject, type PositiveDecisionProps } from "./positive-decision";
import ReturnInvitation, { returnInvitationSubject, type ReturnInvitationProps } from "./return-invitation";
import ReturnReminder, { returnReminderSubject, type ReturnReminderProps } from "./return-reminder";
import SignInLink, { signInLinkSubject, type SignInLinkProps } from "./sign-in-link";
import StaffInvitation, { staffInvitationSubject, type StaffInvitationProps } from "./staff-invitation";

export { EMAIL_KINDS, EMAIL_PURPOSES, isEmailKind, type EmailKind, type TemplatePurpose } from "./kinds";

/**
 * The template registry: every email Comeback sends, keyed by a stable template key (stored on
 * each OutboxMessage). Other modules render through it (renderTemplate in
 * app/modules/outreach) so subject, kind (for the tone check) and purpose (for the footer and
 * unsubscribe rules) always travel together.
 */

export type TemplateAudience = "alumnus" | "employee" | "staff";

export type TemplateDefinition<P, Purpose extends TemplatePurpose = TemplatePurpose> = {
  title: string;
  description: string;
  audience: TemplateAudience;
  kind: EmailKind;
  purpose: Purpose;
  component: (props: P) => ReactElement;
  subject: (props: P) => string;
  sample: P;
  /** True when HR may add a personal note (the `note` prop). */
  acceptsNote: boolean;
};

/** Outreach (not transactional) templates must take the signed preferences link. */
type PurposeRule<P, Purpose> = Purpose extends "transactional"
  ? unknown
  : P extends { preferencesUrl: string }
    ? unknown
    : {
        purposeError: "Templates sent for return_opportunities or news need a `preferencesUrl: string` prop.";
      };

type NoteRule<P, Accepts> = Accepts extends true
  ? P extends { note?: string }
    ? unknown
    : { noteError: "Templates that accept a personal note need a `note?: string` prop." }
  : unknown;

function defineTemplate<P, Purpose extends TemplatePurpose, Accepts extends boolean>(
  definition: TemplateDefinition<P, Purpose> & { acceptsNote: Accepts } & PurposeRule<P, Purpose> &
    NoteRule<P, Accepts>,
): TemplateDefinition<P, Purpose> {
  return definition;
}

export const TEMPLATES = {
  "return-invitation": defineTemplate<ReturnInvitationProps, "return_opportunities", true>({
    title: "Invitation to return",
    description:
      "Asks a former colleague whether they would like to come back, says what changed and why, and what is on offer.",
    audience: "alumnus",
    kind: "invitation",
    purpose: "return_opportunities",
    component: ReturnInvitation,
    subject: returnInvitationSubject,
    sample: ReturnInvitation.PreviewProps,
    acceptsNote: true,
  }),
  "return-reminder": defineTemplate<ReturnReminderProps, "return_opportunities", true>({
    title: "Reminder",
    description: "One gentle reminder after an invitation to return, with no pressure.",
    audience: "alumnus",
    kind: "reminder",
    purpose: "return_opportunities",
    component: ReturnReminder,
    subject: returnReminderSubject,
    sample: ReturnReminder.PreviewProps,
    acceptsNote: true,
  }),
  "answer-link": defineTemplate<AnswerLinkProps, "transactional", false>({
    title: "New link to answer an invitation",
    description:
      "Sent when someone asks for a new link from an expired invitation link: the link, how long it works, what to do if it was not them.",
    audience: "alumnus",
    kind: "answer_link",
    purpose: "transactional",
    component: AnswerLink,
    subject: answerLinkSubject,
    sample: AnswerLink.PreviewProps,
    acceptsNote: false,
  }),
  "application-received": defineTemplate<ApplicationReceivedProps, "transactional", false>({
    title: "Application received",
    description: "Thanks the applicant, says who reads the application and by when they will hear back.",
    audience: "alumnus",
    kind: "application_received",
    purpose: "transactional",
    component: ApplicationReceived,
    subject: applicationReceivedSubject,
    sample: ApplicationReceived.PreviewProps,
    acceptsNote: false,
  }),
  "positive-decision": defineTemplate<PositiveDecisionProps, "transactional", true>({
    title: "Positive decision",
    description: "Tells an applicant we would like them back, and the next step with a date.",
    audience: "alumnus",
    kind: "positive_decision",
    purpose: "transactional",
    component: PositiveDecision,
    subject: positiveDecisionSubject,
    sample: PositiveDecision.PreviewProps,
    acceptsNote: true,
  }),
  "application-decline": defineTemplate<ApplicationDeclineProps, "transactional", true>({
    title: "Kind decline",
    description: "Declines an application with the reason in plain words and what could change the answer.",
    audience: "alumnus",
    kind: "decline",
    purpose: "transactional",
    component: ApplicationDecline,
    subject: applicationDeclineSubject,
    sample: ApplicationDecline.PreviewProps,
    acceptsNote: true,
  }),
  "contract-offer": defineTemplate<ContractOfferProps, "transactional", true>({
    title: "Contract offer",
    description: "Sends the gig contract's terms and asks for an answer by a date.",
    audience: "alumnus",
    kind: "contract_offer",
    purpose: "transactional",
    component: ContractOffer,
    subject: contractOfferSubject,
    sample: ContractOffer.PreviewProps,
    acceptsNote: true,
  }),
  "contract-approved": defineTemplate<ContractApprovedProps, "transactional", false>({
    title: "Contract approved (internal)",
    description: "Tells HR that a manager approved a gig contract, so the offer can go out.",
    audience: "staff",
    kind: "contract_review",
    purpose: "transactional",
    component: ContractApproved,
    subject: contractApprovedSubject,
    sample: ContractApproved.PreviewProps,
    acceptsNote: false,
  }),
  "contract-changes-requested": defineTemplate<ContractChangesRequestedProps, "transactional", false>({
    title: "Contract changes requested (internal)",
    description: "Tells HR that a manager sent a gig contract back, with the manager's words.",
    audience: "staff",
    kind: "contract_review",
    purpose: "transactional",
    component: ContractChangesRequested,
    subject: contractChangesRequestedSubject,
    sample: ContractChangesRequested.PreviewProps,
    acceptsNote: false,
  }),
  "contract-approval-request": defineTemplate<ContractApprovalRequestProps, "transactional", false>({
    title: "Contract to approve (internal)",
    description:
      "Asks the hiring manager (and an HR lead when a rule says so) to approve a gig contract's terms.",
    audience: "staff",
    kind: "contract_review",
    purpose: "transactional",
    component: ContractApprovalRequest,
    subject: contractApprovalRequestSubject,
    sample: ContractApprovalRequest.PreviewProps,
    acceptsNote: false,
  }),
  "contract-approval-reminder": defineTemplate<ContractApprovalReminderProps, "transactional", false>({
    title: "Approvals waiting (internal)",
    description:
      "At most one a day per approver: the contracts that have waited longer than the set number of days.",
    audience: "staff",
    kind: "contract_review",
    purpose: "transactional",
    component: ContractApprovalReminder,
    subject: contractApprovalReminderSubject,
    sample: ContractApprovalReminder.PreviewProps,
    acceptsNote: false,
  }),
  "contract-rejected": defineTemplate<ContractRejectedProps, "transactional", false>({
    title: "Contract rejected (internal)",
    description: "Tells HR that an approver rejected a gig contract, with their words.",
    audience: "staff",
    kind: "contract_review",
    purpose: "transactional",
    component: ContractRejected,
    subject: contractRejectedSubject,
    sample: ContractRejected.PreviewProps,
    acceptsNote: false,
  }),
  "contract-answered": defineTemplate<ContractAnsweredProps, "transactional", false>({
    title: "Offer answered (internal)",
    description:
      "Tells HR and the hiring manager that the person accepted, declined or withdrew, or that the offer expired.",
    audience: "staff",
    kind: "contract_review",
    purpose: "transactional",
    component: ContractAnswered,
    subject: contractAnsweredSubject,
    sample: ContractAnswered.PreviewProps,
    acceptsNote: false,
  }),
  "contract-cancelled": defineTemplate<ContractCancelledProps, "transactional", false>({
    title: "Contract cancelled",
    description:
      "Tells a person that the contract they were offered is cancelled, why, and what could change it.",
    audience: "alumnus",
    kind: "decline",
    purpose: "transactional",
    component: ContractCancelled,
    subject: contractCancelledSubject,
    sample: ContractCancelled.PreviewProps,
    acceptsNote: false,
  }),
  "contract-offer-changed": defineTemplate<ContractOfferChangedProps, "transactional", false>({
    title: "Offer changed",
    description:
      "Tells a person that the offer they have not answered is taken back while its terms change, and that a new one follows.",
    audience: "alumnus",
    kind: "contract_offer",
    purpose: "transactional",
    component: ContractOfferChanged,
    subject: contractOfferChangedSubject,
    sample: ContractOfferChanged.PreviewProps,
    acceptsNote: false,
  }),
  "onboarding-welcome": defineTemplate<OnboardingWelcomeProps, "transactional", true>({
    title: "Onboarding welcome",
    description: "Welcomes a returning colleague: first day, the steps to finish before it, and who to ask.",
    audience: "alumnus",
    kind: "onboarding_welcome",
    purpose: "transactional",
    component: OnboardingWelcome,
    subject: onboardingWelcomeSubject,
    sample: OnboardingWelcome.PreviewProps,
    acceptsNote: true,
  }),
  "contract-active": defineTemplate<ContractActiveProps, "transactional", false>({
    title: "Contract active",
    description:
      "Tells a returning colleague that onboarding is complete: the contract is active, the start date, what happens next.",
    audience: "alumnus",
    kind: "onboarding_welcome",
    purpose: "transactional",
    component: ContractActive,
    subject: contractActiveSubject,
    sample: ContractActive.PreviewProps,
    acceptsNote: false,
  }),
  "onboarding-reminder": defineTemplate<OnboardingReminderProps, "transactional", false>({
    title: "Onboarding reminder",
    description: "Lists the onboarding steps still open before the start date.",
    audience: "alumnus",
    kind: "onboarding_reminder",
    purpose: "transactional",
    component: OnboardingReminder,
    subject: onboardingReminderSubject,
    sample: OnboardingReminder.PreviewProps,
    acceptsNote: false,
  }),
  "onboarding-task-reminder": defineTemplate<OnboardingTaskReminderProps, "transactional", false>({
    title: "Onboarding steps overdue (internal)",
    description:
      "Tells HR or a hiring manager that onboarding steps they own are past their date (each step at most once a day).",
    audience: "staff",
    kind: "contract_review",
    purpose: "transactional",
    component: OnboardingTaskReminder,
    subject: onboardingTaskReminderSubject,
    sample: OnboardingTaskReminder.PreviewProps,
    acceptsNote: false,
  }),
  "sign-in-link": defineTemplate<SignInLinkProps, "transactional", false>({
    title: "Sign-in link (alumni)",
    description: "The alumni portal's single-use email link, valid for at most 15 minutes.",
    audience: "alumnus",
    kind: "sign_in_link",
    purpose: "transactional",
    component: SignInLink,
    subject: signInLinkSubject,
    sample: SignInLink.PreviewProps,
    acceptsNote: false,
  }),
  "phase-change-notice": defineTemplate<PhaseChangeNoticeProps, "news", true>({
    title: "Phase change notice",
    description:
      "News to alumni when a workforce decision they left under moves to a new phase: what, why, when, what it means.",
    audience: "alumnus",
    kind: "phase_change",
    purpose: "news",
    component: PhaseChangeNotice,
    subject: phaseChangeNoticeSubject,
    sample: PhaseChangeNotice.PreviewProps,
    acceptsNote: true,
  }),
  "automation-phase-notice": defineTemplate<AutomationPhaseNoticeProps, "transactional", true>({
    title: "Automation phase notice",
    description:
      "To people whose role a new automation phase ends: why, notice period, severance, a named contact, the alumni pool.",
    audience: "employee",
    kind: "automation_notice",
    purpose: "transactional",
    component: AutomationPhaseNotice,
    subject: automationPhaseNoticeSubject,
    sample: AutomationPhaseNotice.PreviewProps,
    acceptsNote: true,
  }),
  "staff-invitation": defineTemplate<StaffInvitationProps, "transactional", false>({
    title: "Staff invitation",
    description: "Invites a new staff member to set a password.",
    audience: "staff",
    kind: "staff_account",
    purpose: "transactional",
    component: StaffInvitation,
    subject: staffInvitationSubject,
    sample: StaffInvitation.PreviewProps,
    acceptsNote: false,
  }),
  "password-reset": defineTemplate<PasswordResetProps, "transactional", false>({
    title: "Password reset",
    description: "A single-use link to choose a new staff password.",
    audience: "staff",
    kind: "staff_account",
    purpose: "transactional",
    component: PasswordReset,
    subject: passwordResetSubject,
    sample: PasswordReset.PreviewProps,
    acceptsNote: false,
  }),
} as const;

export type TemplateKey = keyof typeof TEMPLATES;
export type TemplateProps<K extends TemplateKey> =
  (typeof TEMPLATES)[K] extends TemplateDefinition<infer P, TemplatePurpose> ? P : never;
export type TemplatePurposeOf<K extends TemplateKey> = (typeof TEMPLATES)[K]["purpose"];

export const TEMPLATE_KEYS = Object.keys(TEMPLATES) as TemplateKey[];

export function isTemplateKey(value: string): value is TemplateKey {
  return Object.hasOwn(TEMPLATES, value);
}

/** The definition behind a key, with its props type erased (for code that iterates over all templates). */
export function templateDefinition(key: TemplateKey): TemplateDefinition<Record<string, unknown>> {
  return TEMPLATES[key] as unknown as TemplateDefinition<Record<string, unknown>>;
}

/** The React element for a template with the given props. */
export function templateElement<K extends TemplateKey>(key: K, props: TemplateProps<K>): ReactElement {
  const definition = templateDefinition(key);
  return createElement(definition.component, props as Record<string, unknown>);
}

/** What the template list shows: no components, no functions. */
export type TemplateSummary = {
  key: TemplateKey;
  title: string;
  description: string;
  audience: TemplateAudience;
  kind: EmailKind;
  purpose: TemplatePurpose;
  acceptsNote: boolean;
};

export function templateSummaries(): TemplateSummary[] {
  return TEMPLATE_KEYS.map((key) => {
    const d = templateDefinition(key);
    return {
      key,
      title: d.title,
      description: d.description,
      audience: d.audience,
      kind: d.kind,
      purpose: d.purpose,
      acceptsNote: d.acceptsNote,
    };
  });
}
