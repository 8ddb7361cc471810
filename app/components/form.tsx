import { zodResolver } from "@hookform/resolvers/zod";
import { Form, useActionData, useNavigation, useSubmit, type FormProps } from "@remix-run/react";
import {
  createContext,
  useContext,
  useEffect,
  useMemo,
  useState,
  type FormEvent,
  type ReactNode,
} from "react";
import { useForm, type FieldPath, type FieldValues } from "react-hook-form";
import type { z } from "zod";
import type { ErrorPayload, FieldErrors } from "~/platform/errors";
import { Button, ErrorSummary, Notice, type ErrorSummaryItem } from "./ui";

/**
 * The form pattern (ADR 010, docs/STYLE.md): one zod schema per form, used here by
 * react-hook-form and on the server by `parseForm`. Without JavaScript the form posts natively
 * and the server's answer fills the same places: the error summary, the message under each
 * field, the values typed. With JavaScript the fields are checked before anything is sent.
 *
 *   const form = useValidatedForm(Schema, { intent: "change-role", defaultValues });
 *   <ValidatedForm form={form}>
 *     <TextField label="Reason" {...form.field("reason")} />
 *     <SubmitButton>Change role</SubmitButton>
 *   </ValidatedForm>
 */

/** What actions return: `{ ok: true, intent?, message? }` or `defineAction`'s ActionError. */
type ActionResult =
  | { ok: true; intent?: string; message?: string }
  | { ok: false; intent?: string; error: ErrorPayload; values?: Record<string, string> };

function asActionResult(value: unknown): ActionResult | undefined {
  if (!value || typeof value !== "object" || !("ok" in value)) return undefined;
  return value as ActionResult;
}

/** The action's answer if it belongs to this form (same `intent`, or the form has none). */
export function useActionResult(intent?: string | readonly string[], data?: unknown) {
  const routeData = useActionData();
  const result = asActionResult(data ?? routeData);
  if (!result) return undefined;
  if (intent === undefined) return result;
  const mine = typeof intent === "string" ? [intent] : intent;
  return result.intent !== undefined && mine.includes(result.intent) ? result : undefined;
}

type ZodShape = Record<string, z.ZodType>;

/** The object shape under refinements, pipes and defaults, if the schema has one. */
function shapeOf(schema: unknown): ZodShape | undefined {
  const s = schema as { shape?: ZodShape; def?: { in?: unknown; innerType?: unknown } } | undefined;
  if (!s) return undefined;
  if (s.shape && typeof s.shape === "object") return s.shape;
  return shapeOf(s.def?.in ?? s.def?.innerType);
}

/** A field is required when the schema accepts neither a missing value nor an empty one. */
export function requiredFields(schema: unknown): Set<string> {
  const shape = shapeOf(schema) ?? {};
  const out = new Set<string>();
  for (const [name, field] of Object.entries(shape)) {
    if (!field.safeParse(undefined).success && !field.safeParse("").success) out.add(name);
  }
  return out;
}

/** react-hook-form's nested errors, flattened to dotted paths in the order they were found. */
function flattenErrors(errors: unknown, prefix = "", out: Record<string, string> = {}) {
  if (!errors || typeof errors !== "object") return out;
  for (const [key, value] of Object.entries(errors as Record<string, unknown>)) {
    if (key === "ref" || key === "root") continue;
    const path = prefix ? `${prefix}.${key}` : key;
    const message = (value as { message?: unknown })?.message;
    if (typeof message === "string" && message) out[path] = message;
    else flattenErrors(value, path, out);
  }
  return out;
}

const firstOf = (errors: FieldErrors | undefined) =>
  Object.fromEntries(
    Object.entries(errors ?? {}).flatMap(([k, v]) => (v?.[0] ? [[k, v[0]] as const] : [])),
  ) as Record<string, string>;

