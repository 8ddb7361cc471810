import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { z } from "zod";
import { Link, useLoaderData } from "@remix-run/react";
import { SubmitButton, useValidatedForm, ValidatedForm } from "~/components/form";
import { ProgramDescription } from "~/components/pipeline/description";
import {
  openingsText,
  portalEngagement,
  portalStatusSentence,
  PortalStatusBadge,
} from "~/components/pipeline/portal";
import { portalMeta } from "~/components/portal/portal-meta";
import { CheckboxList, Facts, Notice, TextArea, TextField } from "~/components/ui";
import { getPortalProgram } from "~/modules/applications/portal-programs.server";
import { DAYS_OF_WEEK, PortalApplySchema } from "~/modules/applications/schemas";
import { submitApplication } from "~/modules/applications/submit-application.server";
import { t } from "~/modules/portal/strings";
import { requireAlumnus } from "~/platform/auth.server";
import { defineAction, defineLoader, parseFilters, parseForm, parseParams } from "~/platform/http.server";
import { recordId } from "~/platform/input";

export const meta = portalMeta("programs.title");

const FromInvitationQuery = z.object({ campaign: recordId.optional() });

export const loader = defineLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const alumnus = await requireAlumnus(request);
  const { programId } = parseParams(params, { programId: recordId });
  const page = await getPortalProgram({ alumnus, programId });
  // Arrived from an invitation's "apply" link: the application records that campaign (a value
  // that cannot be a record id is left out; the form works without it).
  const { campaign } = parseFilters(request, FromInvitationQuery).values;
  return { ...page, campaign: campaign ?? null };
});

export const action = defineAction(async ({ request, params }: ActionFunctionArgs) => {
  const alumnus = await requireAlumnus(request);
  const { programId } = parseParams(params, { programId: recordId });
  const { campaign, ...input } = await parseForm(request, PortalApplySchema);
  await submitApplication({ actor: alumnus, programId, input, campaignId: campaign });
  return redirect("/portal/applications?sent=1");
});

function ApplyForm({
  defaults,
  campaign,
}: {
  defaults: { availabilityHours: string; availabilityDays: string[]; earliestStart: string };
  campaign: string | null;
}) {
  const form = useValidatedForm(PortalApplySchema, {
    intent: "apply",
    defaultValues: {
      availabilityHours: defaults.availabilityHours,
      earliestStart: defaults.earliestStart,
    } as never,
  });
  const days =
    (form.values?.availabilityDays ? [form.values.availabilityDays] : undefined) ?? defaults.availabilityDays;
  return (
    <ValidatedForm form={form}>
      {campaign ? <input type="hidden" name="campaign" value={campaign} /> : null}
      <TextArea
        label={t("apply.motivation")}
        hint={t("apply.motivationHint")}
        rows={6}
        {...form.field("motivation")}
      />
      <TextField
        label={t("apply.hours")}
        hint={t("apply.hoursHint")}
        inputMode="numeric"
        {...form.field("availabilityHours")}
      />
      <CheckboxList
        id={form.idFor("availabilityDays")}
        legend={t("apply.days")}
        name="availabilityDays"
        columns={2}
        options={DAYS_OF_WEEK.map((d) => ({ value: d, label: t(`day.${d}`) }))}
        selected={days}
        errors={form.errorsFor("availabilityDays")}
      />
      <TextField
        label={t("apply.earliestStart")}
        hint={t("apply.earliestStartHint")}
        type="date"
        {...form.field("earliestStart")}
      />
      <SubmitButton>{t("apply.submit")}</SubmitButton>
    </ValidatedForm>
  );
}

export default function PortalProgram() {
  const {
    program: p,
    closedReason,
    notEligible,
    applied,
    defaults,
    campaign,
  } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link to="/portal/programs" className="text-brand underline">
          ← {t("programs.back")}
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">{p.title}</h1>
      <ProgramDescription text={p.description} />
      <section aria-labelledby="facts" className="rounded-lg border border-line bg-white p-5">
        <h2 id="facts" className="mb-3 text-lg font-semibold">
          {t("programs.facts")}
        </h2>
        <Facts
          items={[
            { label: t("programs.engagement"), value: portalEngagement(p.engagementType) },
            { label: t("programs.where"), value: p.remote ? t("programs.remote") : p.place },
            {
              label: t("programs.pay"),
              value: t("programs.rate", { min: p.rateMin, max: p.rateMax, currency: p.currency }),
            },
            { label: t("programs.openings"), value: openingsText(p.openings) },
            ...(p.closesOn
              ? [{ label: t("apply.title"), value: t("programs.closesOn", { date: p.closesOn }) }]
              : []),
          ]}
        />
      </section>
      <section aria-labelledby="apply" className="rounded-lg border border-line bg-white p-5">
        <h2 id="apply" className="mb-3 text-lg font-semibold">
          {t("apply.title")}
        </h2>
        {applied ? (
          <div className="space-y-2">
            <PortalStatusBadge status={applied.status} />
            <p>{portalStatusSentence(applied.status)}</p>
            <Link to="/portal/applications" className="text-brand underline">
              {t("nav.applications")}
            </Link>
          </div>
        ) : notEligible ? (
          <Notice tone="info">
            <strong className="block">{t("programs.notEligibleTitle")}</strong>
            {t("programs.notEligible")}
            <Link to="/portal/eligibility" className="mt-2 block text-brand underline">
              {t("programs.askReview")}
            </Link>
          </Notice>
        ) : closedReason ? (
          <Notice tone="info">
            <strong className="block">{t("programs.closedTitle")}</strong>
            {closedReason}
          </Notice>
        ) : (
          <>
            <p className="mb-4">{t("apply.intro")}</p>
            <ApplyForm defaults={defaults} campaign={campaign} />
          </>
        )}
      </section>
    </div>
  );
}
