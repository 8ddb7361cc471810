import { EmailLayout } from "./components/layout";
import { ActionButton, Bullets, Details, Greeting, P, TransactionalFooter } from "./components/parts";
import { formatDate, formatMoney } from "./components/text";

export type ContractApprovalRequestProps = {
  recipientName: string;
  preparedBy: string;
  alumnusName: string;
  role: string;
  hourlyRate: string;
  currency: string;
  hours: string;
  /** Calendar date (YYYY-MM-DD). */
  startDate: string;
  /** Why this person is asked, e.g. "you hire for this program". */
  reasons: string[];
  /** True when the terms changed after an earlier approval. */
  changed: boolean;
  contractUrl: string;
};

export const contractApprovalRequestSubject = (p: ContractApprovalRequestProps) =>
  p.changed
    ? `Changed terms to approve: ${p.alumnusName}'s contract`
    : `To approve: ${p.alumnusName}'s contract`;

/** Internal: asks an approver to look at a gig contract's terms. */
export default function ContractApprovalRequest(p: ContractApprovalRequestProps) {
  return (
    <EmailLayout
      preview={`${p.preparedBy} asks for your approval of ${p.alumnusName}'s contract.`}
      footer={<TransactionalFooter about={<>a contract that waits for your approval in Comeback.</>} />}
    >
      <Greeting name={p.recipientName} />
      <P>
        {p.changed
          ? `The terms of ${p.alumnusName}'s gig contract changed, so the earlier approvals no longer count. ${p.preparedBy} asks you to look again.`
          : `${p.preparedBy} prepared a gig contract for ${p.alumnusName} and asks for your approval.`}
      </P>
      <Details
        items={[
          { label: "Role", value: p.role },
          { label: "Pay", value: `${formatMoney(p.hourlyRate, p.currency)} an hour` },
          { label: "Hours", value: p.hours },
          { label: "Start", value: formatDate(p.startDate) },
        ]}
      />
      <P>Comeback asks you for these reasons:</P>
      <Bullets items={p.reasons} />
      <P>
        <strong>Next step:</strong> please review the contract, then approve it, ask for changes or reject it
        with a comment. The person does not see the offer until every approval is in.
      </P>
      <ActionButton href={p.contractUrl}>Review the contract</ActionButton>
    </EmailLayout>
  );
}

ContractApprovalRequest.PreviewProps = {
  recipientName: "Jonas",
  preparedBy: "Amara Okafor",
  alumnusName: "Maja Lindqvist",
  role: "Support specialist (remote shifts)",
  hourlyRate: "32.50",
  currency: "EUR",
  hours: "between 10 and 25 hours a week",
  startDate: "2025-09-01",
  reasons: ["you hire for this program"],
  changed: false,
  contractUrl: "http://localhost:3000/staff/contracts/preview",
} satisfies ContractApprovalRequestProps;
