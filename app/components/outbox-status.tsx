import { STATUS_LABELS, type OutboxStatusKey } from "~/modules/outbox/schemas";
import { Badge } from "./ui";

const TONE: Record<OutboxStatusKey, "neutral" | "good" | "warn" | "bad" | "brand"> = {
  queued: "neutral",
  sending: "brand",
  sent: "good",
  failed: "warn",
  set_aside: "bad",
  cancelled: "neutral",
};

export const PURPOSE_LABELS: Record<string, string> = {
  transactional: "Transactional",
  return_opportunities: "Return opportunities",
  news: "Alumni news",
};

export function OutboxStatusBadge({ status, held }: { status: OutboxStatusKey; held?: boolean }) {
  return <Badge tone={TONE[status]}>{held ? "Held (paused)" : STATUS_LABELS[status]}</Badge>;
}
