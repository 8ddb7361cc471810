import { EmailLayout } from "./components/layout";
import { ActionButton, Greeting, P, PlainText, TransactionalFooter } from "./components/parts";
import { hasText } from "./components/text";

export type ContractRejectedProps = {
  recipientName: string;
  approverName: string;
  alumnusName: string;
  role: string;
  /** Why the approver rejected it (plain text, paragraphs kept). */
  comment: string;
  contractUrl: string;
};

export const contractRejectedSubject = (p: ContractRejectedProps) => `Rejected: ${p.alumnusName}'s contract`;

/** Internal: tells HR an approver rejected a gig contract, with their words. */
export default function ContractRejected(p: ContractRejectedProps) {
  return (
    <EmailLayout
      preview={`${p.approverName} rejected the contract and said why.`}
      footer={<TransactionalFooter about={<>a contract you prepared in Comeback.</>} />}
    >
      <Greeting name={p.recipientName} />
      <P>
        {p.approverName} rejected the gig contract for {p.alumnusName} ({p.role}). It will not go to{" "}
        {p.alumnusName} as it is.
      </P>
      {hasText(p.comment) ? <PlainText text={p.comment} intro={`${p.approverName} wrote:`} /> : null}
      <P>
        <strong>Next step:</strong> talk to {p.approverName} about it. If the application should end here,
        decline it in the pipeline so {p.alumnusName} gets a kind answer with the reason.
      </P>
      <ActionButton href={p.contractUrl}>Open the contract</ActionButton>
    </EmailLayout>
  );
}

ContractRejected.PreviewProps = {
  recipientName: "Amara",
  approverName: "Jonas Berg",
  alumnusName: "Maja Lindqvist",
  role: "Support specialist (remote shifts)",
  comment:
    "We filled the weekend shifts last week, so the team has no budget for another contract this quarter.",
  contractUrl: "http://localhost:3000/staff/contracts/preview",
} satisfies ContractRejectedProps;
