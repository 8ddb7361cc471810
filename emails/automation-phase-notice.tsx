import { EmailLayout } from "./components/layout";
import {
  ActionButton,
  Bullets,
  Details,
  Greeting,
  P,
  PersonalNote,
  SignOff,
  SubHeading,
  TextLink,
  TransactionalFooter,
  type Contact,
} from "./components/parts";
import { formatDate, hasText } from "./components/text";

export type AutomationPhaseNoticeProps = {
  firstName: string;
  companyName: string;
  roleTitle: string;
  teamName: string;
  /** What the new automation phase changes, in plain words. */
  whatChanged: string;
  /** Why we decided it, in plain words. */
  why: string;
  noticePeriodWeeks: number;
  /** Calendar date (YYYY-MM-DD). */
  lastWorkingDay: string;
  /** The severance in plain words, e.g. "Six months of your full pay, paid with your last salary." */
  severance: string;
  /** Other support, e.g. career coaching, references, time off for interviews. */
  support: string[];
  /** A named person who will meet them and answers their questions. */
  contact: Contact;
  /** Calendar date (YYYY-MM-DD) of the personal conversation with the contact. */
  meetingOn: string;
  alumniPoolUrl: string;
  note?: string;
};

export const automationPhaseNoticeSubject = (_p: AutomationPhaseNoticeProps) =>
  "Changes to your role, and our support for you";

/**
 * To people whose work a new automation phase takes over: the truth first, who decided and why,
 * the notice period, the severance, a named person, and an open door (the alumni pool).
 */
export default function AutomationPhaseNotice(p: AutomationPhaseNoticeProps) {
  return (
    <EmailLayout
      preview={`Your role as ${p.roleTitle} will end on ${formatDate(p.lastWorkingDay)}. Here is what we will do for you.`}
      footer={<TransactionalFooter about={<>your role at {p.companyName}.</>} />}
    >
      <Greeting name={p.firstName} />
      <P>
        We have hard news, and we want you to hear it clearly. We have decided to automate part of the work of
        the {p.teamName} team. Your role as {p.roleTitle} will end.
      </P>
      {hasText(p.whatChanged) ? (
        <P>
          <strong>What is changing:</strong> {p.whatChanged}
        </P>
      ) : null}
      {hasText(p.why) ? (
        <P>
          <strong>Why we decided this:</strong> {p.why} This decision is ours. It is not about the quality of
          your work.
        </P>
      ) : null}
      <SubHeading>What happens now</SubHeading>
      <Details
        items={[
          { label: "Notice period", value: `${p.noticePeriodWeeks} weeks, with full pay` },
          { label: "Last working day", value: formatDate(p.lastWorkingDay) },
          ...(hasText(p.severance) ? [{ label: "Severance", value: p.severance }] : []),
        ]}
      />
      {p.support.length > 0 ? (
        <>
          <P>We will also give you this support:</P>
          <Bullets items={p.support} />
        </>
      ) : null}
      <SubHeading>Who to talk to</SubHeading>
      <P>
        {p.contact.name} ({p.contact.role}) will meet you on {formatDate(p.meetingOn)} to go through this with
        you and answer every question. You can also write to {p.contact.name} at{" "}
        <TextLink href={`mailto:${p.contact.email}`}>{p.contact.email}</TextLink>
        {hasText(p.contact.phone) ? <> or call {p.contact.phone}</> : null} at any time before then.
      </P>
      <PersonalNote note={p.note} from={p.contact.name} />
      <SubHeading>An open door</SubHeading>
      <P>
        We hope this is not goodbye. If we need people in this work again, we want to ask you first. Join our
        alumni pool to hear about chances to come back. It is your choice, and you can leave it at any time.
      </P>
      <ActionButton href={p.alumniPoolUrl}>Join the alumni pool</ActionButton>
      <P>Thank you for everything you have done here.</P>
      <SignOff contact={p.contact} companyName={p.companyName} closing="With respect," />
    </EmailLayout>
  );
}

AutomationPhaseNotice.PreviewProps = {
  firstName: "Jonas",
  companyName: "Fjord Pay",
  roleTitle: "Payments support agent",
  teamName: "payments support",
  whatChanged:
    "From November, an automated assistant will answer questions about payment status and refunds. People will keep handling disputes and fraud cases.",
  why: "Most payment questions are simple and repeat. We want our people to spend their time where a person makes the difference.",
  noticePeriodWeeks: 12,
  lastWorkingDay: "2025-12-19",
  severance:
    "Six months of your full pay, paid with your last salary. This comes on top of your notice period.",
  support: [
    "Career coaching for six months",
    "A written reference from your manager",
    "Paid time off for job interviews",
  ],
  contact: {
    name: "Amara Okafor",
    role: "People Partner",
    email: "amara.okafor@fjordpay.example",
    phone: "+46 8 123 456 78",
  },
  meetingOn: "2025-09-24",
  alumniPoolUrl: "http://localhost:3000/portal/sign-in",
  note: "Jonas, I am sorry. I will do everything I can to make the next months easier for you.",
} satisfies AutomationPhaseNoticeProps;