export function useValidatedForm<S extends z.ZodType<FieldValues, FieldValues>>(
  schema: S,
  options: {
    /** Names this form among several on a page: it posts `intent`, and ids start with it. */
    intent?: string;
    defaultValues?: Partial<z.input<S>>;
    /** Prefixes the field ids when one form repeats on a page (a row each): defaults to `intent`. */
    idPrefix?: string;
    /** Another route's answer, when the form posts elsewhere (defaults to this route's). */
    actionData?: unknown;
    /** Extra server errors to show (rarely needed: the action's answer is read already). */
    serverErrors?: FieldErrors;
    /** Clear the fields after a successful submission (a note, a comment). */
    resetOnSuccess?: boolean;
  } = {},
) {
  const result = useActionResult(options.intent, options.actionData);
  const failed = result && !result.ok ? result : undefined;
  const echoed = failed?.values;
  const defaultValues = useMemo(
    () => ({ ...(options.defaultValues ?? {}), ...(echoed ?? {}) }),
    // The echo changes only when a new answer arrives; the defaults are the page's data.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [echoed],
  );
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    resolver: zodResolver(schema as never) as never,
    // Checked on submit, then again as the person corrects a field. Not on leaving a field: a
    // message appearing on blur moves the Save button under the pointer and loses the click.
    mode: "onSubmit",
    reValidateMode: "onChange",
    // The error summary takes focus instead; its links lead to each field.
    shouldFocusError: false,
    defaultValues: defaultValues as never,
  });
  const submit = useSubmit();
  const navigation = useNavigation();
  const [attempt, setAttempt] = useState(0);
  // The server's answer stays on screen until the next submission.
  const [cleared, setCleared] = useState<unknown>(undefined);
  const required = useMemo(() => requiredFields(schema), [schema]);
  const shape = useMemo(() => new Set(Object.keys(shapeOf(schema) ?? {})), [schema]);
  const prefix = options.idPrefix ?? options.intent ?? "field";
  const idFor = (name: string) => `${prefix}-${name}`;

  const server = failed && failed !== cleared ? failed : undefined;
  const serverFieldErrors = { ...firstOf(options.serverErrors), ...firstOf(server?.error.fieldErrors) };
  const clientErrors = flattenErrors(form.formState.errors);

  const succeeded = result?.ok ? result : undefined;
  const { reset } = form;
  useEffect(() => {
    if (succeeded && options.resetOnSuccess) reset();
  }, [succeeded, options.resetOnSuccess, reset]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const element = event.currentTarget;
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    setCleared(failed);
    // Hidden inputs (a record's `version`, an id) are part of the schema but typed by nobody:
    // the check reads what the form will send, so one not registered cannot block the submit.
    for (const input of element.querySelectorAll<HTMLInputElement>('input[type="hidden"][name]')) {
      if (input.name !== "intent" && shape.has(input.name)) {
        form.setValue(input.name as FieldPath<z.input<S>>, input.value as never);
      }
    }
    // Controls outside the form that belong to it (`form="bulk"`: the tick boxes of a table's
    // rows) are sent with it: the check reads them as the list they will post.
    const outside = new Set<string>();
    for (const control of Array.from(element.elements) as HTMLInputElement[]) {
      if (control.name && shape.has(control.name) && !element.contains(control)) outside.add(control.name);
    }
    if (outside.size) {
      const data = new FormData(element);
      for (const name of outside) {
        form.setValue(name as FieldPath<z.input<S>>, data.getAll(name).map(String) as never);
      }
    }
    // So is the value of the button pressed, when it names a field ("Move to: shortlisted").
    if (submitter?.name && submitter.name !== "intent" && shape.has(submitter.name)) {
      form.setValue(submitter.name as FieldPath<z.input<S>>, submitter.value as never);
    }
    form
      .handleSubmit(
        () => submit(submitter ?? element, { method: (element.method as "post") || "post" }),
        () => setAttempt((n) => n + 1),
      )(event)
      .catch((error: unknown) => {
        // A submission cut short by the next navigation: the newer one wins, nothing went wrong.
        if (error instanceof DOMException && error.name === "AbortError") return;
        throw error;
      });
  };

  /** The one message to show for a field: the browser's check first, else the server's. */
  const errorsFor = (name: string): string[] | undefined => {
    const message = clientErrors[name] ?? serverFieldErrors[name];
    return message ? [message] : undefined;
  };

  /** Everything a TextField, TextArea or SelectField needs, in one spread. */
  const field = (name: FieldPath<z.input<S>>) => {
    const value = (defaultValues as Record<string, unknown>)[name];
    return {
      ...form.register(name),
      id: idFor(name),
      required: required.has(name),
      errors: errorsFor(name),
      defaultValue: value === undefined || value === null ? undefined : String(value),
    };
  };

  /** The same for a Checkbox (ticked when the default or the echoed value is on). */
  const checkbox = (name: FieldPath<z.input<S>>) => {
    const { defaultValue, ...rest } = field(name);
    const value = (defaultValues as Record<string, unknown>)[name];
    return { ...rest, defaultChecked: value === true || defaultValue === "on" || defaultValue === "true" };
  };

  const clientItems = Object.entries(clientErrors);
  const summary: { description?: string; items: ErrorSummaryItem[]; attempt: unknown } | null =
    clientItems.length && attempt > 0
      ? {
          items: clientItems.map(([name, message]) => ({ fieldId: idFor(name), message })),
          attempt,
        }
      : server
        ? {
            description: serverFieldErrors._form ?? server.error.message,
            items: Object.entries(serverFieldErrors)
              .filter(([name]) => name !== "_form")
              .map(([name, message]) => ({ fieldId: idFor(name), message })),
            attempt: server,
          }
        : null;

  const busy =
    navigation.state === "submitting" &&
    (options.intent ? navigation.formData?.get("intent") === options.intent : true);

  return {
    ...form,
    intent: options.intent,
    onSubmit,
    errorsFor,
    field,
    checkbox,
    idFor,
    summary,
    busy,
    /** The action's success message for this form, if it just succeeded. */
    success: succeeded?.message,
    /** The submitted values echoed by the server after a failure (for fields outside `field`). */
    values: echoed,
  };
}

