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

export type PhaseChangeNoticeProps = PreferencesProps & {
  firstName: string;
  companyName: string;
  /** The workforce decision in plain words, e.g. "the automation of customer support". */
  decisionTitle: string;
  /** What is changing in this phase. */
  whatChanged: string;
  /** Why we are making this change. */
  why: string;
  /** Calendar date (YYYY-MM-DD) the phase starts. */
  effectiveOn: string;
  /** What it means for the reader, e.g. new openings, nothing for now. */
  whatItMeansForYou: string;
  moreUrl: string;
  contact: Contact;
  note?: string;
};

export const phaseChangeNoticeSubject = (p: PhaseChangeNoticeProps) => `An update on ${p.decisionTitle}`;

/** News to alumni: a workforce decision they left under moves to a new phase. */
export default function PhaseChangeNotice(p: PhaseChangeNoticeProps) {
  return (
    <EmailLayout
      preview={`What is changing from ${formatDate(p.effectiveOn)}, and why.`}
      footer={
        <OutreachFooter
          preferencesUrl={p.preferencesUrl}
          after={<>asking {p.companyName} for news about the teams you worked with.</>}
        />
      }
    >
      <Greeting name={p.firstName} />
      <P>
        We promised to keep you up to date on {p.decisionTitle}, so here is an honest update. Thank you for
        staying in touch with us.
      </P>
      <P>
        <strong>What is changing:</strong> {p.whatChanged}
      </P>
      {hasText(p.why) ? (
        <P>
          <strong>Why we are doing this:</strong> {p.why}
        </P>
      ) : null}
      <P>
        <strong>When:</strong> from {formatDate(p.effectiveOn)}.
      </P>
      <P>
        <strong>What it means for you:</strong> {p.whatItMeansForYou}
      </P>
      <PersonalNote note={p.note} from={p.contact.name} />
      <ActionButton href={p.moreUrl}>Read the full update</ActionButton>
      <ContactLine contact={p.contact} />
      <SignOff contact={p.contact} companyName={p.companyName} />
    </EmailLayout>
  );
}

PhaseChangeNotice.PreviewProps = {
  firstName: "Maja",
  companyName: "Fjord Pay",
  decisionTitle: "customer support at Fjord Pay",
  whatChanged:
    "We are moving to the second phase of our support plan. People will answer all disputes and complaints again, and the automated assistant will keep simple questions.",
  why: "Customers with hard problems waited too long and felt unheard. We got the balance wrong, and we want to fix it.",
  effectiveOn: "2025-10-01",
  whatItMeansForYou:
    "We are opening 40 remote roles for people who know our customers. If you would like one, you will hear from us first.",
  moreUrl: "http://localhost:3000/portal",
  preferencesUrl: "http://localhost:3000/preferences/preview-token",
  contact: { name: "Amara Okafor", role: "People Partner", email: "amara.okafor@fjordpay.example" },
} satisfies PhaseChangeNoticeProps;
