import { SubmitButton, useActionResult, useValidatedForm, ValidatedForm } from "~/components/form";
import { FieldError, SelectField, TextArea, TextField } from "~/components/ui";
import {
  BLANK_PHASE,
  DECISION_KIND_LABELS,
  DECISION_KINDS,
  DECISION_STATUS_LABELS,
  DECISION_STATUSES,
  DecisionSchema,
  type PhaseFields,
} from "~/modules/decisions/decision-schemas";
import { nestIndexedFields } from "~/platform/indexed-fields";

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

/** The form's intent: it names the form and prefixes its field ids (`decision-title`). */
export const DECISION_INTENT = "decision";

const text = (value: string | number | null | undefined) =>
  value === null || value === undefined ? "" : String(value);

/** Which row a repeated label belongs to, for those who hear the label without the row. */
const ofPhase = (i: number) => <span className="sr-only">{` (phase ${i + 1})`}</span>;

/** The phase rows to show: those a refused post echoed, else the saved ones; two blank rows after. */
function phaseRows(initial: DecisionFormValues, echoed?: Record<string, string>): PhaseFields[] {
  const sent = echoed ? nestIndexedFields(echoed).phases : undefined;
  const rows = Array.isArray(sent)
    ? (sent as Partial<PhaseFields>[]).map((row) => ({ ...BLANK_PHASE, ...row }))
    : (initial.phases ?? []).map((p) => ({
        name: p.name,
        startsOn: text(p.startsOn),
        endsOn: text(p.endsOn),
        targetHeadcount: text(p.targetHeadcount),
        notes: text(p.notes),
      }));
  const blanks = rows.filter((r) => Object.values(r).every((v) => !v.trim())).length;
  return [...rows, ...Array.from({ length: Math.max(0, 2 - blanks) }, () => ({ ...BLANK_PHASE }))];
}

/**
 * The workforce-decision form (create and edit), on the form pattern (ADR 010) with `DecisionSchema`
 * checking it in the browser and in the action. Phases are indexed rows (`phases.0.name`,
 * ADR 085): the saved phases, then two blank rows for new ones. A row left blank is ignored, so
 * clearing a row removes its phase; a message about a phase lands under that row's field.
 */
export function DecisionForm({ initial, submitLabel }: { initial: DecisionFormValues; submitLabel: string }) {
  const answer = useActionResult(DECISION_INTENT);
  const echoed = answer && !answer.ok ? answer.values : undefined;
  const phases = phaseRows(initial, echoed);
  const form = useValidatedForm(DecisionSchema, {
    intent: DECISION_INTENT,
    defaultValues: {
      version: String(initial.version ?? 0),
      title: initial.title ?? "",
      kind: (initial.kind ?? "automation") as never,
      status: (initial.status ?? "in_effect") as never,
      function: initial.function ?? "",
      rationale: initial.rationale ?? "",
      announcedOn: text(initial.announcedOn),
      effectiveOn: text(initial.effectiveOn),
      rolesAffected: text(initial.rolesAffected),
      phases: phases as never,
    },
  });
  const phaseField = (i: number, name: keyof PhaseFields) => ({
    ...form.field(`phases.${i}.${name}` as never),
    defaultValue: phases[i][name],
  });
  return (
    <ValidatedForm form={form}>
      <input type="hidden" name="version" value={initial.version ?? 0} />
      <TextField
        label="Title"
        maxLength={200}
        hint="e.g. 2022 AI customer-service automation"
        {...form.field("title")}
      />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <SelectField
          label="Kind"
          options={DECISION_KINDS.map((k) => ({ value: k, label: DECISION_KIND_LABELS[k] }))}
          {...form.field("kind")}
        />
        <SelectField
          label="Status"
          options={DECISION_STATUSES.map((s) => ({ value: s, label: DECISION_STATUS_LABELS[s] }))}
          {...form.field("status")}
        />
      </div>
      <TextField label="Business function affected" maxLength={200} {...form.field("function")} />
      <TextArea
        label="Rationale"
        rows={4}
        maxLength={5000}
        hint="Why it was decided, in plain words. People affected may ask."
        {...form.field("rationale")}
      />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
        <TextField label="Announced on" type="date" {...form.field("announcedOn")} />
        <TextField label="Effective from" type="date" {...form.field("effectiveOn")} />
        <TextField label="Roles affected" inputMode="numeric" {...form.field("rolesAffected")} />
      </div>
      <fieldset className="space-y-3" id={form.idFor("phases")}>
        <legend className="text-sm font-semibold">
          Phases (when the decision is phased back or reversed)
        </legend>
        <p className="text-sm text-muted">
          Each phase has a start and a target headcount. Leave a row empty to skip it; remove a phase by
          clearing its row.
        </p>
        <FieldError id={`${form.idFor("phases")}-error`} errors={form.errorsFor("phases")} />
        {phases.map((_, i) => (
          <div key={i} className="grid grid-cols-1 gap-2 rounded-md border border-line p-3 sm:grid-cols-5">
            <TextField label={`Phase ${i + 1} name`} {...phaseField(i, "name")} />
            <TextField label={<>Starts{ofPhase(i)}</>} type="date" {...phaseField(i, "startsOn")} />
            <TextField label={<>Ends{ofPhase(i)}</>} type="date" {...phaseField(i, "endsOn")} />
            <TextField
              label={<>Target headcount{ofPhase(i)}</>}
              inputMode="numeric"
              {...phaseField(i, "targetHeadcount")}
            />
            <TextField label={<>Notes{ofPhase(i)}</>} {...phaseField(i, "notes")} />
          </div>
        ))}
      </fieldset>
      <div>
        <SubmitButton>{submitLabel}</SubmitButton>
      </div>
    </ValidatedForm>
  );
}
