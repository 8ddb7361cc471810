import { Form, useFetcher } from "@remix-run/react";
import { useActionResult, useValidatedForm } from "~/components/form";
import { NoteLength, NoteToneFeedback, useNoteCheckAsYouType } from "~/components/note-check";
import { ToneSummary } from "~/components/tone-report";
import { Button, Card, ErrorSummary, Notice, TextArea } from "~/components/ui";
import { CampaignNoteSchema } from "~/modules/campaigns/schemas";
import { NOTE_MAX_CHARS } from "~/modules/outreach/schemas";
import type { ToneReport } from "~/modules/outreach/tone";

/** The action's answer to "Check without saving": the tone of the whole email and of the note. */
export type NoteCheck = {
  ok: true;
  intent: "check-note";
  tone: ToneReport;
  noteTone: ToneReport | null;
  note: string;
};

function isNoteCheck(value: unknown): value is NoteCheck {
  return (
    !!value &&
    typeof value === "object" &&
    (value as { intent?: unknown }).intent === "check-note" &&
    (value as { ok?: unknown }).ok === true
  );
}

/**
 * The campaign's personal note: while a draft, a form that saves it (`save-note`) or checks its
 * tone without saving (`check-note`, also as the person types). One schema, CampaignNoteSchema,
 * checks it here and in the action; without JavaScript both buttons post and the page comes back
 * with the check or the refusal under the field.
 */
export function NoteCard({
  note,
  editable,
  noteTone: savedTone,
}: {
  /** The saved note. */
  note: string;
  editable: boolean;
  /** The tone of the saved note (null when empty). */
  noteTone: ToneReport | null;
}) {
  const fetcher = useFetcher<NoteCheck>();
  // A check posted without JavaScript: the whole page came back with it.
  const routeAnswer = useActionResult("check-note");
  const posted = isNoteCheck(routeAnswer) ? routeAnswer : null;
  const checkFailed = routeAnswer && !routeAnswer.ok ? routeAnswer : undefined;
  const checked = isNoteCheck(fetcher.data) ? fetcher.data : null;
  const latest = checked ?? posted;
  const noteTone = latest ? latest.noteTone : savedTone;
  const initialNote = posted?.note ?? checkFailed?.values?.note ?? note;
  const form = useValidatedForm(CampaignNoteSchema, {
    intent: "save-note",
    defaultValues: { note: initialNote },
    serverErrors: checkFailed?.error.fieldErrors,
  });
  const { formRef, length, onType } = useNoteCheckAsYouType(initialNote.length, (element) => {
    const body = new FormData(element);
    body.set("intent", "check-note");
    fetcher.submit(body, { method: "post" });
  });
  const noteField = form.field("note");
  return (
    <Card title="Personal note" actions={noteTone ? <ToneSummary report={noteTone} /> : null}>
      {editable ? (
        // Two buttons, two intents: each posts its own `intent`, so the form carries none itself.
        <Form method="post" ref={formRef} className="space-y-3" noValidate onSubmit={form.onSubmit}>
          {form.success ? <Notice tone="success">{form.success}</Notice> : null}
          {form.summary ? <ErrorSummary {...form.summary} /> : null}
          {checkFailed && !checkFailed.error.fieldErrors ? (
            <Notice tone="error">{checkFailed.error.message}</Notice>
          ) : null}
          <TextArea
            label="Your note"
            rows={6}
            maxLength={NOTE_MAX_CHARS}
            hint="Plain text in your own words; leave a blank line between paragraphs. The check runs as you type."
            {...noteField}
            onChange={(event) => {
              void noteField.onChange(event);
              onType(event.currentTarget.value);
            }}
          />
          <NoteLength length={length} />
          <div className="flex gap-2">
            <Button type="submit" name="intent" value="save-note" busy={form.busy}>
              Save note
            </Button>
            <Button type="submit" name="intent" value="check-note" variant="secondary">
              Check without saving
            </Button>
          </div>
        </Form>
      ) : (
        <p className="whitespace-pre-wrap text-sm">
          {note || <span className="text-muted">No personal note.</span>}
        </p>
      )}
      <NoteToneFeedback report={noteTone} heading="Tone of your note" />
    </Card>
  );
}
