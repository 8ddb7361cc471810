import { EmailLayout } from "./components/layout";
import { ActionButton, Bullets, Greeting, P, TextLink, TransactionalFooter } from "./components/parts";
import { formatDate } from "./components/text";

export type OnboardingTaskReminderProps = {
  recipientName: string;
  /** The overdue onboarding steps this person owns, earliest due first. */
  tasks: { alumnusName: string; title: string; dueDate: string; url: string }[];
};

export const onboardingTaskReminderSubject = (p: OnboardingTaskReminderProps) =>
  p.tasks.length === 1 ? `An onboarding step is overdue` : `${p.tasks.length} onboarding steps are overdue`;

/** Internal: overdue onboarding steps HR or a hiring manager owns (each step at most once a day). */
export default function OnboardingTaskReminder(p: OnboardingTaskReminderProps) {
  return (
    <EmailLayout
      preview={`${p.tasks.length === 1 ? "One onboarding step is" : `${p.tasks.length} onboarding steps are`} past their date.`}
      footer={
        <TransactionalFooter
          about={<>onboarding steps you own in Comeback (at most one email a day for each step).</>}
        />
      }
    >
      <Greeting name={p.recipientName} />
      <P>
        {p.tasks.length === 1 ? "A returning colleague waits" : "Returning colleagues wait"} for a step you
        own. They cannot start until it is done:
      </P>
      <Bullets
        items={p.tasks.map((t) => (
          <>
            <TextLink href={t.url}>{t.alumnusName}</TextLink>: {t.title}, due {formatDate(t.dueDate)}
          </>
        ))}
      />
      <P>
        <strong>Next step:</strong> open the contract and mark the step done when it is. If something holds it
        up, tell the person, so they know where they stand.
      </P>
      <ActionButton href={p.tasks[0]?.url ?? ""}>Open the contract</ActionButton>
    </EmailLayout>
  );
}

OnboardingTaskReminder.PreviewProps = {
  recipientName: "Jonas",
  tasks: [
    {
      alumnusName: "Maja Lindqvist",
      title: "Send or confirm the equipment",
      dueDate: "2025-08-27",
      url: "http://localhost:3000/staff/contracts/preview",
    },
  ],
} satisfies OnboardingTaskReminderProps;
