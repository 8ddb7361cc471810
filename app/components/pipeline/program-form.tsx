import { SubmitButton, useValidatedForm, ValidatedForm } from "~/components/form";
import { SelectField, TextArea, TextField, type Option } from "~/components/ui";
import { ENGAGEMENT_LABELS, ENGAGEMENT_TYPES } from "~/modules/applications/labels";
import { CURRENCIES, ProgramSchema } from "~/modules/applications/schemas";

export type ProgramFormValues = {
  version?: number;
  title?: string;
  description?: string;
  phaseId?: string;
  engagementType?: string;
  workplace?: "remote" | "place";
  place?: string | null;
  rateMin?: string;
  rateMax?: string;
  currency?: string;
  openings?: number | string;
  hiringManagerId?: string;
  closesOn?: string | null;
  checklistTemplateId?: string | null;
};

/** The return program's form (create and edit), one schema with the action (ADR 033). */
export function ProgramForm({
  intent,
  initial,
  phases,
  managers,
  checklists,
  submitLabel,
}: {
  intent: string;
  initial?: ProgramFormValues;
  phases: Option[];
  managers: Option[];
  /** The first is the current checklist (value ""), then each saved version. */
  checklists: Option[];
  submitLabel: string;
}) {
  const form = useValidatedForm(ProgramSchema, {
    intent,
    defaultValues: {
      version: String(initial?.version ?? 0),
      title: initial?.title ?? "",
      description: initial?.description ?? "",
      phaseId: initial?.phaseId ?? "",
      engagementType: (initial?.engagementType as "gig") ?? "gig",
      workplace: initial?.workplace ?? "remote",
      place: initial?.place ?? "",
      rateMin: initial?.rateMin ?? "",
      rateMax: initial?.rateMax ?? "",
      currency: (initial?.currency as "EUR") ?? "EUR",
      openings: initial?.openings === undefined ? "" : String(initial.openings),
      hiringManagerId: initial?.hiringManagerId ?? "",
      closesOn: initial?.closesOn ?? "",
      checklistTemplateId: initial?.checklistTemplateId ?? "",
    } as never,
  });
  return (
    <ValidatedForm form={form}>
      <input type="hidden" name="version" value={String(initial?.version ?? 0)} />
      <TextField
        label="Title"
        hint="What people would apply for, e.g. “Support specialist (weekend shifts)”."
        {...form.field("title")}
      />
      <TextArea
        label="Description"
        rows={6}
        hint="The work, the hours, who it suits. Plain text: blank lines start new paragraphs, lines starting with “- ” become a list."
        {...form.field("description")}
      />
      <SelectField
        label="Decision phase"
        hint="The phase of a workforce decision whose target headcount this program helps fill."
        options={[{ value: "", label: "Choose a phase" }, ...phases]}
        {...form.field("phaseId")}
      />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <SelectField
          label="Engagement"
          options={ENGAGEMENT_TYPES.map((t) => ({ value: t, label: ENGAGEMENT_LABELS[t] }))}
          {...form.field("engagementType")}
        />
        <SelectField
          label="Where"
          options={[
            { value: "remote", label: "Remote" },
            { value: "place", label: "In a place (say where)" },
          ]}
          {...form.field("workplace")}
        />
      </div>
      <TextField
        label="Place"
        hint="Only when the work is not remote, e.g. “Stockholm office”."
        {...form.field("place")}
      />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
        <TextField
          label="Lowest hourly rate"
          inputMode="decimal"
          hint="For example 18.50"
          {...form.field("rateMin")}
        />
        <TextField
          label="Highest hourly rate"
          inputMode="decimal"
          hint="For example 24"
          {...form.field("rateMax")}
        />
        <SelectField
          label="Currency"
          options={CURRENCIES.map((c) => ({ value: c, label: c }))}
          {...form.field("currency")}
        />
      </div>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <TextField
          label="Openings"
          inputMode="numeric"
          hint="How many people you hope to bring back."
          {...form.field("openings")}
        />
        <TextField
          label="Closing date"
          type="date"
          hint="Last day to apply (YYYY-MM-DD); leave empty for none."
          {...form.field("closesOn")}
        />
      </div>
      <SelectField
        label="Hiring manager"
        hint="Sees this program's applicants and moves them along with HR."
        options={[
          {
            value: "",
            label: managers.length ? "Choose a manager" : "No managers yet: invite one under Staff",
          },
          ...managers,
        ]}
        {...form.field("hiringManagerId")}
      />
      <SelectField
        label="Onboarding checklist"
        hint="The steps a person finishes after accepting a contract from this program. A saved version never changes; the current checklist follows later saves (Contracts → Onboarding checklist)."
        options={checklists}
        {...form.field("checklistTemplateId")}
      />
      <SubmitButton>{submitLabel}</SubmitButton>
    </ValidatedForm>
  );
}
