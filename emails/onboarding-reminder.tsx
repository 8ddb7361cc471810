import { EmailLayout } from "./components/layout";
import {
  ActionButton,
  Bullets,
  ContactLine,
  Greeting,
  P,
  SignOff,
  TransactionalFooter,
  type Contact,
} from "./components/parts";
import { formatDate } from "./components/text";
import type { OnboardingTask } from "./onboarding-welcome";

export type OnboardingReminderProps = {
  firstName: string;
  companyName: string;
  /** Calendar date (YYYY-MM-DD) of the first day. */
  startDate: string;
  /** The steps still open, earliest first. */
  openTasks: OnboardingTask[];
  doneCount: number;
  checklistUrl: string;
  contact: Contact;
};

export const onboardingReminderSubject = (p: OnboardingReminderProps) =>
  `A few steps left before you start, ${p.firstName}`;

export default function OnboardingReminder(p: OnboardingReminderProps) {
  return (
    <EmailLayout
      preview={`${p.openTasks.length} steps left before ${formatDate(p.startDate)}.`}
      footer={<TransactionalFooter about={<>the contract you accepted with {p.companyName}.</>} />}
    >
      <Greeting name={p.firstName} />
      <P>
        {p.doneCount > 0 ? <>Thank you for the {p.doneCount} steps you have already done. </> : null}You start
        on {formatDate(p.startDate)}, and a few steps are still open:
      </P>
      <Bullets
        items={p.openTasks.map((task) => (
          <>
            {task.title}, by {formatDate(task.dueDate)}
          </>
        ))}
      />
      <P>Please finish them by the dates above, so your first day goes smoothly.</P>
      <ActionButton href={p.checklistUrl}>Open your checklist</ActionButton>
      <ContactLine contact={p.contact} lead="Stuck on a step? Write to" />
      <SignOff contact={p.contact} companyName={p.companyName} />
    </EmailLayout>
  );
}

OnboardingReminder.PreviewProps = {
  firstName: "Maja",
  companyName: "Fjord Pay",
  startDate: "2025-09-01",
  openTasks: [
    { title: "Add your bank details for payment", dueDate: "2025-08-27" },
    { title: "Pick your shifts for the first two weeks", dueDate: "2025-08-29" },
  ],
  doneCount: 1,
  checklistUrl: "http://localhost:3000/portal",
  contact: { name: "Amara Okafor", role: "People Partner", email: "amara.okafor@fjordpay.example" },
} satisfies OnboardingReminderProps;
