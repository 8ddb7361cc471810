import { Badge } from "./ui";

const LABEL = { active: "Active", invited: "Invited", deactivated: "Deactivated" } as const;
const TONE = { active: "good", invited: "brand", deactivated: "bad" } as const;

export function StaffStatusBadge({ status }: { status: keyof typeof LABEL }) {
  return <Badge tone={TONE[status]}>{LABEL[status]}</Badge>;
}
