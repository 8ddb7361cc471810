import { Badge } from "~/components/ui";
import { OUTCOME_LABELS, type Outcome } from "~/modules/eligibility/policy";

const TONES = { eligible: "good", needs_review: "warn", not_eligible: "bad" } as const;

export function OutcomeBadge({ outcome }: { outcome: Outcome | null | undefined }) {
  if (!outcome) return <Badge tone="neutral">No verdict yet</Badge>;
  return <Badge tone={TONES[outcome]}>{OUTCOME_LABELS[outcome]}</Badge>;
}
