import { Link } from "@remix-run/react";
import { SubmitButton, useValidatedForm, ValidatedForm } from "~/components/form";
import { Card, Notice, SelectField, TextArea, TextField } from "~/components/ui";
import { InviteToProgramSchema } from "~/modules/campaigns/schemas";

export type InviteOptions = {
  programs: { id: string; title: string }[];
  excluded: { label: string; explanation: string } | null;
};

/**
 * "Invite to a program" on HR's profile of a person: the invitation email to this one person,
 * pointing at an open program. Says up front when a campaign's rule leaves the person out.
 */
export function InviteToProgramCard({ options, name }: { options: InviteOptions; name: string }) {
  const form = useValidatedForm(InviteToProgramSchema, {
    intent: "invite",
    defaultValues: { programId: options.programs[0]?.id ?? "", senderRole: "HR", note: "" },
    resetOnSuccess: true,
  });
  return (
    <Card title="Invite to a program">
      {options.excluded ? (
        <Notice tone="info">
          <strong className="block">We cannot send {name} an invitation.</strong>
          {options.excluded.label}: {options.excluded.explanation}
        </Notice>
      ) : options.programs.length === 0 ? (
        <p className="text-sm">
          No program is open.{" "}
          <Link to="/staff/programs" className="text-brand underline">
            Open one
          </Link>{" "}
          to invite people to it.
        </p>
      ) : (
        <ValidatedForm form={form}>
          <p className="text-sm">
            Sends the invitation email to {name} alone, with a link to answer; a yes leads to the program to
            apply. The campaign rules apply: consent, the quiet period, eligibility and the tone check.
          </p>
          <SelectField
            label="Program"
            options={options.programs.map((p) => ({ value: p.id, label: p.title }))}
            {...form.field("programId")}
          />
          <TextField label="Your role, as the email signs it" {...form.field("senderRole")} />
          <TextArea
            label="Personal note"
            hint="Optional. A few words in your own voice; checked for tone before it goes."
            rows={4}
            {...form.field("note")}
          />
          <SubmitButton variant="secondary">Send the invitation</SubmitButton>
        </ValidatedForm>
      )}
    </Card>
  );
}
