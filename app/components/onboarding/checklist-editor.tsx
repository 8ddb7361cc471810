import { useEffect, useRef, type MouseEvent, type ReactNode } from "react";
import { useFieldArray } from "react-hook-form";
import { SubmitButton, useActionResult, useValidatedForm, ValidatedForm } from "~/components/form";
import { Button, FieldError, Notice, SelectField, TextField } from "~/components/ui";
import {
  BLANK_TASK,
  ChecklistSchema,
  KIND_LABELS,
  MAX_CHECKLIST_ITEMS,
  ONBOARDING_KINDS,
  ONBOARDING_OWNERS,
  OWNER_CHOICES,
  taskFieldsOf,
  type ChecklistDraft,
  type ChecklistItem,
  type ChecklistTaskFields,
} from "~/modules/onboarding/checklist";
import { nestIndexedFields } from "~/platform/indexed-fields";

const OWNER_OPTIONS = [
  { value: "", label: "Choose who" },
  ...ONBOARDING_OWNERS.map((o) => ({ value: o, label: OWNER_CHOICES[o] })),
];
const KIND_OPTIONS = [
  { value: "", label: "Choose a kind" },
  ...ONBOARDING_KINDS.map((k) => ({
    value: k,
    label:
      k === "document"
        ? "Document (the person uploads a file)"
        : KIND_LABELS[k][0].toUpperCase() + KIND_LABELS[k].slice(1),
  })),
];

/** The rows to show: a draft the server sent back, the values a failed save echoed, or the saved steps. */
function startingRows(items: ChecklistItem[], draft?: ChecklistDraft, echoed?: Record<string, string>) {
  if (draft) return draft.tasks;
  if (echoed) {
    const rows = nestIndexedFields(echoed).tasks;
    if (Array.isArray(rows)) return rows as ChecklistTaskFields[];
  }
  return items.map(taskFieldsOf);
}

/**
 * The checklist editor: one fieldset per step. With JavaScript, "Add a task", "Remove" and the
 * moves change the rows in place (react-hook-form's field array) and the fields are checked
 * before anything is sent; without it, the same buttons post `edit` and the page comes back with
 * the rows changed, nothing saved. Either way Save posts `tasks.N.field` and the server checks
 * it with the same schema, its messages landing next to the step's field.
 */
