import { zodResolver } from "@hookform/resolvers/zod";
import { useSubmit } from "@remix-run/react";
import type { FormEvent } from "react";
import { useForm, type FieldValues } from "react-hook-form";
import type { z } from "zod";
import type { FieldErrors } from "~/platform/errors";

/**
 * Progressive enhancement for forms: without JavaScript the form posts natively and the server
 * validates with the same zod schema; with JavaScript, react-hook-form checks fields first and
 * only valid forms are submitted (through Remix, so the page does not reload).
 */
export function useValidatedForm<S extends z.ZodType<FieldValues, FieldValues>>(
  schema: S,
  options: { serverErrors?: FieldErrors; defaultValues?: Partial<z.input<S>> } = {},
) {
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    resolver: zodResolver(schema as never) as never,
    mode: "onTouched",
    defaultValues: options.defaultValues as never,
  });
  const submit = useSubmit();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const element = event.currentTarget;
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    void form.handleSubmit(() =>
      submit(submitter ?? element, { method: (element.method as "post") || "post" }),
    )(event);
  };
  /** The client error for a field, else what the server said about it. */
  const errorsFor = (name: string): string[] | undefined => {
    const client = (form.formState.errors as Record<string, { message?: string } | undefined>)[name]?.message;
    if (client) return [client];
    return options.serverErrors?.[name];
  };
  return { ...form, onSubmit, errorsFor };
}
