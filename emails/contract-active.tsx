import { EmailLayout } from "./components/layout";
import {
  ActionButton,
  ContactLine,
  Greeting,
  P,
  SignOff,
  TransactionalFooter,
  type Contact,
} from "./components/parts";
import { formatDate } from "./components/text";

export type ContractActiveProps = {
  firstName: string;
  companyName: string;
  role: string;
  /** Calendar date (YYYY-MM-DD) of the first day. */
  startDate: string;
  contractUrl: string;
  contact: Contact;
};

export const contractActiveSubject = (p: ContractActiveProps) => `You're all set, ${p.firstName}`;

export default function ContractActive(p: ContractActiveProps) {
  return (
    <EmailLayout
      preview={`Every onboarding step is done. You start on ${formatDate(p.startDate)}.`}
      footer={<TransactionalFooter about={<>the contract you accepted with {p.companyName}.</>} />}
    >
      <Greeting name={p.firstName} />
      <P>
        You&apos;re all set. Thank you for finishing your onboarding steps so quickly: every step is done, and
        your contract as {p.role} is now active.
      </P>
      <P>
        <strong>You start on {formatDate(p.startDate)}.</strong> What happens next: on your first day, sign in
        and pick up your first shift. You can read your contract at any time in the portal.
      </P>
      <ActionButton href={p.contractUrl}>Open your contract</ActionButton>
      <ContactLine contact={p.contact} lead="If anything is unclear before then, write to" />
      <SignOff contact={p.contact} companyName={p.companyName} closing="See you soon," />
    </EmailLayout>
  );
}

ContractActive.PreviewProps = {
  firstName: "Maja",
  companyName: "Fjord Pay",
  role: "Support specialist (remote shifts)",
  startDate: "2025-09-01",
  contractUrl: "http://localhost:3000/portal/contracts/example",
  contact: { name: "Amara Okafor", role: "People Partner", email: "amara.okafor@fjordpay.example" },
} satisfies ContractActiveProps;