export type ValidatedFormApi = ReturnType<typeof useValidatedForm>;

const FormBusy = createContext(false);

/**
 * A Remix `<Form>` wired to `useValidatedForm`: posts `intent`, shows the success notice and the
 * focused error summary at the top, and checks fields before sending.
 */
export function ValidatedForm({
  form,
  children,
  method = "post",
  className = "space-y-4",
  ...rest
}: {
  form: Pick<ValidatedFormApi, "onSubmit" | "summary" | "success" | "intent" | "busy">;
  children: ReactNode;
} & Omit<FormProps, "onSubmit" | "noValidate" | "children">) {
  return (
    <Form method={method} noValidate onSubmit={form.onSubmit} className={className} {...rest}>
      {form.intent ? <input type="hidden" name="intent" value={form.intent} /> : null}
      {form.success ? <Notice tone="success">{form.success}</Notice> : null}
      {form.summary ? <ErrorSummary {...form.summary} /> : null}
      <FormBusy.Provider value={form.busy}>{children}</FormBusy.Provider>
    </Form>
  );
}

/** The form's submit button; shows itself busy while its form is being sent. */
export function SubmitButton({
  children,
  variant,
  className,
}: {
  children: ReactNode;
  variant?: "primary" | "secondary" | "danger";
  className?: string;
}) {
  const busy = useContext(FormBusy);
  return (
    <Button type="submit" variant={variant} busy={busy} className={className}>
      {children}
    </Button>
  );
}

/**
 * The outcome of an action for a form that is not a `ValidatedForm` (a native form around a
 * table of tick boxes): the success message, or the error summary linking to `intent`-prefixed
 * field ids.
 */
export function ActionNotice({ intent, data }: { intent?: string; data?: unknown }) {
  const result = useActionResult(intent, data);
  if (!result) return null;
  if (result.ok) return result.message ? <Notice tone="success">{result.message}</Notice> : null;
  const prefix = intent ?? "field";
  return (
    <ErrorSummary
      description={result.error.fieldErrors?._form?.[0] ?? result.error.message}
      items={Object.entries(firstOf(result.error.fieldErrors))
        .filter(([name]) => name !== "_form")
        .map(([name, message]) => ({ fieldId: `${prefix}-${name}`, message }))}
      attempt={result}
    />
  );
}
