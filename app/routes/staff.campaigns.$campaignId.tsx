import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import { Link, useActionData, useLoaderData, useNavigation, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { AudienceCard } from "~/components/campaigns/audience-card";
import { CampaignAnswersCard } from "~/components/campaigns/campaign-answers";
import { DeliveryCard, LIVE_CAMPAIGN_STATUSES } from "~/components/campaigns/delivery-card";
import { ScheduleCard } from "~/components/campaigns/launch-card";
import { NoteCard } from "~/components/campaigns/note-card";
import { PreviewCard } from "~/components/campaigns/preview-card";
import { CampaignStatusBadge } from "~/components/campaign-status";
import { formatUtc } from "~/components/time";
import { ReadingGrade, ToneFindings, ToneSummary } from "~/components/tone-report";
import { Card, IgnoredNotice, Notice, PageHeader } from "~/components/ui";
import { cancelCampaign, pauseCampaign, resumeCampaign } from "~/modules/campaigns/control-campaign.server";
import { updateCampaignNote } from "~/modules/campaigns/update-campaign-note.server";
import { checkCampaignNote } from "~/modules/campaigns/check-campaign-note.server";
import { getCampaignPage } from "~/modules/campaigns/get-campaign-page.server";
import { launchCampaign } from "~/modules/campaigns/launch-campaign.server";
import {
  CAMPAIGN_TEMPLATES,
  CampaignNoteSchema,
  CancelCampaignSchema,
  LaunchCampaignSchema,
  PauseCampaignSchema,
  PreviewRecipientSchema,
  ResumeCampaignSchema,
} from "~/modules/campaigns/schemas";
import { applyFromAnswer } from "~/modules/applications/apply-from-answer.server";
import { PROGRAM_STATUS_LABELS } from "~/modules/applications/labels";
import { getCampaignAnswers } from "~/modules/invitation-answers/get-campaign-answers.server";
import { markAnswerHandled } from "~/modules/invitation-answers/mark-answer-handled.server";
import { CampaignAnswersQuerySchema, MarkAnswerHandledSchema } from "~/modules/invitation-answers/schemas";
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
      await parseForm(request, PauseCampaignSchema);
      const { held } = await pauseCampaign({ actor, campaignId });
      return {
        ok: true as const,
        intent,
        message: `Paused. ${held.toLocaleString("en")} waiting email${held === 1 ? " is" : "s are"} held until you resume.`,
      };
    }
    case "resume": {
      await parseForm(request, ResumeCampaignSchema);
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

/** Answers whose form stays on the page and shows its own outcome. */
const OWN_NOTICE = new Set<string>(["save-note", "check-note"]);

export default function CampaignPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as
    ({ ok: true; intent: Intent; message?: string } | ActionError) | undefined;
  const { campaign } = data;
  const revalidator = useRevalidator();
  const navigation = useNavigation();

  // Live counts: reload every few seconds while emails are being queued or sent.
  useEffect(() => {
    if (!LIVE_CAMPAIGN_STATUSES.has(campaign.status)) return;
    const timer = setInterval(() => {
      if (document.visibilityState === "visible" && revalidator.state === "idle") revalidator.revalidate();
    }, 3000);
    return () => clearInterval(timer);
  }, [campaign.status, revalidator]);

  // Launch, pause, resume and cancel change the campaign's state, and with it which form is on
  // screen: their success is said here, above the page, where it stays.
  const message =
    actionData && actionData.ok && !OWN_NOTICE.has(actionData.intent) ? actionData.message : undefined;
  const error = actionData && !actionData.ok ? actionData : undefined;

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
          {error?.intent === "answer-apply" || error?.intent === "answer-handled" ? (
            <div className="mb-4">
              <Notice tone="error">{error.error.message}</Notice>
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
          <AudienceCard
            audience={data.audience}
            campaign={campaign}
            exclusionReasons={data.exclusionReasons}
          />
          <NoteCard
            note={campaign.note}
            editable={campaign.status === "draft"}
            noteTone={data.preview.noteTone}
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
          />
          {campaign.status !== "draft" ? (
            <DeliveryCard status={campaign.status} progress={data.progress} />
          ) : null}
        </div>
        <div className="space-y-6">
          <PreviewCard
            preview={data.preview}
            people={data.people}
            find={data.find}
            pickerLimit={data.pickerLimit}
          />
        </div>
      </div>
    </>
  );
}
