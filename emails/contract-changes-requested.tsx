import { EmailLayout } from "./components/layout";
import { ActionButton, Greeting, P, PlainText, TransactionalFooter } from "./components/parts";
import { hasText } from "./components/text";

export type ContractChangesRequestedProps = {
  recipientName: string;
  managerName: string;
  alumnusName: string;
  role: string;
  /** What the manager asked to change and why (plain text, paragraphs kept). */
  comment: string;
  contractUrl: string;
};

export const contractChangesRequestedSubject = (p: ContractChangesRequestedProps) =>
  `Changes asked for: ${p.alumnusName}'s contract`;

/** Internal: tells HR a manager sent a gig contract back with changes. */
export default function ContractChangesRequested(p: ContractChangesRequestedProps) {
  return (
    <EmailLayout
      preview={`${p.managerName} asked for changes before approving.`}
      footer={<TransactionalFooter about={<>a contract you prepared in Comeback.</>} />}
    >
      <Greeting name={p.recipientName} />
      <P>
        {p.managerName} sent back the gig contract for {p.alumnusName} ({p.role}) and asked for changes before
        approving it.
      </P>
      {hasText(p.comment) ? (
        <PlainText text={p.comment} intro={`What ${p.managerName} asked for, and why:`} />
      ) : null}
      <P>
        <strong>Next step:</strong> update the contract and send it for approval again. If the request is
        unclear, talk to {p.managerName} first.
      </P>
      <ActionButton href={p.contractUrl}>Open the contract</ActionButton>
    </EmailLayout>
  );
}

ContractChangesRequested.PreviewProps = {
  recipientName: "Amara",
  managerName: "Jonas Berg",
  alumnusName: "Maja Lindqvist",
  role: "Support specialist (remote shifts)",
  comment:
    "Please set the minimum to 8 hours a week. Maja told me she cares for her father on Mondays.\n\nThe start date can move to 8 September if that helps.",
  contractUrl: "http://localhost:3000/staff/contracts/preview",
} satisfies ContractChangesRequestedProps;
