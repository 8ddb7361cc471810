import { EmailLayout } from "./components/layout";
import { ContactLine, Greeting, P, SignOff, TransactionalFooter, type Contact } from "./components/parts";
import { hasText } from "./components/text";

export type ContractCancelledProps = {
  firstName: string;
  companyName: string;
  role: string;
  /** Why the contract is cancelled, in plain words. */
  reason: string;
  contact: Contact;
};

export const contractCancelledSubject = (p: ContractCancelledProps) =>
  `About your contract with ${p.companyName}, ${p.firstName}`;

/** To the person: a contract they were offered (or had accepted) is cancelled, and why. */
export default function ContractCancelled(p: ContractCancelledProps) {
  return (
    <EmailLayout
      preview={`We have to cancel your contract as ${p.role}, and we want to tell you why.`}
      footer={<TransactionalFooter about={<>the contract {p.companyName} offered you.</>} />}
    >
      <Greeting name={p.firstName} />
      <P>
        Thank you for the time you gave to this offer. We are sorry to tell you that we have cancelled your
        gig contract as {p.role}. We know this is not what you expected from us.
      </P>
      {hasText(p.reason) ? (
        <P>
          <strong>Here is why we decided this:</strong> {p.reason}
        </P>
      ) : null}
      <P>
        You stay in our alumni pool. What could change this: when a role opens that fits, we will write to you
        first, and you are welcome to apply again.
      </P>
      <ContactLine contact={p.contact} lead="If you want to talk about it, write to" />
      <SignOff contact={p.contact} companyName={p.companyName} />
    </EmailLayout>
  );
}

ContractCancelled.PreviewProps = {
  firstName: "Maja",
  companyName: "Fjord Pay",
  role: "Support specialist (remote shifts)",
  reason:
    "We paused the weekend support program last week, because the merchants it served moved to another provider.",
  contact: { name: "Amara Okafor", role: "People Partner", email: "amara.okafor@fjordpay.example" },
} satisfies ContractCancelledProps;
