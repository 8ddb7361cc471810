import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import {
  ActionNotice,
  SubmitButton,
  useActionResult,
  useValidatedForm,
  ValidatedForm,
} from "~/components/form";
import { portalStatusSentence, PortalStatusBadge } from "~/components/pipeline/portal";
import { portalMeta } from "~/components/portal/portal-meta";
import { Notice } from "~/components/ui";
import { withdrawApplication } from "~/modules/applications/withdraw-application.server";
import { listMyApplications } from "~/modules/applications/portal-programs.server";
import { listMyContracts } from "~/modules/contracts/get-portal-contract.server";
import { ACTIVE_STATUSES } from "~/modules/applications/pipeline";
import { WithdrawSchema } from "~/modules/applications/schemas";
import { t } from "~/modules/portal/strings";
import { requireAlumnus } from "~/platform/auth.server";
import { AppError } from "~/platform/errors";
import { defineAction, defineLoader, parseForm } from "~/platform/http.server";

export const meta = portalMeta("applications.title");

export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  const alumnus = await requireAlumnus(request);
  const [applications, contracts] = await Promise.all([
    listMyApplications({ alumnus }),
    listMyContracts({ alumnus }),
  ]);
  return { applications, contracts };
});

export const action = defineAction(async ({ request }: ActionFunctionArgs) => {
  const alumnus = await requireAlumnus(request);
  const input = await parseForm(request, WithdrawSchema);
  // Each application's form has its own intent, so the answer lands next to the right one.
  const intent = `withdraw:${input.applicationId}`;
  try {
    await withdrawApplication({ actor: alumnus, applicationId: input.applicationId, version: input.version });
  } catch (error) {
    if (error instanceof AppError && error.code === "conflict")
      throw new AppError("conflict", t("applications.changed"));
    throw error;
  }
  return { ok: true as const, intent, message: t("applications.withdrawn") };
});

const CONTRACT_STATE_LABELS = {
  open: "contract.stateOpen",
  revising: "contract.stateRevising",
  accepted: "contract.stateAccepted",
  declined: "contract.stateDeclined",
  closed: "contract.stateClosed",
} as const;

/** "Withdraw this application", folded away until asked for (open again when it was refused). */
function WithdrawForm({ application }: { application: { id: string; version: number; title: string } }) {
  const form = useValidatedForm(WithdrawSchema, {
    intent: `withdraw:${application.id}`,
    defaultValues: { applicationId: application.id, version: application.version },
  });
  return (
    <details className="mt-3" open={form.summary ? true : undefined}>
      <summary className="cursor-pointer text-sm font-medium text-brand underline">
        {t("applications.withdraw")}
      </summary>
      <ValidatedForm form={form} className="mt-2 space-y-2">
        <p className="text-sm">{t("applications.withdrawExplain")}</p>
        <input type="hidden" name="applicationId" value={application.id} />
        <input type="hidden" name="version" value={application.version} />
        <SubmitButton variant="secondary">
          {t("applications.withdrawConfirm", { title: application.title })}
        </SubmitButton>
      </ValidatedForm>
    </details>
  );
}

/**
 * A withdrawal's answer at the top of the page: its success (the form is gone once it is
 * withdrawn), or a refusal whose form is no longer on the page.
 */
function WithdrawNotice({ formsShown }: { formsShown: string[] }) {
  const result = useActionResult();
  if (!result?.intent?.startsWith("withdraw")) return null;
  if (!result.ok && formsShown.includes(result.intent)) return null;
  return <ActionNotice intent={result.intent} />;
}

export default function MyApplications() {
  const { applications, contracts } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const withdrawable = (status: string) => (ACTIVE_STATUSES as readonly string[]).includes(status);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("applications.title")}</h1>
        <p className="mt-2 text-lg">{t("applications.intro")}</p>
      </div>
      {params.get("sent") ? <Notice tone="success">{t("apply.sent")}</Notice> : null}
      <WithdrawNotice
        formsShown={applications.filter((a) => withdrawable(a.status)).map((a) => `withdraw:${a.id}`)}
      />
      {contracts.length ? (
        <section
          aria-labelledby="contracts-heading"
          className="rounded-lg border-2 border-brand bg-white p-5"
        >
          <h2 id="contracts-heading" className="text-lg font-semibold">
            {t("contract.listTitle")}
          </h2>
          <ul className="mt-3 space-y-3">
            {contracts.map((c) => (
              <li key={c.id}>
                <Link to={`/portal/contracts/${c.id}`} className="font-medium text-brand underline">
                  {t("contract.read", { role: c.role })}
                </Link>
                <p className="text-sm text-muted">{t(CONTRACT_STATE_LABELS[c.state])}</p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {applications.length === 0 ? (
        <div className="rounded-lg border border-dashed border-line bg-white p-6">
          <p>{t("applications.none")}</p>
          <Link to="/portal/programs" className="mt-2 inline-block text-brand underline">
            {t("applications.browse")}
          </Link>
        </div>
      ) : (
        <ul className="space-y-4">
          {applications.map((a) => (
            <li key={a.id} className="rounded-lg border border-line bg-white p-5">
              <h2 className="text-lg font-semibold">
                <Link to={`/portal/programs/${a.program.id}`} className="text-brand underline">
                  {a.program.title}
                </Link>
              </h2>
              <p className="text-sm text-muted">
                {t("applications.appliedOn", { date: a.submittedOn ?? "" })}
              </p>
              <div className="mt-3 space-y-1">
                <PortalStatusBadge status={a.status} />
                <p>{portalStatusSentence(a.status)}</p>
              </div>
              {withdrawable(a.status) ? (
                <WithdrawForm application={{ id: a.id, version: a.version, title: a.program.title }} />
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
