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

export type ApplicationReceivedProps = {
  firstName: string;
  companyName: string;
  /** What they applied for, e.g. "Support specialist (remote shifts)". */
  opportunityTitle: string;
  /** Calendar date (YYYY-MM-DD) by which they will hear from us, whatever the answer. */
  answerBy: string;
  applicationUrl: string;
  contact: Contact;
};

export const applicationReceivedSubject = (p: ApplicationReceivedProps) =>
  `Thank you for applying, ${p.firstName}`;

export default function ApplicationReceived(p: ApplicationReceivedProps) {
  return (
    <EmailLayout
      preview={`We have your application for ${p.opportunityTitle}. You will hear from us by ${formatDate(p.answerBy)}.`}
      footer={<TransactionalFooter about={<>your application to return to {p.companyName}.</>} />}
    >
      <Greeting name={p.firstName} />
      <P>
        Thank you for applying to come back as {p.opportunityTitle}. We are glad to hear from you, and your
        application has reached us safely.
      </P>
      <P>
        <strong>What happens next:</strong> {p.contact.name} will read your application. You will hear from us
        by {formatDate(p.answerBy)}, whatever the answer.
      </P>
      <P>You can see where your application stands at any time:</P>
      <ActionButton href={p.applicationUrl}>See your application</ActionButton>
      <ContactLine contact={p.contact} />
      <SignOff contact={p.contact} companyName={p.companyName} />
    </EmailLayout>
  );
}

ApplicationReceived.PreviewProps = {
  firstName: "Maja",
  companyName: "Fjord Pay",
  opportunityTitle: "Support specialist (remote shifts)",
  answerBy: "2025-07-29",
  applicationUrl: "http://localhost:3000/portal/applications",
  contact: { name: "Amara Okafor", role: "People Partner", email: "amara.okafor@fjordpay.example" },
} satisfies ApplicationReceivedProps;
