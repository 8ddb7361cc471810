import { EmailLayout } from "./components/layout";
import { ContactLine, Greeting, P, SignOff, TransactionalFooter, type Contact } from "./components/parts";

export type ContractOfferChangedProps = {
  firstName: string;
  companyName: string;
  role: string;
  /** What changed, in plain words (e.g. "the hourly rate and the start date"). */
  changed: string;
  contact: Contact;
};

export const contractOfferChangedSubject = (p: ContractOfferChangedProps) =>
  `We are changing the offer we sent you, ${p.firstName}`;

/** To the person: the offer they have not answered yet is taken back while its terms change. */
export default function ContractOfferChanged(p: ContractOfferChangedProps) {
  return (
    <EmailLayout
      preview={`We changed the terms of your offer as ${p.role}. A new version follows.`}
      footer={<TransactionalFooter about={<>the contract {p.companyName} offered you.</>} />}
    >
      <Greeting name={p.firstName} />
      <P>
        Thank you for considering our offer as {p.role}. We have changed its terms ({p.changed}), so you can
        no longer accept the version we sent you. Nothing is needed from you right now.
      </P>
      <P>
        <strong>Next step:</strong> once the approvers agree to the new terms, you will get a new email with
        the contract to read. We expect to send it within 5 working days. Your application stays open, and you
        can still decline then if it is not right for you.
      </P>
      <ContactLine contact={p.contact} lead="If you have questions in the meantime, write to" />
      <SignOff contact={p.contact} companyName={p.companyName} />
    </EmailLayout>
  );
}

ContractOfferChanged.PreviewProps = {
  firstName: "Maja",
  companyName: "Fjord Pay",
  role: "Support specialist (remote shifts)",
  changed: "the hourly rate and the start date",
  contact: { name: "Amara Okafor", role: "People Partner", email: "amara.okafor@fjordpay.example" },
} satisfies ContractOfferChangedProps;
