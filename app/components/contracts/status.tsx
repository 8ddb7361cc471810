import { Badge } from "~/components/ui";
import type { ContractStatus } from "~/modules/contracts/contract-machine";
import { CONTRACT_STATUS_LABELS, CONTRACT_STATUS_TONE } from "~/modules/contracts/labels";

export function ContractStatusBadge({ status }: { status: ContractStatus }) {
  return <Badge tone={CONTRACT_STATUS_TONE[status]}>{CONTRACT_STATUS_LABELS[status]}</Badge>;
}
