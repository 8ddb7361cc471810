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

export type AnswerLinkProps = {
  firstName: string;
  companyName: string;
  /** What the invitation was about, e.g. "remote shifts in customer support". */
  opportunity: string;
  answerUrl: string;
  /** Calendar date (YYYY-MM-DD), the last day the link can be used. */
  usableUntil: string;
  /** Days the link can be used from today. */
  days: number;
  contact: Contact;
};

export const answerLinkSubject = (p: AnswerLinkProps) => `Your new link to answer ${p.companyName}`;

/** A fresh link to answer a campaign invitation, asked for from an expired one (ADR 038). */
export default function AnswerLink(p: AnswerLinkProps) {
  return (
    <EmailLayout
      preview={`Here is a new link to give us your answer. It works for ${p.days} days.`}
      footer={
        <TransactionalFooter about={<>a new link someone asked for from an invitation sent to you.</>} />
      }
    >
      <Greeting name={p.firstName} />
      <P>
        Thank you for asking. Here is a new link to tell {p.companyName} whether you are interested in{" "}
        {p.opportunity}:
      </P>
      <ActionButton href={p.answerUrl}>Give my answer</ActionButton>
      <P>
        The link works for {p.days} days, until {formatDate(p.usableUntil)}. It only records your answer: it
        does not sign you in.
      </P>
      <P>If this wasn&apos;t you, you can ignore this email. Nothing changes unless someone uses the link.</P>
      <ContactLine contact={p.contact} />
      <SignOff contact={p.contact} companyName={p.companyName} />
    </EmailLayout>
  );
}

AnswerLink.PreviewProps = {
  firstName: "Maja",
  companyName: "Fjord Pay",
  opportunity: "remote shifts in customer support",
  answerUrl: "http://localhost:3000/portal/answer/preview",
  usableUntil: "2025-07-29",
  days: 14,
  contact: { name: "Amara Okafor", role: "People Partner", email: "amara.okafor@fjordpay.example" },
} satisfies AnswerLinkProps;
