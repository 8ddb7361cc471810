import type { ReactNode } from "react";
import { SubmitButton, useValidatedForm, ValidatedForm } from "~/components/form";
import { Badge, FileField, TextArea } from "~/components/ui";
import { CarryOverSchema, DocumentUploadSchema, TaskSchema } from "~/modules/onboarding/checklist";

/** One onboarding step as both sides see it (the words are the page's own: staff or portal). */
export type TaskItem = {
  id: string;
  title: string;
  dueOn: string;
  overdue: boolean;
  status: string;
  required: boolean;
};

export type TaskWords = {
  due: (date: string) => string;
  overdue: string;
  done: string;
  carriedOver: string;
  optional: string;
};

/** The list of steps, each with its state and whatever the owner can do with it. */
export function TaskList<T extends TaskItem>({
  tasks,
  words,
  meta,
  actions,
}: {
  tasks: T[];
  words: TaskWords;
  /** A line under the title (owner, who finished it, a note). */
  meta?: (task: T) => ReactNode;
  actions?: (task: T) => ReactNode;
}) {
  return (
    <ol className="space-y-3">
      {tasks.map((task) => (
        <li key={task.id} className="rounded-md border border-line p-3">
          <div className="flex flex-wrap items-start justify-between gap-2">
            <p className="font-medium">{task.title}</p>
            <span className="flex flex-wrap gap-1">
              {task.status === "done" ? <Badge tone="good">{words.done}</Badge> : null}
              {task.status === "carried_over" ? <Badge tone="good">{words.carriedOver}</Badge> : null}
              {task.overdue ? <Badge tone="bad">{words.overdue}</Badge> : null}
              {!task.required ? <Badge tone="neutral">{words.optional}</Badge> : null}
            </span>
          </div>
          <p className="mt-1 text-sm text-muted">{words.due(task.dueOn)}</p>
          {meta ? <div className="mt-1 text-sm text-muted">{meta(task)}</div> : null}
          {actions ? <div className="mt-3">{actions(task)}</div> : null}
        </li>
      ))}
    </ol>
  );
}

/**
 * "Mark done" for a step its owner finishes by saying so. `answeredAbove`: the page shows the
 * answer at its top, so the form does not say it a second time while it is still on screen.
 */
export function TaskDoneForm({
  taskId,
  label,
  answeredAbove = false,
}: {
  taskId: string;
  label: string;
  answeredAbove?: boolean;
}) {
  const form = useValidatedForm(TaskSchema, { intent: `task_done:${taskId}`, defaultValues: { taskId } });
  return (
    <ValidatedForm form={answeredAbove ? { ...form, success: undefined } : form}>
      <input type="hidden" name="taskId" value={taskId} />
      <SubmitButton variant="secondary">{label}</SubmitButton>
    </ValidatedForm>
  );
}

/** HR: the step is already satisfied by the earlier employment (with why). */
export function CarryOverForm({ taskId }: { taskId: string }) {
  const form = useValidatedForm(CarryOverSchema, {
    intent: `carry_over:${taskId}`,
    defaultValues: { taskId },
  });
  return (
    <details>
      <summary className="cursor-pointer text-sm text-brand underline">
        Carried over from the earlier employment?
      </summary>
      <div className="mt-2">
        <ValidatedForm form={form}>
          <input type="hidden" name="taskId" value={taskId} />
          <TextArea
            label="Why the earlier employment covers this step"
            rows={2}
            hint="For example: identity checked in March 2025; still has the laptop."
            {...form.field("note")}
          />
          <SubmitButton variant="secondary">Carry over</SubmitButton>
        </ValidatedForm>
      </div>
    </details>
  );
}

/**
 * The person's document upload for one step: a multipart form, the file checked in the browser
 * (chosen, not too large) and judged by its bytes on the server, either refusal under the field.
 */
export function DocumentUploadForm({
  taskId,
  label,
  hint,
  button,
}: {
  taskId: string;
  label: string;
  hint: string;
  button: string;
}) {
  const form = useValidatedForm(DocumentUploadSchema, {
    intent: `upload:${taskId}`,
    defaultValues: { taskId },
  });
  return (
    <ValidatedForm form={form} encType="multipart/form-data" className="space-y-3">
      <input type="hidden" name="taskId" value={taskId} />
      <FileField
        label={label}
        hint={hint}
        accept="application/pdf,image/png,image/jpeg,.pdf,.png,.jpg,.jpeg"
        {...form.field("document")}
        required
      />
      <SubmitButton>{button}</SubmitButton>
    </ValidatedForm>
  );
}