export function ChecklistEditor({ items, version }: { items: ChecklistItem[]; version: number }) {
  const result = useActionResult("checklist");
  const draft = result?.ok && "draft" in result ? (result.draft as ChecklistDraft) : undefined;
  const echoed = result && !result.ok ? result.values : undefined;
  const rows = startingRows(items, draft, echoed);
  const startVersion = draft?.version ?? echoed?.version ?? String(version);
  const form = useValidatedForm(ChecklistSchema, {
    intent: "checklist",
    defaultValues: { version: startVersion, tasks: rows } as never,
  });
  const { fields, append, remove, move } = useFieldArray({ control: form.control, name: "tasks" });
  // A move renames two steps' radio buttons (tasks.4.required <-> tasks.5.required). While React
  // renames them one by one, both steps' buttons share a name for a moment, and the browser
  // unticks one step's choice (it then posted none and was refused). Once the steps are in their
  // new order, every button is ticked again from the form's values.
  const list = useRef<HTMLOListElement>(null);
  const order = fields.map((f) => f.id).join(" ");
  const { getValues } = form;
  useEffect(() => {
    for (const radio of list.current?.querySelectorAll<HTMLInputElement>('input[type="radio"]') ?? []) {
      radio.checked = (getValues(radio.name as never) as unknown) === radio.value;
    }
  }, [order, getValues]);
  const inPlace = (change: () => void) => (event: MouseEvent<HTMLButtonElement>) => {
    event.preventDefault();
    change();
  };
  const count = fields.length;

  return (
    <ValidatedForm form={form} className="space-y-5">
      <input type="hidden" name="version" value={startVersion} />
      {draft ? (
        <Notice tone="info">
          Not saved yet: the steps below change only when you choose “Save as a new version”.
        </Notice>
      ) : null}
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-muted">
          {`${count} step${count === 1 ? "" : "s"}, in the order people see them.`}
        </p>
        {/* The first button in the form: pressing Enter in a field saves, never moves a step. */}
        <SubmitButton>Save as a new version</SubmitButton>
      </div>
      <ol ref={list} className="space-y-4" id={form.idFor("tasks")}>
        {fields.map((field, i) => {
          const row = field as unknown as ChecklistTaskFields & { id: string };
          const path = (name: keyof ChecklistTaskFields) => `tasks.${i}.${name}` as const;
          const requiredId = form.idFor(path("required"));
          const requiredError = form.errorsFor(path("required"));
          const focus = draft?.focus === i;
          return (
            <li key={field.id}>
              <fieldset className="min-w-0 space-y-4 rounded-md border border-line p-4">
                <legend className="px-1 font-semibold">{`Step ${i + 1}`}</legend>
                <TextField
                  label="What needs doing"
                  maxLength={200}
                  {...form.field(path("title"))}
                  required
                  defaultValue={row.title}
                  autoFocus={focus}
                />
                <div className="grid gap-4 sm:grid-cols-3">
                  <SelectField
                    label="Who does it"
                    options={OWNER_OPTIONS}
                    {...form.field(path("owner"))}
                    required
                    defaultValue={row.owner}
                  />
                  <SelectField
                    label="Kind"
                    options={KIND_OPTIONS}
                    {...form.field(path("kind"))}
                    required
                    defaultValue={row.kind}
                  />
                  <TextField
                    label="Due within (days)"
                    inputMode="numeric"
                    maxLength={3}
                    {...form.field(path("dueOffsetDays"))}
                    required
                    defaultValue={row.dueOffsetDays}
                  />
                </div>
                <fieldset
                  aria-describedby={requiredError ? `${requiredId}-error` : undefined}
                  className="min-w-0"
                >
                  <legend className="text-sm font-medium">
                    Does the contract wait for this step before it becomes active?
                  </legend>
                  <div className="mt-1 flex flex-wrap gap-x-6 gap-y-1">
                    {(
                      [
                        ["yes", "Yes, required"],
                        ["no", "No, optional"],
                      ] as const
                    ).map(([value, label]) => (
                      <label key={value} className="flex items-center gap-2 text-sm">
                        <input
                          type="radio"
                          {...form.register(path("required"))}
                          id={value === "yes" ? requiredId : `${requiredId}-${value}`}
                          value={value}
                          defaultChecked={row.required === value}
                          aria-invalid={requiredError ? true : undefined}
                          className="h-4 w-4"
                        />
                        {label}
                      </label>
                    ))}
                  </div>
                  <FieldError id={`${requiredId}-error`} errors={requiredError} />
                </fieldset>
                <div className="flex flex-wrap gap-2 border-t border-line pt-3">
                  {i > 0 ? (
                    <StepButton edit={`up:${i}`} onClick={inPlace(() => move(i, i - 1))}>
                      Move up<span className="sr-only">{` step ${i + 1}`}</span>
                    </StepButton>
                  ) : null}
                  {i < count - 1 ? (
                    <StepButton edit={`down:${i}`} onClick={inPlace(() => move(i, i + 1))}>
                      Move down<span className="sr-only">{` step ${i + 1}`}</span>
                    </StepButton>
                  ) : null}
                  {count > 1 ? (
                    <StepButton edit={`remove:${i}`} variant="ghost" onClick={inPlace(() => remove(i))}>
                      {`Remove step ${i + 1}`}
                    </StepButton>
                  ) : null}
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <FieldError id={`${form.idFor("tasks")}-error`} errors={form.errorsFor("tasks")} />
      <div className="flex flex-wrap items-center justify-between gap-3">
        {count < MAX_CHECKLIST_ITEMS ? (
          <Button
            type="submit"
            variant="secondary"
            name="edit"
            value="add"
            onClick={inPlace(() => append({ ...BLANK_TASK } as never))}
          >
            Add a task
          </Button>
        ) : (
          <p className="text-sm text-muted">A checklist has at most {MAX_CHECKLIST_ITEMS} steps.</p>
        )}
        <SubmitButton>Save as a new version</SubmitButton>
      </div>
    </ValidatedForm>
  );
}

/**
 * A button that changes the list of steps: without JavaScript it posts `edit` (the server moves
 * or removes the step and shows the form again); with it, `onClick` does the same in place.
 */
function StepButton({
  edit,
  variant = "secondary",
  onClick,
  children,
}: {
  edit: string;
  variant?: "secondary" | "ghost";
  onClick: (event: MouseEvent<HTMLButtonElement>) => void;
  children: ReactNode;
}) {
  return (
    <Button type="submit" variant={variant} name="edit" value={edit} onClick={onClick}>
      {children}
    </Button>
  );
}
