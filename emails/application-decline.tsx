import { EmailLayout } from "./components/layout";
import {
  ContactLine,
  Greeting,
  P,
  PersonalNote,
  SignOff,
  TransactionalFooter,
  type Contact,
} from "./components/parts";
import { hasText } from "./components/text";

export type ApplicationDeclineProps = {
  firstName: string;
  companyName: string;
  opportunityTitle: string;
  /** Why we decided this, in plain words a person can understand and check. */
  reason: string;
  /** What could change the answer next time, e.g. more evening hours, a certificate, a new opening. */
  whatCouldChange: string;
  contact: Contact;
  note?: string;
};

export const applicationDeclineSubject = (p: ApplicationDeclineProps) =>
  `Our answer on your application, ${p.firstName}`;

/**
 * A kind decline: the answer first, then the reason in plain words and what could change it.
 * Sections with nothing to say are left out, so the tone check reports a missing reason rather
 * than the email pretending to give one.
 */
export default function ApplicationDecline(p: ApplicationDeclineProps) {
  return (
    <EmailLayout
      preview={`Our answer on ${p.opportunityTitle}, and why.`}
      footer={<TransactionalFooter about={<>your application to return to {p.companyName}.</>} />}
    >
      <Greeting name={p.firstName} />
      <P>
        Thank you for applying to come back as {p.opportunityTitle}, and for the time you put into it. We have
        decided not to offer you this role. We know this is not the answer you hoped for.
      </P>
      {hasText(p.reason) ? (
        <P>
          <strong>Here is why we decided this:</strong> {p.reason}
        </P>
      ) : null}
      {hasText(p.whatCouldChange) ? (
        <P>
          <strong>What could change this:</strong> {p.whatCouldChange}
        </P>
      ) : null}
      <PersonalNote note={p.note} from={p.contact.name} />
      <P>
        This is not a judgement of you or of the work you did with us. You stay in our alumni pool, and we
        will write to you when a role opens that fits.
      </P>
      <ContactLine contact={p.contact} lead="If you want to talk about this decision, write to" />
      <SignOff contact={p.contact} companyName={p.companyName} />
    </EmailLayout>
  );
}

ApplicationDecline.PreviewProps = {
  firstName: "Maja",
  companyName: "Fjord Pay",
  opportunityTitle: "Support specialist (weekend shifts)",
  reason:
    "This role needs someone for at least two weekend shifts a month, and you told us you can only work on weekdays. We chose people who can cover those weekends.",
  whatCouldChange:
    "If your weekends free up, tell us and we will look at your application again. We also plan to open weekday shifts in the autumn, and you are welcome to apply for those.",
  contact: { name: "Amara Okafor", role: "People Partner", email: "amara.okafor@fjordpay.example" },
} satisfies ApplicationDeclineProps;
