import { Form } from "@remix-run/react";
import { Notice, Button, SelectField, TextArea, TextField } from "~/components/ui";
import {
  DECISION_KIND_LABELS,
  DECISION_KINDS,
  DECISION_STATUS_LABELS,
  DECISION_STATUSES,
} from "~/modules/decisions/decision-schemas";
import type { ErrorPayload } from "~/platform/errors";

export type DecisionFormValues = {
  version?: number;
  title?: string;
  kind?: string;
  function?: string;
  rationale?: string;
  announcedOn?: string | null;
  effectiveOn?: string | null;
  rolesAffected?: number | null;
  status?: string;
  phases?: {
    name: string;
    startsOn: string | null;
    endsOn: string | null;
    targetHeadcount: number | null;
    notes: string | null;
  }[];
};

const BLANK_PHASE = { name: "", startsOn: null, endsOn: null, targetHeadcount: null, notes: null };

/**
 * The workforce-decision form (create and edit). Works without JavaScript: phases are parallel
 * fields, two blank rows are offered for new phases, and fully blank rows are ignored.
 */
export function DecisionForm({
  initial,
  error,
  submitted,
  busy,
  submitLabel,
}: {
  initial: DecisionFormValues;
  error?: ErrorPayload;
  submitted?: Record<string, string>;
  busy: boolean;
  submitLabel: string;
}) {
  const fe = (field: string) => error?.fieldErrors?.[field];
  const v = (field: keyof DecisionFormValues, current: unknown) =>
    submitted?.[field] ?? (current === null || current === undefined ? "" : String(current));
  const phases = [...(initial.phases ?? []), BLANK_PHASE, BLANK_PHASE];
  return (
    <Form method="post" className="space-y-4">
      {error ? <Notice tone="error">{error.message}</Notice> : null}
      <input type="hidden" name="version" value={initial.version ?? 0} />
      <TextField
        label="Title"
        name="title"
        required
        maxLength={200}
        defaultValue={v("title", initial.title)}
        errors={fe("title")}
        hint="e.g. 2022 AI customer-service automation"
      />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <SelectField
          label="Kind"
          name="kind"
          defaultValue={v("kind", initial.kind ?? "automation")}
          options={DECISION_KINDS.map((k) => ({ value: k, label: DECISION_KIND_LABELS[k] }))}
          errors={fe("kind")}
        />
        <SelectField
          label="Status"
          name="status"
          defaultValue={v("status", initial.status ?? "in_effect")}
          options={DECISION_STATUSES.map((s) => ({ value: s, label: DECISION_STATUS_LABELS[s] }))}
          errors={fe("status")}
        />
      </div>
      <TextField
        label="Business function affected"
        name="function"
        required
        maxLength={200}
        defaultValue={v("function", initial.function)}
        errors={fe("function")}
      />
      <TextArea
        label="Rationale"
        name="rationale"
        rows={4}
        required
        maxLength={5000}
        defaultValue={v("rationale", initial.rationale)}
        errors={fe("rationale")}
        hint="Why it was decided, in plain words. People affected may ask."
      />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
        <TextField
          label="Announced on"
          name="announcedOn"
          type="date"
          defaultValue={v("announcedOn", initial.announcedOn)}
          errors={fe("announcedOn")}
        />
        <TextField
          label="Effective from"
          name="effectiveOn"
          type="date"
          defaultValue={v("effectiveOn", initial.effectiveOn)}
          errors={fe("effectiveOn")}
        />
        <TextField
          label="Roles affected"
          name="rolesAffected"
          inputMode="numeric"
          defaultValue={v("rolesAffected", initial.rolesAffected)}
          errors={fe("rolesAffected")}
        />
      </div>
      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold">
          Phases (when the decision is phased back or reversed)
        </legend>
        <p className="text-sm text-muted">
          Each phase has a start and a target headcount. Leave a row empty to skip it; remove a phase by
          clearing its row.
        </p>
        {fe("phases") ? <p className="text-sm text-bad">{fe("phases")?.join(" ")}</p> : null}
        {phases.map((p, i) => (
          <div key={i} className="grid grid-cols-1 gap-2 rounded-md border border-line p-3 sm:grid-cols-5">
            <TextField
              label={`Phase ${i + 1} name`}
              name="phaseName"
              defaultValue={p.name}
              errors={fe(`phases.${i}.name`)}
            />
            <TextField
              label="Starts"
              name="phaseStartsOn"
              type="date"
              defaultValue={p.startsOn ?? ""}
              errors={fe(`phases.${i}.startsOn`)}
            />
            <TextField
              label="Ends"
              name="phaseEndsOn"
              type="date"
              defaultValue={p.endsOn ?? ""}
              errors={fe(`phases.${i}.endsOn`)}
            />
            <TextField
              label="Target headcount"
              name="phaseTarget"
              inputMode="numeric"
              defaultValue={p.targetHeadcount ?? ""}
              errors={fe(`phases.${i}.targetHeadcount`)}
            />
            <TextField
              label="Notes"
              name="phaseNotes"
              defaultValue={p.notes ?? ""}
              errors={fe(`phases.${i}.notes`)}
            />
          </div>
        ))}
      </fieldset>
      <Button type="submit" busy={busy}>
        {submitLabel}
      </Button>
    </Form>
  );
}
