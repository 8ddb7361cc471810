import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ActionNotice, useActionResult } from "~/components/form";
import { DocumentUploadForm, TaskDoneForm, TaskList } from "~/components/onboarding/task-list";
import { portalMeta } from "~/components/portal/portal-meta";
import { Notice } from "~/components/ui";
import { dateInWords } from "~/modules/contracts/contract-text";
import {
  DOCUMENT_MESSAGES,
  MAX_DOCUMENT_BYTES,
  MAX_DOCUMENT_LABEL,
  DocumentUploadSchema,
  TaskSchema,
} from "~/modules/onboarding/checklist";
import {
  completeOnboardingTask,
  getPortalOnboarding,
  uploadOnboardingDocument,
} from "~/modules/onboarding/onboarding.server";
import { t } from "~/modules/portal/strings";
import { requireAlumnus } from "~/platform/auth.server";
import { AppError } from "~/platform/errors";
import {
  defineAction,
  defineLoader,
  isUpload,
  parseForm,
  parseParams,
  parseUpload,
  submittedForm,
} from "~/platform/http.server";
import { recordId } from "~/platform/input";

export const meta = portalMeta("onboarding.title");

export const loader = defineLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const alumnus = await requireAlumnus(request);
  return getPortalOnboarding({
    alumnus,
    contractId: parseParams(params, { contractId: recordId }, { message: t("notFound.checklist") })
      .contractId,
  });
});

function documentRefusal(message: string) {
  return new AppError("validation", message, { fieldErrors: { document: [message] } });
}

export const action = defineAction(async ({ request, params }: ActionFunctionArgs) => {
  const alumnus = await requireAlumnus(request);
  parseParams(params, { contractId: recordId }, { message: t("notFound.checklist") });
  if (isUpload(request)) {
    // The document streams through the multipart reader; it is held whole only up to the limit.
    const chunks: Buffer[] = [];
    let fileName = "";
    const { fields, received } = await parseUpload(request, {
      schema: DocumentUploadSchema,
      file: "document",
      maxBytes: MAX_DOCUMENT_BYTES,
      intent: "upload",
      tooLarge: () => documentRefusal(DOCUMENT_MESSAGES.tooLarge),
      onFile: async (file) => {
        fileName = file.filename;
        for await (const chunk of file.data) chunks.push(Buffer.from(chunk));
      },
    });
    // Each step's form has its own intent, so the answer lands under the right file field.
    const intent = `upload:${fields.taskId}`;
    if (!received) throw documentRefusal(DOCUMENT_MESSAGES.missing);
    const result = await uploadOnboardingDocument({
      alumnus,
      taskId: fields.taskId,
      fileName,
      bytes: new Uint8Array(Buffer.concat(chunks)),
    });
    return {
      ok: true as const,
      intent,
      message: result.activated ? t("onboarding.activatedNow") : t("onboarding.uploadedNow"),
    };
  }
  const form = await submittedForm(request);
  const intent = String(form.get("intent") ?? "");
  if (!intent.startsWith("task_done:")) throw new AppError("bad_request", t("onboarding.reload"));
  const input = await parseForm(request, TaskSchema, form);
  const result = await completeOnboardingTask({ actor: alumnus, taskId: input.taskId });
  return {
    ok: true as const,
    intent,
    message: result.activated ? t("onboarding.activatedNow") : t("onboarding.doneNow"),
  };
});

const day = (iso: string) => dateInWords(iso.slice(0, 10));

const MINE_WORDS = {
  due: (date: string) => t("onboarding.due", { date: day(date) }),
  overdue: t("onboarding.overdue"),
  done: t("onboarding.done"),
  carriedOver: t("onboarding.carriedOver"),
  optional: t("onboarding.optional"),
};
const OURS_WORDS = { ...MINE_WORDS, due: (date: string) => t("onboarding.dueOurs", { date: day(date) }) };

/** The answer to a step's form, shown at the top once the step's form is gone (it is done). */
function ResultNotice() {
  const result = useActionResult();
  if (!result?.intent) return null;
  // A refused upload is shown next to its file field.
  if (!result.ok && result.intent.startsWith("upload:")) return null;
  return <ActionNotice intent={result.intent} />;
}

export default function PortalOnboarding() {
  const page = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link to={`/portal/contracts/${page.id}`} className="text-brand underline">
          ← {t("contract.title")}
        </Link>
      </p>
      <div>
        <h1 className="text-2xl font-semibold">{t("onboarding.title")}</h1>
        {page.running && !page.active ? (
          <p className="mt-2 text-lg">{t("onboarding.intro", { role: page.role })}</p>
        ) : null}
      </div>
      <ResultNotice />
      {page.active ? <Notice tone="success">{t("onboarding.activeNow")}</Notice> : null}
      {!page.running ? <Notice tone="info">{t("onboarding.stopped")}</Notice> : null}
      <section aria-labelledby="mine-heading" className="rounded-lg border border-line bg-white p-5">
        <h2 id="mine-heading" className="mb-3 text-lg font-semibold">
          {t("onboarding.mineHeading")}
        </h2>
        <TaskList
          tasks={page.mine}
          words={MINE_WORDS}
          meta={(task) =>
            task.documents.map((d) => (
              <a
                key={d.id}
                href={`/portal/onboarding/documents/${d.id}`}
                className="block text-brand underline"
              >
                {t("onboarding.uploaded", { file: d.fileName })}
              </a>
            ))
          }
          actions={(task) =>
            task.status !== "open" || !task.mine ? null : task.kind === "document" ? (
              <DocumentUploadForm
                taskId={task.id}
                label={t("onboarding.uploadLabel", { size: MAX_DOCUMENT_LABEL })}
                hint={t("onboarding.uploadHint")}
                button={t("onboarding.uploadButton")}
              />
            ) : (
              <TaskDoneForm taskId={task.id} label={t("onboarding.markDone")} answeredAbove />
            )
          }
        />
      </section>
      {page.others.length ? (
        <section aria-labelledby="others-heading" className="rounded-lg border border-line bg-white p-5">
          <h2 id="others-heading" className="mb-3 text-lg font-semibold">
            {t("onboarding.othersHeading")}
          </h2>
          <TaskList tasks={page.others} words={OURS_WORDS} />
        </section>
      ) : null}
    </div>
  );
}
