import { EmailLayout } from "./components/layout";
import {
  ActionButton,
  ContactLine,
  Greeting,
  OutreachFooter,
  P,
  PersonalNote,
  SignOff,
  type Contact,
  type PreferencesProps,
} from "./components/parts";
import { formatDate, hasText } from "./components/text";

export type ReturnInvitationProps = PreferencesProps & {
  firstName: string;
  companyName: string;
  /** The team or work they did, e.g. "customer support". */
  teamName: string;
  /** What changed since they left and why we are writing now, in plain words. */
  whatChanged: string;
  /** The way back on offer, e.g. "flexible remote shifts answering customers who need a person". */
  opportunity: string;
  /** Calendar date (YYYY-MM-DD) by which we would like to hear back. */
  respondBy: string;
  interestUrl: string;
  contact: Contact;
  /** HR's personal note: plain text, paragraphs kept. */
  note?: string;
};

export const returnInvitationSubject = (p: ReturnInvitationProps) =>
  `Would you like to work with us again, ${p.firstName}?`;

export default function ReturnInvitation(p: ReturnInvitationProps) {
  return (
    <EmailLayout
      preview={`We would like to invite you back to ${p.teamName} at ${p.companyName}.`}
      footer={
        <OutreachFooter
          preferencesUrl={p.preferencesUrl}
          after={<>telling {p.companyName} you would like to hear about chances to return.</>}
        />
      }
    >
      <Greeting name={p.firstName} />
      <P>
        Thank you for the work you did in {p.teamName} at {p.companyName}. We have not forgotten it, and we
        are writing to ask if you would like to come back.
      </P>
      {hasText(p.whatChanged) ? (
        <P>
          <strong>What has changed, and why we are writing:</strong> {p.whatChanged}
        </P>
      ) : null}
      <P>
        <strong>What we can offer:</strong> {p.opportunity}
      </P>
      <PersonalNote note={p.note} from={p.contact.name} />
      <P>
        If you are interested, please tell us by {formatDate(p.respondBy)}. It takes two minutes, and it does
        not commit you to anything.
      </P>
      <ActionButton href={p.interestUrl}>Tell us you are interested</ActionButton>
      <ContactLine contact={p.contact} />
      <SignOff contact={p.contact} companyName={p.companyName} />
    </EmailLayout>
  );
}

ReturnInvitation.PreviewProps = {
  firstName: "Maja",
  companyName: "Fjord Pay",
  teamName: "customer support",
  whatChanged:
    "In 2022 we let most of our support team go and handed the work to an automated assistant. It handles simple questions well. But customers with hard problems told us they miss talking to a person, and we think they are right. So we are building a human support team again.",
  opportunity:
    "Remote shifts helping customers with disputes and complaints. You choose your hours, from 10 to 30 a week.",
  respondBy: "2025-07-15",
  interestUrl: "http://localhost:3000/portal/answer/preview-token",
  preferencesUrl: "http://localhost:3000/preferences/preview-token",
  contact: { name: "Amara Okafor", role: "People Partner", email: "amara.okafor@fjordpay.example" },
  note: "Maja, I remember how calm you stayed with the hardest calls.\n\nWe would love to have you back, on your terms.",
} satisfies ReturnInvitationProps;
