import { Badge } from "~/components/ui";
import {
  APPLICATION_STATUS_LABELS,
  APPLICATION_STATUS_TONE,
  PROGRAM_STATUS_LABELS,
  type ProgramStatus,
} from "~/modules/applications/labels";
import type { ApplicationStatus } from "~/modules/applications/pipeline";

export function ApplicationStatusBadge({ status }: { status: ApplicationStatus }) {
  return <Badge tone={APPLICATION_STATUS_TONE[status]}>{APPLICATION_STATUS_LABELS[status]}</Badge>;
}

const PROGRAM_TONES = { draft: "neutral", open: "good", paused: "warn", closed: "neutral" } as const;

export function ProgramStatusBadge({ status }: { status: ProgramStatus }) {
  return <Badge tone={PROGRAM_TONES[status]}>{PROGRAM_STATUS_LABELS[status]}</Badge>;
}
