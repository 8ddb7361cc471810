import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import { Form, Link, useActionData, useFetcher, useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { z } from "zod";
import { EMAIL_KINDS, EMAIL_PURPOSES, isTemplateKey, type TemplateKey } from "#emails/index";
import { SubmitButton, useValidatedForm } from "~/components/form";
import { NoteLength, NoteToneFeedback, useNoteCheckAsYouType } from "~/components/note-check";
import { ReadingGrade, ToneFindings, ToneSummary } from "~/components/tone-report";
import { Card, ErrorSummary, Facts, Notice, PageHeader, TextArea } from "~/components/ui";
import { previewTemplate } from "~/modules/outreach/preview-template.server";
import { NOTE_MAX_CHARS, NotePreviewSchema, personalNoteField } from "~/modules/outreach/schemas";
import { requirePermission } from "~/platform/auth.server";
import {
  defineAction,
  defineLoader,
  parseForm,
  parseParams,
  parseSearchParams,
  type ActionError,
} from "~/platform/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.preview.template.title ?? "Email template"} · Comeback` },
];

const TemplateParams = {
  template: z.custom<TemplateKey>((v) => typeof v === "string" && isTemplateKey(v)),
};
/** `?note=` on the preview link: absent means the sample note. */
const NoteQuerySchema = z.object({ note: personalNoteField.optional() });

/** GET shows the sample; `?note=` previews a note without JavaScript too (the form posts). */
export const loader = defineLoader(async ({ request, params }: LoaderFunctionArgs) => {
  await requirePermission(request, "manage:campaign");
  const { template } = parseParams(params, TemplateParams, "That email template");
  const { note } = parseSearchParams(request, NoteQuerySchema);
  const preview = await previewTemplate({ template, ...(note !== undefined ? { note } : {}) });
  return { preview };
});

/** Renders the template with the note HR is trying and returns the tone reports. Changes nothing. */
export const action = defineAction(async ({ request, params }: ActionFunctionArgs) => {
  await requirePermission(request, "manage:campaign");
  const { template } = parseParams(params, TemplateParams, "That email template");
  const { note } = await parseForm(request, NotePreviewSchema);
  return { ok: true as const, intent: "preview-note", preview: await previewTemplate({ template, note }) };
});

// Trying a note changes nothing on the server: no need to reload this page's data afterwards.
export const shouldRevalidate: ShouldRevalidateFunction = ({
  formMethod,
  formAction,
  currentUrl,
  defaultShouldRevalidate,
}) => (formMethod === "POST" && formAction === currentUrl.pathname ? false : defaultShouldRevalidate);

type Preview = Awaited<ReturnType<typeof previewTemplate>>;
type ActionData = { ok: true; preview: Preview } | ActionError;

export default function EmailTemplatePreview() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const fetcher = useFetcher<typeof action>();
  const fetched = fetcher.data as ActionData | undefined;
  // The newest answer wins: the check as one types (the fetcher) or the button's post (the page).
  const [typed, setTyped] = useState(false);
  const latest = (typed ? fetched : undefined) ?? actionData ?? fetched;
  useEffect(() => setTyped(false), [actionData]);
  const preview = (latest && latest.ok ? latest.preview : loaderData.preview) as Preview;
  const error = latest && !latest.ok ? latest.error : undefined;
  const { template, email, tone, noteTone } = preview;

  // NotePreviewSchema here and in the action: a note past the limit is refused before it is sent.
  const form = useValidatedForm(NotePreviewSchema, {
    intent: "preview-note",
    defaultValues: { note: preview.note ?? "" },
    serverErrors: typed && fetched && !fetched.ok ? fetched.error.fieldErrors : undefined,
  });
  const noteField = form.field("note");
  const { formRef, length, onType } = useNoteCheckAsYouType(preview.note?.length ?? 0, (element) =>
    fetcher.submit(element, { method: "post" }),
  );

  return (
    <>
      <p className="mb-2 text-sm">
        <Link to="/staff/emails" className="text-brand underline">
          All email templates
        </Link>
      </p>
      <PageHeader title={template.title} description={template.description} />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        <div className="space-y-6">
          <Card>
            <Facts
              items={[
                { label: "Template key", value: <code>{template.key}</code> },
                { label: "Kind", value: EMAIL_KINDS[template.kind] },
                { label: "Purpose", value: EMAIL_PURPOSES[template.purpose] },
                { label: "Subject", value: email.subject },
              ]}
            />
          </Card>

          {template.acceptsNote ? (
            <Card title="Try a personal note">
              <Form method="post" ref={formRef} className="space-y-3" noValidate onSubmit={form.onSubmit}>
                <input type="hidden" name="intent" value="preview-note" />
                {form.summary ? <ErrorSummary {...form.summary} /> : null}
                <TextArea
                  label="Personal note"
                  rows={6}
                  maxLength={NOTE_MAX_CHARS}
                  hint="Plain text. Leave a blank line between paragraphs. The check runs as you type."
                  {...noteField}
                  onChange={(event) => {
                    void noteField.onChange(event);
                    setTyped(true);
                    onType(event.currentTarget.value);
                  }}
                />
                <NoteLength length={length} />
                {error && !error.fieldErrors ? <Notice tone="error">{error.message}</Notice> : null}
                <SubmitButton variant="secondary">Check and preview</SubmitButton>
              </Form>
              <NoteToneFeedback
                report={noteTone}
                heading={<>Your note {noteTone ? <ToneSummary report={noteTone} /> : null}</>}
              />
            </Card>
          ) : null}

          <Card title="Tone and completeness" actions={<ToneSummary report={tone} />}>
            <p className="mb-3 text-sm text-muted">
              The whole email as sent{template.acceptsNote ? ", with the note" : ""}. Errors stop a campaign
              from launching unless someone overrides them with a reason.
            </p>
            <ToneFindings report={tone} />
            <div className="mt-3">
              <ReadingGrade report={tone} which="text" />
            </div>
          </Card>
        </div>

        <div className="space-y-6">
          <Card title="As it looks in a mail app">
            <iframe
              title={`${template.title}: the email as HTML`}
              sandbox=""
              srcDoc={email.html}
              className="h-[56rem] w-full rounded-md border border-line bg-paper"
            />
          </Card>
          <Card title="Plain-text version">
            <pre className="whitespace-pre-wrap break-words font-sans text-sm leading-6">{email.text}</pre>
          </Card>
        </div>
      </div>
    </>
  );
}
