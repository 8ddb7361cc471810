import { EmailLayout } from "./components/layout";
import { ActionButton, Greeting, P, PlainText, TransactionalFooter } from "./components/parts";
import { formatDate, hasText } from "./components/text";

export type ContractApprovedProps = {
  recipientName: string;
  approverName: string;
  alumnusName: string;
  role: string;
  /** Calendar date (YYYY-MM-DD) the contract would start. */
  startDate: string;
  /** What the approver wrote, if anything (plain text). */
  comment?: string;
  contractUrl: string;
};

export const contractApprovedSubject = (p: ContractApprovedProps) => `Approved: ${p.alumnusName}'s contract`;

/** Internal: tells HR a manager approved a gig contract, so the offer can go out. */
export default function ContractApproved(p: ContractApprovedProps) {
  return (
    <EmailLayout
      preview={`${p.approverName} approved the contract. The offer can go out.`}
      footer={<TransactionalFooter about={<>a contract you prepared in Comeback.</>} />}
    >
      <Greeting name={p.recipientName} />
      <P>
        {p.approverName} approved the gig contract for {p.alumnusName} as {p.role}, starting{" "}
        {formatDate(p.startDate)}.
      </P>
      {hasText(p.comment) ? <PlainText text={p.comment} intro={`${p.approverName} wrote:`} /> : null}
      <P>
        <strong>Next step:</strong> send the offer to {p.alumnusName}, so they have time to read it before the
        start date.
      </P>
      <ActionButton href={p.contractUrl}>Open the contract</ActionButton>
      <P>Thank you for moving this forward.</P>
    </EmailLayout>
  );
}

ContractApproved.PreviewProps = {
  recipientName: "Amara",
  approverName: "Jonas Berg",
  alumnusName: "Maja Lindqvist",
  role: "Support specialist (remote shifts)",
  startDate: "2025-09-01",
  comment: "Glad to have Maja back. She can join the Tuesday team call from week one.",
  contractUrl: "http://localhost:3000/staff/contracts/preview",
} satisfies ContractApprovedProps;
