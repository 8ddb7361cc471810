import { Badge } from "~/components/ui";
import type { EngagementType } from "~/modules/applications/labels";
import type { ApplicationStatus } from "~/modules/applications/pipeline";
import { t, type PortalStringKey } from "~/modules/portal/strings";

/** The portal's words for an application's status: a short label and a sentence. */
const KEYS: Record<ApplicationStatus, { label: PortalStringKey; sentence: PortalStringKey }> = {
  submitted: { label: "applications.labelSubmitted", sentence: "applications.statusSubmitted" },
  in_review: { label: "applications.labelInReview", sentence: "applications.statusInReview" },
  shortlisted: { label: "applications.labelShortlisted", sentence: "applications.statusShortlisted" },
  offered: { label: "applications.labelOffered", sentence: "applications.statusOffered" },
  declined: { label: "applications.labelDeclined", sentence: "applications.statusDeclined" },
  withdrawn: { label: "applications.labelWithdrawn", sentence: "applications.statusWithdrawn" },
  hired: { label: "applications.labelHired", sentence: "applications.statusHired" },
};

const TONES = {
  submitted: "neutral",
  in_review: "brand",
  shortlisted: "brand",
  offered: "good",
  declined: "neutral",
  withdrawn: "neutral",
  hired: "good",
} as const;

export const portalStatusLabel = (status: ApplicationStatus) => t(KEYS[status].label);
export const portalStatusSentence = (status: ApplicationStatus) => t(KEYS[status].sentence);

export function PortalStatusBadge({ status }: { status: ApplicationStatus }) {
  return <Badge tone={TONES[status]}>{portalStatusLabel(status)}</Badge>;
}

const ENGAGEMENT_KEYS: Record<EngagementType, PortalStringKey> = {
  gig: "programs.engagementGig",
  part_time: "programs.engagementPartTime",
  full_time: "programs.engagementFullTime",
};
export const portalEngagement = (type: EngagementType) => t(ENGAGEMENT_KEYS[type]);

export function openingsText(count: number) {
  return count === 1 ? t("programs.openingsOne") : t("programs.openingsMany", { count });
}
