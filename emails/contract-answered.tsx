import { EmailLayout } from "./components/layout";
import { ActionButton, Greeting, P, PlainText, TransactionalFooter } from "./components/parts";
import { formatDate, hasText } from "./components/text";

export type ContractAnswer = "accepted" | "declined" | "withdrew" | "expired";

export type ContractAnsweredProps = {
  recipientName: string;
  alumnusName: string;
  role: string;
  answer: ContractAnswer;
  /** Calendar date (YYYY-MM-DD) the contract starts. */
  startDate: string;
  /** What the person wrote, if anything. */
  comment?: string;
  contractUrl: string;
};

const WHAT: Record<ContractAnswer, (p: ContractAnsweredProps) => string> = {
  accepted: (p) => `${p.alumnusName} accepted the gig contract as ${p.role}.`,
  declined: (p) => `${p.alumnusName} declined the offer of a gig contract as ${p.role}.`,
  withdrew: (p) => `${p.alumnusName} withdrew from the gig contract as ${p.role} after accepting it.`,
  expired: (p) =>
    `${p.alumnusName} did not answer the offer of a gig contract as ${p.role} in time, so it expired.`,
};

const NEXT: Record<ContractAnswer, string> = {
  accepted:
    "open the contract to see the acceptance record and download the signed copy, then prepare their first days before the start date.",
  declined: "if you think a change of terms would help, write to them; otherwise nothing more is needed.",
  withdrew: "write to them to understand what changed, and tell the people who prepared their first days.",
  expired: "write to them to ask whether they are still interested before you close the application.",
};

export const contractAnsweredSubject = (p: ContractAnsweredProps) =>
  ({
    accepted: `Accepted: ${p.alumnusName}'s contract`,
    declined: `Declined: ${p.alumnusName}'s offer`,
    withdrew: `Withdrawn: ${p.alumnusName}'s contract`,
    expired: `Expired: ${p.alumnusName}'s offer`,
  })[Object.hasOwn(WHAT, p.answer) ? p.answer : "declined"];
/** Internal: tells HR and the hiring manager how the person answered the offer. */
export default function ContractAnswered(props: ContractAnsweredProps) {
  // the answer is a code; anything unknown reads as the plainest case rather than failing
  const p = { ...props, answer: Object.hasOwn(WHAT, props.answer) ? props.answer : ("declined" as const) };
  return (
    <EmailLayout
      preview={WHAT[p.answer](p)}
      footer={<TransactionalFooter about={<>a contract you prepared or approved in Comeback.</>} />}
    >
      <Greeting name={p.recipientName} />
      <P>
        {WHAT[p.answer](p)} The contract was to start on {formatDate(p.startDate)}.
      </P>
      {hasText(p.comment) ? <PlainText text={p.comment} intro={`${p.alumnusName} wrote:`} /> : null}
      <P>
        <strong>Next step:</strong> {NEXT[p.answer]}
      </P>
      <ActionButton href={p.contractUrl}>Open the contract</ActionButton>
    </EmailLayout>
  );
}

ContractAnswered.PreviewProps = {
  recipientName: "Amara",
  alumnusName: "Maja Lindqvist",
  role: "Support specialist (remote shifts)",
  answer: "accepted",
  startDate: "2025-09-01",
  contractUrl: "http://localhost:3000/staff/contracts/preview",
} satisfies ContractAnsweredProps;
