import { SubmitButton, useValidatedForm, ValidatedForm } from "~/components/form";
import { SelectField, TextArea, TextField } from "~/components/ui";
import { CURRENCIES } from "~/modules/applications/schemas";
import { CancelSchema, EndSchema, TermsSchema, VersionSchema } from "~/modules/contracts/schemas";

export type TermsDefaults = {
  role: string;
  hourlyRate: string;
  currency: string;
  minHoursPerWeek: string;
  maxHoursPerWeek: string;
  startsOn: string;
  endsOn: string;
  noticeDays: string;
  workplace: string;
  place: string;
  equipmentStipend: string;
  templateVersionId: string;
};

/** HR's terms form. */
export function TermsForm({
  defaults,
  version,
  templates,
}: {
  defaults: TermsDefaults;
  version: number;
  templates: { id: string; label: string }[];
}) {
  // The version travels in a hidden input; the browser-side check needs it among the values too.
  const form = useValidatedForm(TermsSchema, {
    intent: "terms",
    defaultValues: { ...defaults, version } as never,
  });
  return (
    <ValidatedForm form={form}>
      <input type="hidden" name="version" value={version} />
      <TextField label="Role" {...form.field("role")} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Hourly rate"
          inputMode="decimal"
          hint="For example 21.50"
          {...form.field("hourlyRate")}
        />
        <SelectField
          label="Currency"
          options={CURRENCIES.map((c) => ({ value: c, label: c }))}
          {...form.field("currency")}
        />
        <TextField label="Minimum hours a week" inputMode="numeric" {...form.field("minHoursPerWeek")} />
        <TextField label="Maximum hours a week" inputMode="numeric" {...form.field("maxHoursPerWeek")} />
        <TextField label="Start date" type="date" hint="YYYY-MM-DD" {...form.field("startsOn")} />
        <TextField
          label="End date"
          type="date"
          hint="YYYY-MM-DD; leave empty for no end date"
          {...form.field("endsOn")}
        />
        <TextField label="Notice period (days)" inputMode="numeric" {...form.field("noticeDays")} />
        <TextField
          label="Equipment stipend"
          inputMode="decimal"
          hint="A one-off amount in the same currency; empty for none"
          {...form.field("equipmentStipend")}
        />
        <SelectField
          label="Where the work happens"
          options={[
            { value: "remote", label: "Remote" },
            { value: "place", label: "In a place" },
          ]}
          {...form.field("workplace")}
        />
        <TextField
          label="Place"
          hint="Only when not remote, e.g. Stockholm office"
          {...form.field("place")}
        />
      </div>
      {templates.length ? (
        <SelectField
          label="Contract template"
          hint="Published versions only."
          options={[
            ...(defaults.templateVersionId ? [] : [{ value: "", label: "The newest published default" }]),
            ...templates.map((t) => ({ value: t.id, label: t.label })),
          ]}
          {...form.field("templateVersionId")}
        />
      ) : null}
      <SubmitButton>Save the terms</SubmitButton>
    </ValidatedForm>
  );
}

/** A move that needs an optional note (send for approval, send the offer) or a reason (cancel, end). */
export function ContractMoveForm({
  intent,
  version,
  label,
  hint,
}: {
  intent: "submit" | "send_offer" | "cancel" | "end";
  version: number;
  label: string;
  hint?: string;
}) {
  const schema = intent === "cancel" ? CancelSchema : intent === "end" ? EndSchema : VersionSchema;
  const form = useValidatedForm(schema as typeof VersionSchema, { intent, defaultValues: { version } });
  const withReason = intent === "cancel" || intent === "end";
  const body = (
    <ValidatedForm form={form}>
      <input type="hidden" name="version" value={version} />
      {withReason ? (
        <TextArea
          label={intent === "cancel" ? "Why the contract is cancelled" : "Why the contract ends"}
          rows={3}
          hint={
            intent === "cancel"
              ? "If the person has seen the offer, this goes into the email they get."
              : "Kept in the contract's history."
          }
          {...form.field("reason" as never)}
        />
      ) : (
        <TextArea
          label={intent === "send_offer" ? "Personal note in the offer email (optional)" : "Note (optional)"}
          rows={2}
          hint={hint}
          {...form.field("note")}
        />
      )}
      <SubmitButton variant={withReason ? "danger" : "primary"}>{label}</SubmitButton>
    </ValidatedForm>
  );
  return withReason ? (
    <details className="rounded-md border border-line p-3">
      <summary className="cursor-pointer text-sm font-medium">{label}</summary>
      <div className="mt-3">{body}</div>
    </details>
  ) : (
    body
  );
}
