import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import {
  Form,
  Link,
  useActionData,
  useFetcher,
  useLoaderData,
  useNavigation,
  useRevalidator,
} from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { CampaignAnswersCard } from "~/components/campaigns/campaign-answers";
import { ScheduleCard } from "~/components/campaigns/launch-card";
import { CampaignStatusBadge } from "~/components/campaign-status";
import { formatUtc } from "~/components/time";
import { ReadingGrade, ToneFindings, ToneSummary } from "~/components/tone-report";
import { IgnoredNotice, Notice, Button, Card, PageHeader, TextArea } from "~/components/ui";
import { cancelCampaign, pauseCampaign, resumeCampaign } from "~/modules/campaigns/control-campaign.server";
import { updateCampaignNote } from "~/modules/campaigns/update-campaign-note.server";
import { EXCLUSION_LABELS } from "~/modules/campaigns/exclusions";
import { checkCampaignNote } from "~/modules/campaigns/check-campaign-note.server";
import { getCampaignPage } from "~/modules/campaigns/get-campaign-page.server";
import { launchCampaign } from "~/modules/campaigns/launch-campaign.server";
import {
  CAMPAIGN_TEMPLATES,
  CampaignNoteSchema,
  CancelCampaignSchema,
  LaunchCampaignSchema,
  PreviewRecipientSchema,
} from "~/modules/campaigns/schemas";
import { applyFromAnswer } from "~/modules/applications/apply-from-answer.server";
import { PROGRAM_STATUS_LABELS } from "~/modules/applications/labels";
import { getCampaignAnswers } from "~/modules/invitation-answers/get-campaign-answers.server";
import { markAnswerHandled } from "~/modules/invitation-answers/mark-answer-handled.server";
import { CampaignAnswersQuerySchema, MarkAnswerHandledSchema } from "~/modules/invitation-answers/schemas";
import { NOTE_MAX_CHARS } from "~/modules/outreach/schemas";
import type { ToneReport } from "~/modules/outreach/tone";
import { requirePermission } from "~/platform/auth.server";
import {
  defineAction,
  defineLoader,
  parseFilters,
  parseForm,
  parseIntent,
  parseParams,
  type ActionError,
} from "~/platform/http.server";
import { recordId } from "~/platform/input";
import { can } from "~/platform/permissions";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data && "campaign" in data ? data.campaign.name : "Campaign"} · Comeback` },
];

export const loader = defineLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requirePermission(request, "manage:campaign");
  const { campaignId } = parseParams(params, { campaignId: recordId }, "That campaign");
  const { values, ignored } = parseFilters(request, PreviewRecipientSchema);
  const { recipient, find } = values;
  const answerQuery = parseFilters(request, CampaignAnswersQuerySchema);
  const { page, answer } = answerQuery.values;
  const [detail, answers] = await Promise.all([
    getCampaignPage({ campaignId, previewRecipientId: recipient || undefined, find: find || undefined }),
    getCampaignAnswers({ actor, campaignId, page, answer }),
  ]);
  return {
    ...detail,
    answers,
    canOverride: can(actor, "override:tone-check"),
    ignored: [...ignored, ...answerQuery.ignored].map((i) =>
      i.name === "find"
        ? "recipient search"
        : i.name === "recipient"
          ? "chosen recipient"
          : i.name === "page"
            ? "answers page"
            : "answer shown",
    ),
  };
});

const INTENTS = [
  "check-note",
  "save-note",
  "launch",
  "pause",
  "resume",
  "cancel",
  "answer-handled",
  "answer-apply",
] as const;
type Intent = (typeof INTENTS)[number];

export const action = defineAction(async ({ request, params }: ActionFunctionArgs) => {
  const actor = await requirePermission(request, "manage:campaign");
  const { campaignId } = parseParams(params, { campaignId: recordId }, "That campaign");
  const intent = await parseIntent(request, INTENTS);
  switch (intent) {
    case "check-note": {
      const { note } = await parseForm(request, CampaignNoteSchema);
      const { tone, noteTone } = await checkCampaignNote({ campaignId, note });
      return { ok: true as const, intent, tone, noteTone, note };
    }
    case "save-note": {
      const { note } = await parseForm(request, CampaignNoteSchema);
      await updateCampaignNote({ actor, campaignId, note });
      return { ok: true as const, intent, message: "Note saved." };
    }
    case "launch": {
      const { overrideReason } = await parseForm(request, LaunchCampaignSchema);
      const result = await launchCampaign({ actor, campaignId, overrideReason });
      return {
        ok: true as const,
        intent,
        message:
          result.status === "scheduled"
            ? `Launched. Sending starts at ${formatUtc(result.sendAt.toISOString())}.`
            : "Launched. The emails are being queued and leave at the pace you set.",
      };
    }
    case "pause": {
      const { held } = await pauseCampaign({ actor, campaignId });
      return {
        ok: true as const,
        intent,
        message: `Paused. ${held.toLocaleString("en")} waiting email${held === 1 ? " is" : "s are"} held until you resume.`,
      };
    }
    case "resume": {
      const { released } = await resumeCampaign({ actor, campaignId });
      return {
        ok: true as const,
        intent,
        message: `Resumed. ${released.toLocaleString("en")} email${released === 1 ? "" : "s"} back on the schedule.`,
      };
    }
    case "cancel": {
      const { reason } = await parseForm(request, CancelCampaignSchema);
      const { messagesCancelled } = await cancelCampaign({ actor, campaignId, reason });
      return {
        ok: true as const,
        intent,
        message: `Cancelled. ${messagesCancelled.toLocaleString("en")} waiting email${messagesCancelled === 1 ? " was" : "s were"} not sent; emails already sent stay sent.`,
      };
    }
    case "answer-handled": {
      const { answerId } = await parseForm(request, MarkAnswerHandledSchema);
      const { changed } = await markAnswerHandled({ actor, campaignId, answerId });
      return {
        ok: true as const,
        intent,
        message: changed ? "Marked as followed up." : "Someone had already marked it followed up.",
      };
    }
    case "answer-apply": {
      const { answerId } = await parseForm(request, MarkAnswerHandledSchema);
      await applyFromAnswer({ actor, campaignId, answerId });
      return {
        ok: true as const,
        intent,
        message:
          "Application entered: it is in the pipeline as submitted, and the person has an email saying so.",
      };
    }
  }
});

// Trying a note changes nothing: no reload of the page's data afterwards.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) =>
  formData?.get("intent") === "check-note" ? false : defaultShouldRevalidate;

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
type NoteCheck = {
  ok: true;
  intent: "check-note";
  tone: ToneReport;
  noteTone: ToneReport | null;
  note: string;
};

const LIVE = new Set(["scheduled", "sending"]);

export default function CampaignPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as
    ({ ok: true; intent: Intent; message?: string } | ActionError) | undefined;
  const { campaign } = data;
  const revalidator = useRevalidator();
  const navigation = useNavigation();

  // Live counts: reload every few seconds while emails are being queued or sent.
  useEffect(() => {
    if (!LIVE.has(campaign.status)) return;
    const timer = setInterval(() => {
      if (document.visibilityState === "visible" && revalidator.state === "idle") revalidator.revalidate();
    }, 3000);
    return () => clearInterval(timer);
  }, [campaign.status, revalidator]);

  const message = actionData && actionData.ok ? actionData.message : undefined;
  const error = actionData && !actionData.ok ? actionData : undefined;
  const errorFor = (intent: Intent) => (error && error.intent === intent ? error.error : undefined);

  return (
    <>
      <p className="mb-2 text-sm">
        <Link to="/staff/campaigns" className="text-brand underline">
          All campaigns
        </Link>
      </p>
      <PageHeader
        title={campaign.name}
        description={
          <>
            <CampaignStatusBadge status={campaign.status} />{" "}
            {CAMPAIGN_TEMPLATES[campaign.template as keyof typeof CAMPAIGN_TEMPLATES] ?? campaign.template} to
            the segment “{campaign.segment.name}”
            {campaign.program ? (
              <>
                , for the return program{" "}
                <Link to={`/staff/programs/${campaign.program.id}`} className="text-brand underline">
                  {campaign.program.title}
                </Link>
                {campaign.program.status === "open"
                  ? ""
                  : ` (${PROGRAM_STATUS_LABELS[campaign.program.status].toLowerCase()}: open it before launching)`}
              </>
            ) : null}
          </>
        }
        actions={
          campaign.status === "draft" ? (
            <Link
              to={`/staff/campaigns/${campaign.id}/edit`}
              className="rounded-md px-4 py-2 text-sm font-medium text-brand ring-1 ring-line hover:bg-brand-soft"
            >
              Edit details
            </Link>
          ) : null
        }
      />
      {message ? (
        <div className="mb-4">
          <Notice tone="success">{message}</Notice>
        </div>
      ) : null}
      {error && !error.intent ? (
        <div className="mb-4">
          <Notice tone="error">{error.error.message}</Notice>
        </div>
      ) : null}
      {data.ignored.length ? (
        <div className="mb-4">
          <IgnoredNotice names={data.ignored} />
        </div>
      ) : null}
      {campaign.status !== "draft" ? (
        <div className="mb-6">
          {errorFor("answer-apply") || errorFor("answer-handled") ? (
            <div className="mb-4">
              <Notice tone="error">
                {(errorFor("answer-apply") ?? errorFor("answer-handled"))!.message}
              </Notice>
            </div>
          ) : null}
          <CampaignAnswersCard
            answers={data.answers}
            busyAnswerId={
              navigation.state === "submitting" &&
              ["answer-handled", "answer-apply"].includes(String(navigation.formData?.get("intent")))
                ? String(navigation.formData?.get("answerId"))
                : null
            }
          />
        </div>
      ) : null}
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        <div className="space-y-6">
          <AudienceCard data={data} />
          <NoteCard
            data={data}
            saveError={errorFor("save-note") ?? errorFor("check-note")}
            posted={
              actionData && actionData.ok && actionData.intent === "check-note"
                ? (actionData as unknown as NoteCheck)
                : null
            }
            postedNote={
              error && (error.intent === "save-note" || error.intent === "check-note")
                ? error.values?.note
                : undefined
            }
          />
          <Card title="The whole email" actions={<ToneSummary report={data.preview.tone} />}>
            <p className="mb-3 text-sm text-muted">
              Subject, template and your note together. Errors stop the launch unless someone overrides them
              with a reason.
            </p>
            <ToneFindings report={data.preview.tone} id="email-findings" />
            <div className="mt-3">
              <ReadingGrade report={data.preview.tone} which="text" />
            </div>
          </Card>
          <ScheduleCard
            campaign={campaign}
            recipients={data.audience.recipients}
            toneOk={data.preview.tone.ok}
            canOverride={data.canOverride}
            launchError={errorFor("launch")}
          />
          {campaign.status !== "draft" ? (
            <DeliveryCard
              data={data}
              errors={{ pause: errorFor("pause"), resume: errorFor("resume"), cancel: errorFor("cancel") }}
            />
          ) : null}
        </div>
        <div className="space-y-6">
          <PreviewCard data={data} />
        </div>
      </div>
    </>
  );
}

function AudienceCard({ data }: { data: LoaderData }) {
  const { audience, campaign } = data;
  return (
    <Card title="Audience">
      <p className="mb-3 text-sm text-muted">
        {campaign.segment.description}.{" "}
        {audience.snapshot
          ? "Counted when the campaign started sending; later changes to the pool do not change who gets it."
          : "Counted now; the list is fixed when sending starts."}
      </p>
      <dl className="mb-4 grid grid-cols-3 gap-3 text-center">
        <div className="rounded-md bg-paper p-2">
          <dt className="text-xs text-muted">In the segment</dt>
          <dd className="text-xl font-semibold tabular-nums" data-testid="in-segment">
            {audience.inSegment.toLocaleString("en")}
          </dd>
        </div>
        <div className="rounded-md bg-paper p-2">
          <dt className="text-xs text-muted">Will get the email</dt>
          <dd className="text-xl font-semibold tabular-nums" data-testid="recipients">
            {audience.recipients.toLocaleString("en")}
          </dd>
        </div>
        <div className="rounded-md bg-paper p-2">
          <dt className="text-xs text-muted">Left out</dt>
          <dd className="text-xl font-semibold tabular-nums">{audience.excluded.toLocaleString("en")}</dd>
        </div>
      </dl>
      <table className="w-full text-left text-sm">
        <caption className="mb-1 text-left text-sm font-medium">
          Who is left out, and why (each person counted once)
        </caption>
        <thead className="text-muted">
          <tr>
            <th scope="col" className="py-1 pr-3 font-medium">
              Reason
            </th>
            <th scope="col" className="py-1 text-right font-medium">
              People
            </th>
          </tr>
        </thead>
        <tbody>
          {data.exclusionReasons
            .filter(
              (reason) => audience.onlyEligible || (reason !== "no_verdict" && reason !== "not_eligible"),
            )
            .map((reason) => (
              <tr key={reason} className="border-t border-line align-top">
                <th scope="row" className="py-1 pr-3 font-normal">
                  {EXCLUSION_LABELS[reason].label}
                  <span className="block text-xs text-muted">
                    {reason === "quiet_period"
                      ? `Left less than ${campaign.quietDays} days ago, or are still leaving.`
                      : EXCLUSION_LABELS[reason].explanation}
                  </span>
                </th>
                <td className="py-1 text-right tabular-nums">
                  {audience.byReason[reason].toLocaleString("en")}
                </td>
              </tr>
            ))}
        </tbody>
      </table>
    </Card>
  );
}

function NoteCard({
  data,
  saveError,
  posted,
  postedNote,
}: {
  data: LoaderData;
  saveError?: ActionError["error"];
  /** A check posted without JavaScript (the whole page came back). */
  posted: NoteCheck | null;
  postedNote?: string;
}) {
  const { campaign } = data;
  const fetcher = useFetcher<typeof action>();
  const navigation = useNavigation();
  const checked =
    fetcher.data && "intent" in fetcher.data && fetcher.data.intent === "check-note" && fetcher.data.ok
      ? (fetcher.data as unknown as NoteCheck)
      : null;
  const latest = checked ?? posted;
  const noteTone = latest ? latest.noteTone : data.preview.noteTone;
  const formRef = useRef<HTMLFormElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const initialNote = posted?.note ?? postedNote ?? campaign.note;
  const [length, setLength] = useState(initialNote.length);
  useEffect(() => () => clearTimeout(timer.current), []);
  const checkAsYouType = (value: string) => {
    setLength(value.length);
    clearTimeout(timer.current);
    if (value.length > NOTE_MAX_CHARS || !formRef.current) return;
    timer.current = setTimeout(() => {
      if (!formRef.current) return;
      const body = new FormData(formRef.current);
      body.set("intent", "check-note");
      fetcher.submit(body, { method: "post" });
    }, 400);
  };
  const editable = campaign.status === "draft";
  return (
    <Card title="Personal note" actions={noteTone ? <ToneSummary report={noteTone} /> : null}>
      {editable ? (
        <Form method="post" ref={formRef} className="space-y-3" noValidate>
          <TextArea
            label="Your note"
            name="note"
            rows={6}
            maxLength={NOTE_MAX_CHARS}
            defaultValue={initialNote}
            hint="Plain text in your own words; leave a blank line between paragraphs. The check runs as you type."
            errors={saveError?.fieldErrors?.note}
            onChange={(event) => checkAsYouType(event.currentTarget.value)}
          />
          <p className="text-xs text-muted" aria-live="polite">
            {length.toLocaleString("en")} of {NOTE_MAX_CHARS.toLocaleString("en")} characters
          </p>
          {saveError && !saveError.fieldErrors ? <Notice tone="error">{saveError.message}</Notice> : null}
          <div className="flex gap-2">
            <Button
              type="submit"
              name="intent"
              value="save-note"
              busy={navigation.state === "submitting" && navigation.formData?.get("intent") === "save-note"}
            >
              Save note
            </Button>
            <Button type="submit" name="intent" value="check-note" variant="secondary">
              Check without saving
            </Button>
          </div>
        </Form>
      ) : (
        <p className="whitespace-pre-wrap text-sm">
          {campaign.note || <span className="text-muted">No personal note.</span>}
        </p>
      )}
      <section aria-labelledby="note-feedback" className="mt-4" aria-live="polite">
        <h3 id="note-feedback" className="mb-2 text-sm font-semibold">
          Tone of your note
        </h3>
        {noteTone ? (
          <>
            <ToneFindings
              report={noteTone}
              id="note-findings"
              emptyText="Your note reads warmly and clearly."
            />
            <div className="mt-2">
              <ReadingGrade report={noteTone} which="note" />
            </div>
          </>
        ) : (
          <p id="note-findings" className="text-sm text-muted">
            Write a note to see feedback on it here.
          </p>
        )}
      </section>
    </Card>
  );
}

function DeliveryCard({
  data,
  errors,
}: {
  data: LoaderData;
  errors: Record<"pause" | "resume" | "cancel", ActionError["error"] | undefined>;
}) {
  const { campaign, progress } = data;
  const navigation = useNavigation();
  const busy = (intent: string) =>
    navigation.state === "submitting" && navigation.formData?.get("intent") === intent;
  const rows = [
    {
      label: "Not yet queued",
      value: progress.pending,
      hint: "Recipients whose email is still being prepared.",
    },
    { label: "Queued", value: progress.queued, hint: "Waiting for their turn under the hourly pace." },
    {
      label: "Held",
      value: progress.held,
      hint: "Kept back while the campaign is paused; resuming spaces them out again.",
    },
    { label: "Being delivered", value: progress.sending, hint: "Handed to the mail server just now." },
    { label: "Sent", value: progress.sent, hint: "Accepted by the mail server." },
    {
      label: "Failed, will retry",
      value: progress.failed,
      hint: "A temporary problem; tried again automatically.",
    },
    { label: "Set aside", value: progress.set_aside, hint: "Refused permanently; see the outbox to retry." },
    {
      label: "Cancelled",
      value: progress.cancelled,
      hint: "Not sent because the campaign was cancelled or the person unsubscribed.",
    },
    { label: "Left out", value: progress.excluded, hint: "Not in the audience (see the reasons above)." },
  ];
  return (
    <Card
      title="Delivery"
      actions={
        LIVE.has(campaign.status) ? (
          <span className="text-xs text-muted">Updates every few seconds</span>
        ) : null
      }
    >
      <table className="w-full text-left text-sm" aria-live="polite">
        <caption className="sr-only">Emails of this campaign by state</caption>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label} className="border-t border-line align-top">
              <th scope="row" className="py-1 pr-3 font-normal">
                {row.label}
                <span className="block text-xs text-muted">{row.hint}</span>
              </th>
              <td className="py-1 text-right tabular-nums" data-testid={`count-${row.label}`}>
                {row.value.toLocaleString("en")}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {progress.job?.status === "failed" ? (
        <div className="mt-3">
          <Notice tone="error">
            Preparing the emails stopped with an error: {progress.job.lastError ?? "unknown"}. Everyone queued
            so far keeps their email; cancel and start a new campaign for the rest.
          </Notice>
        </div>
      ) : null}
      <div className="mt-4 flex flex-wrap items-start gap-3">
        {campaign.status === "sending" || campaign.status === "scheduled" ? (
          <Form method="post">
            <Button type="submit" name="intent" value="pause" variant="secondary" busy={busy("pause")}>
              Pause
            </Button>
            {errors.pause ? <p className="mt-1 text-sm text-bad">{errors.pause.message}</p> : null}
          </Form>
        ) : null}
        {campaign.status === "paused" ? (
          <Form method="post">
            <Button type="submit" name="intent" value="resume" busy={busy("resume")}>
              Resume
            </Button>
            {errors.resume ? <p className="mt-1 text-sm text-bad">{errors.resume.message}</p> : null}
          </Form>
        ) : null}
        {campaign.status !== "completed" && campaign.status !== "cancelled" ? (
          <Form method="post" className="flex flex-1 flex-wrap items-end gap-2">
            <TextArea
              className="min-w-[14rem] flex-1"
              label="Reason to cancel (optional)"
              name="reason"
              rows={1}
              maxLength={500}
              errors={errors.cancel?.fieldErrors?.reason}
            />
            <Button type="submit" name="intent" value="cancel" variant="danger" busy={busy("cancel")}>
              Cancel campaign
            </Button>
            {errors.cancel && !errors.cancel.fieldErrors ? (
              <p className="w-full text-sm text-bad">{errors.cancel.message}</p>
            ) : null}
          </Form>
        ) : null}
      </div>
    </Card>
  );
}

function PreviewCard({ data }: { data: LoaderData }) {
  const { preview, people, find } = data;
  return (
    <Card title="Preview">
      <Form method="get" className="mb-4 space-y-3">
        <div className="flex flex-wrap items-end gap-2">
          <div className="flex-1">
            <label htmlFor="find" className="block text-sm font-medium">
              Find someone in the audience
            </label>
            <input
              id="find"
              name="find"
              type="search"
              defaultValue={find}
              maxLength={200}
              className="mt-1 block w-full rounded-md border border-line bg-white px-3 py-2 text-sm"
            />
          </div>
          <Button type="submit" variant="secondary">
            Find
          </Button>
        </div>
        {people.length ? (
          <div className="flex flex-wrap items-end gap-2">
            <div className="flex-1">
              <label htmlFor="recipient" className="block text-sm font-medium">
                Preview for
              </label>
              <select
                id="recipient"
                name="recipient"
                defaultValue={preview.personId ?? ""}
                className="mt-1 block w-full rounded-md border border-line bg-white px-3 py-2 text-sm"
              >
                {people.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </div>
            <Button type="submit" variant="secondary">
              Show preview
            </Button>
          </div>
        ) : null}
        <p className="text-xs text-muted">
          {people.length === 0
            ? find
              ? "Nobody in the audience matches; the preview uses a stand-in name."
              : "Nobody in the audience can receive this email yet, so the preview uses a stand-in name."
            : people.length >= data.pickerLimit
              ? `Showing the first ${data.pickerLimit} people; search by name or email to find anyone else.`
              : `${people.length} ${people.length === 1 ? "person" : "people"} to choose from.`}
        </p>
      </Form>
      <p className="mb-2 text-sm">
        <span className="text-muted">Subject: </span>
        <span data-testid="preview-subject">{preview.email.subject}</span>
      </p>
      <iframe
        title="The email as HTML"
        sandbox=""
        srcDoc={preview.email.html}
        className="h-[48rem] w-full rounded-md border border-line bg-paper"
      />
      <details className="mt-4">
        <summary className="cursor-pointer text-sm font-medium">Plain-text version</summary>
        <pre className="mt-2 whitespace-pre-wrap break-words font-sans text-sm leading-6">
          {preview.email.text}
        </pre>
      </details>
    </Card>
  );
}
