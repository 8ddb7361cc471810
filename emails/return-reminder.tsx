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
import { formatDate } from "./components/text";

export type ReturnReminderProps = PreferencesProps & {
  firstName: string;
  companyName: string;
  /** What we invited them to, e.g. "remote shifts in customer support". */
  opportunity: string;
  /** Calendar date (YYYY-MM-DD) of the first invitation. */
  invitedOn: string;
  /** Calendar date (YYYY-MM-DD) by which we would like to hear back. */
  respondBy: string;
  interestUrl: string;
  contact: Contact;
  note?: string;
};

export const returnReminderSubject = (p: ReturnReminderProps) =>
  `Still thinking about coming back, ${p.firstName}?`;

export default function ReturnReminder(p: ReturnReminderProps) {
  return (
    <EmailLayout
      preview={`A gentle reminder about ${p.opportunity}. There is no pressure.`}
      footer={
        <OutreachFooter
          preferencesUrl={p.preferencesUrl}
          after={<>telling {p.companyName} you would like to hear about chances to return.</>}
        />
      }
    >
      <Greeting name={p.firstName} />
      <P>
        On {formatDate(p.invitedOn)} we wrote to ask if you would like to come back to {p.companyName} for{" "}
        {p.opportunity}. We are writing once more in case you missed it.
      </P>
      <P>
        There is no pressure. If the timing is wrong, that is fine: you stay in our alumni pool, and we will
        ask you again when something fits.
      </P>
      <PersonalNote note={p.note} from={p.contact.name} />
      <P>
        If you are interested, please tell us by {formatDate(p.respondBy)}. This is the only reminder we will
        send about it.
      </P>
      <ActionButton href={p.interestUrl}>Tell us you are interested</ActionButton>
      <ContactLine contact={p.contact} />
      <SignOff contact={p.contact} companyName={p.companyName} closing="Thank you, and warm regards," />
    </EmailLayout>
  );
}

ReturnReminder.PreviewProps = {
  firstName: "Maja",
  companyName: "Fjord Pay",
  opportunity: "remote shifts in customer support",
  invitedOn: "2025-06-24",
  respondBy: "2025-07-15",
  interestUrl: "http://localhost:3000/portal/answer/preview-token",
  preferencesUrl: "http://localhost:3000/preferences/preview-token",
  contact: { name: "Amara Okafor", role: "People Partner", email: "amara.okafor@fjordpay.example" },
} satisfies ReturnReminderProps;
