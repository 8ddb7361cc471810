import { EmailLayout } from "./components/layout";
import {
  ActionButton,
  Bullets,
  ContactLine,
  Greeting,
  P,
  PersonalNote,
  SignOff,
  TransactionalFooter,
  type Contact,
} from "./components/parts";
import { formatDate, hasText } from "./components/text";

export type OnboardingTask = { title: string; /** Calendar date (YYYY-MM-DD). */ dueDate: string };

export type OnboardingWelcomeProps = {
  firstName: string;
  companyName: string;
  role: string;
  /** Calendar date (YYYY-MM-DD) of the first day. */
  startDate: string;
  /** How the first day starts, e.g. "at 9:00 on a video call with your team". */
  firstDayPlan?: string;
  tasks: OnboardingTask[];
  checklistUrl: string;
  contact: Contact;
  note?: string;
};

export const onboardingWelcomeSubject = (p: OnboardingWelcomeProps) => `Welcome back, ${p.firstName}`;

export default function OnboardingWelcome(p: OnboardingWelcomeProps) {
  return (
    <EmailLayout
      preview={`Your first day is ${formatDate(p.startDate)}. Here is what to expect.`}
      footer={<TransactionalFooter about={<>the contract you accepted with {p.companyName}.</>} />}
    >
      <Greeting name={p.firstName} />
      <P>
        Welcome back to {p.companyName}! Thank you for saying yes. We are really glad you are joining us again
        as {p.role}.
      </P>
      <P>
        <strong>Your first day</strong> is {formatDate(p.startDate)}
        {hasText(p.firstDayPlan) ? <>, {p.firstDayPlan}</> : null}.
      </P>
      {p.tasks.length > 0 ? (
        <>
          <P>Before then, please finish these steps. Most take a few minutes:</P>
          <Bullets
            items={p.tasks.map((task) => (
              <>
                {task.title}, by {formatDate(task.dueDate)}
              </>
            ))}
          />
        </>
      ) : null}
      <ActionButton href={p.checklistUrl}>Open your checklist</ActionButton>
      <PersonalNote note={p.note} from={p.contact.name} />
      <ContactLine contact={p.contact} lead="During your first weeks, write to" />
      <SignOff contact={p.contact} companyName={p.companyName} closing="See you soon," />
    </EmailLayout>
  );
}

OnboardingWelcome.PreviewProps = {
  firstName: "Maja",
  companyName: "Fjord Pay",
  role: "Support specialist (remote shifts)",
  startDate: "2025-09-01",
  firstDayPlan: "at 9:00 on a video call with your team",
  tasks: [
    { title: "Add your bank details for payment", dueDate: "2025-08-27" },
    { title: "Sign the data protection statement", dueDate: "2025-08-27" },
    { title: "Pick your shifts for the first two weeks", dueDate: "2025-08-29" },
  ],
  checklistUrl: "http://localhost:3000/portal",
  contact: { name: "Amara Okafor", role: "People Partner", email: "amara.okafor@fjordpay.example" },
  note: "Your old desk buddy Jonas is on the same team. He says hello!",
} satisfies OnboardingWelcomeProps;
