import { EmailLayout } from "./components/layout";
import {
  ActionButton,
  ContactLine,
  Details,
  Greeting,
  P,
  PersonalNote,
  SignOff,
  TransactionalFooter,
  type Contact,
} from "./components/parts";
import { formatDate, formatMoney } from "./components/text";

export type ContractTerms = {
  role: string;
  /** Decimal string, e.g. "32.50". */
  hourlyRate: string;
  /** ISO 4217 code, e.g. "EUR". */
  currency: string;
  minHoursPerWeek: number;
  maxHoursPerWeek: number;
  /** Calendar dates (YYYY-MM-DD); no end date means open-ended. */
  startDate: string;
  endDate?: string | null;
  noticeDays: number;
};

export type ContractOfferProps = {
  firstName: string;
  companyName: string;
  terms: ContractTerms;
  /** Calendar date (YYYY-MM-DD) by which we would like an answer. */
  respondBy: string;
  contractUrl: string;
  contact: Contact;
  note?: string;
};

export const contractOfferSubject = (p: ContractOfferProps) => `Your contract offer from ${p.companyName}`;

export default function ContractOffer(p: ContractOfferProps) {
  const t = p.terms;
  return (
    <EmailLayout
      preview={`Your offer as ${t.role}: ${formatMoney(t.hourlyRate, t.currency)} an hour, starting ${formatDate(t.startDate)}.`}
      footer={<TransactionalFooter about={<>the contract {p.companyName} is offering you.</>} />}
    >
      <Greeting name={p.firstName} />
      <P>
        Thank you for the good talks over the last weeks. We are happy to offer you a gig contract. Here are
        the terms:
      </P>
      <Details
        items={[
          { label: "Role", value: t.role },
          { label: "Pay", value: `${formatMoney(t.hourlyRate, t.currency)} an hour` },
          {
            label: "Hours",
            value: `${t.minHoursPerWeek} to ${t.maxHoursPerWeek} a week, and you choose when`,
          },
          { label: "Start", value: formatDate(t.startDate) },
          { label: "End", value: t.endDate ? formatDate(t.endDate) : "No end date" },
          { label: "Notice", value: `${t.noticeDays} days, for you and for us` },
        ]}
      />
      <PersonalNote note={p.note} from={p.contact.name} />
      <P>
        Please read the full contract and accept it, or ask us for changes, by {formatDate(p.respondBy)}. If
        something does not work for you, tell us: we can talk about hours and the start date.
      </P>
      <ActionButton href={p.contractUrl}>Read your contract</ActionButton>
      <ContactLine contact={p.contact} />
      <SignOff contact={p.contact} companyName={p.companyName} />
    </EmailLayout>
  );
}

ContractOffer.PreviewProps = {
  firstName: "Maja",
  companyName: "Fjord Pay",
  terms: {
    role: "Support specialist (remote shifts)",
    hourlyRate: "32.50",
    currency: "EUR",
    minHoursPerWeek: 10,
    maxHoursPerWeek: 25,
    startDate: "2025-09-01",
    endDate: null,
    noticeDays: 14,
  },
  respondBy: "2025-08-20",
  contractUrl: "http://localhost:3000/portal/contracts/preview",
  contact: { name: "Amara Okafor", role: "People Partner", email: "amara.okafor@fjordpay.example" },
  note: "Take your time to read it. Call me if anything is unclear.",
} satisfies ContractOfferProps;
