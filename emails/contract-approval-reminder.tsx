import { EmailLayout } from "./components/layout";
import { ActionButton, Bullets, Greeting, P, TextLink, TransactionalFooter } from "./components/parts";

export type ContractApprovalReminderProps = {
  recipientName: string;
  /** The contracts waiting for this person, oldest first. */
  contracts: { alumnusName: string; role: string; waitingDays: number; url: string }[];
  inboxUrl: string;
};

export const contractApprovalReminderSubject = (p: ContractApprovalReminderProps) =>
  p.contracts.length === 1
    ? `A contract waits for your approval`
    : `${p.contracts.length} contracts wait for your approval`;

/** Internal: at most one a day per approver, listing everything that waits for them. */
export default function ContractApprovalReminder(p: ContractApprovalReminderProps) {
  return (
    <EmailLayout
      preview={`${p.contracts.length === 1 ? "One contract waits" : `${p.contracts.length} contracts wait`} for your approval.`}
      footer={
        <TransactionalFooter
          about={<>contracts that wait for your approval in Comeback (at most one email a day).</>}
        />
      }
    >
      <Greeting name={p.recipientName} />
      <P>
        {p.contracts.length === 1 ? "A gig contract waits" : "These gig contracts wait"} for your approval.
        The people cannot get their offer until you decide:
      </P>
      <Bullets
        items={p.contracts.map((c) => (
          <>
            <TextLink href={c.url}>{c.alumnusName}</TextLink>, {c.role}: waiting for {c.waitingDays}{" "}
            {c.waitingDays === 1 ? "day" : "days"}
          </>
        ))}
      />
      <P>
        <strong>Next step:</strong> open your approvals, then approve, ask for changes or reject each
        contract. If you cannot decide this week, tell HR, so the person is not left waiting.
      </P>
      <ActionButton href={p.inboxUrl}>Open your approvals</ActionButton>
    </EmailLayout>
  );
}

ContractApprovalReminder.PreviewProps = {
  recipientName: "Jonas",
  contracts: [
    {
      alumnusName: "Maja Lindqvist",
      role: "Support specialist (remote shifts)",
      waitingDays: 3,
      url: "http://localhost:3000/staff/contracts/preview",
    },
    {
      alumnusName: "Erik Holm",
      role: "Support specialist (remote shifts)",
      waitingDays: 2,
      url: "http://localhost:3000/staff/contracts/preview-2",
    },
  ],
  inboxUrl: "http://localhost:3000/staff/contracts",
} satisfies ContractApprovalReminderProps;
