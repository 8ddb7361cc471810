import { EmailLayout } from "./components/layout";
import {
  ActionButton,
  ContactLine,
  Greeting,
  P,
  PersonalNote,
  SignOff,
  TransactionalFooter,
  type Contact,
} from "./components/parts";
import { formatDate } from "./components/text";

export type PositiveDecisionProps = {
  firstName: string;
  companyName: string;
  opportunityTitle: string;
  /** What happens next, in plain words, e.g. "a short video call to agree on your hours and start date". */
  nextStep: string;
  /** Calendar date (YYYY-MM-DD) by which we would like them to take the next step. */
  respondBy: string;
  actionUrl: string;
  /** The button's words, e.g. "Pick a time for the call". */
  actionLabel: string;
  contact: Contact;
  note?: string;
};

export const positiveDecisionSubject = (p: PositiveDecisionProps) =>
  `Good news about your application, ${p.firstName}`;

export default function PositiveDecision(p: PositiveDecisionProps) {
  return (
    <EmailLayout
      preview={`We would love to have you back as ${p.opportunityTitle}.`}
      footer={<TransactionalFooter about={<>your application to return to {p.companyName}.</>} />}
    >
      <Greeting name={p.firstName} />
      <P>
        Thank you for applying. We have read your application, and we would love to have you back as{" "}
        {p.opportunityTitle}.
      </P>
      <P>
        <strong>The next step</strong> is {p.nextStep}. Please use the button below by{" "}
        {formatDate(p.respondBy)}.
      </P>
      <PersonalNote note={p.note} from={p.contact.name} />
      <ActionButton href={p.actionUrl}>{p.actionLabel}</ActionButton>
      <P>
        Nothing is final until you say yes: you will see the full contract, and you can ask for changes before
        you sign.
      </P>
      <ContactLine contact={p.contact} />
      <SignOff contact={p.contact} companyName={p.companyName} />
    </EmailLayout>
  );
}

PositiveDecision.PreviewProps = {
  firstName: "Maja",
  companyName: "Fjord Pay",
  opportunityTitle: "Support specialist (remote shifts)",
  nextStep: "a short video call with Amara to agree on your hours and a start date",
  respondBy: "2025-08-05",
  actionUrl: "http://localhost:3000/portal/applications",
  actionLabel: "Pick a time for the call",
  contact: { name: "Amara Okafor", role: "People Partner", email: "amara.okafor@fjordpay.example" },
  note: "The team was so happy to see your name on the list. Welcome back, almost!",
} satisfies PositiveDecisionProps;
