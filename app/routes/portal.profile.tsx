import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { SubmitButton, useValidatedForm, ValidatedForm } from "~/components/form";
import { longDate } from "~/components/portal/dates";
import { portalMeta } from "~/components/portal/portal-meta";
import { Text } from "~/components/portal/text";
import { Card, CheckboxList, SelectField, TextField } from "~/components/ui";
import { getOwnProfile } from "~/modules/alumni/get-own-profile.server";
import { ENGAGEMENTS, OwnProfileSchema, WEEK_DAYS } from "~/modules/alumni/own-profile-schema";
import { timeZoneOptions } from "~/modules/alumni/time-zones";
import { updateOwnProfile } from "~/modules/alumni/update-own-profile.server";
import { t, type PortalStringKey } from "~/modules/portal/strings";
import { requireAlumnus } from "~/platform/auth.server";
import { AppError } from "~/platform/errors";
import { defineAction, defineLoader, parseForm, submittedForm } from "~/platform/http.server";

export const meta = portalMeta("profile.title");

export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireAlumnus(request);
  const profile = await getOwnProfile({ actor });
  return { profile, timeZones: timeZoneOptions(new Date(), [profile.values.timeZone]) };
});

export const action = defineAction(async ({ request }: ActionFunctionArgs) => {
  const actor = await requireAlumnus(request);
  const form = await submittedForm(request);
  const intent = String(form.get("intent") ?? "");
  if (intent !== "profile") throw new AppError("bad_request", t("error.generic"));
  const input = await parseForm(request, OwnProfileSchema, form);
  const result = await updateOwnProfile({ actor, input });
  return {
    ok: true as const,
    intent,
    message: t(result.changed.length ? "profile.saved" : "profile.unchanged"),
  };
});

const ENGAGEMENT_LABEL: Record<(typeof ENGAGEMENTS)[number] | "", PortalStringKey> = {
  gig: "profile.engagement.gig",
  part_time: "profile.engagement.partTime",
  full_time: "profile.engagement.fullTime",
  "": "profile.engagement.none",
};

export default function PortalProfile() {
  const { profile, timeZones } = useLoaderData<typeof loader>();
  const layout = useRouteLoaderData<{ branding: { senderEmail: string } }>("routes/portal");
  const form = useValidatedForm(OwnProfileSchema, {
    intent: "profile",
    defaultValues: profile.values as never,
  });
  const echoedDays = form.values?.availabilityDays;
  const days = echoedDays !== undefined ? String(echoedDays).split(",") : profile.values.availabilityDays;
  const engagement = form.field("engagementPreference");
  const currentEngagement = (form.values?.engagementPreference ??
    profile.values.engagementPreference) as string;
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold">{t("profile.title")}</h1>
        <p className="mt-2 text-lg">{t("profile.intro", { company: useCompany() })}</p>
      </header>
      <ValidatedForm form={form} className="space-y-6">
        <input type="hidden" {...form.register("version")} defaultValue={profile.values.version} />
        <Card title={t("profile.section.contact")}>
          <div className="space-y-4">
            <TextField
              label={t("profile.field.preferredName")}
              hint={t("profile.hint.preferredName", { firstName: profile.firstName })}
              autoComplete="nickname"
              {...form.field("preferredName")}
            />
            <TextField
              label={t("profile.field.personalEmail")}
              hint={t("profile.hint.personalEmail")}
              type="email"
              autoComplete="email"
              {...form.field("personalEmail")}
            />
            <TextField
              label={t("profile.field.phone")}
              hint={t("profile.hint.phone")}
              type="tel"
              autoComplete="tel"
              {...form.field("phone")}
            />
            <TextField
              label={t("profile.field.location")}
              hint={t("profile.hint.location")}
              autoComplete="address-level2"
              {...form.field("location")}
            />
            <SelectField
              label={t("profile.field.timeZone")}
              hint={t("profile.hint.timeZone")}
              options={[{ value: "", label: t("profile.timeZone.none") }, ...timeZones]}
              {...form.field("timeZone")}
            />
            <TextField
              label={t("profile.field.languages")}
              hint={t("profile.hint.languages")}
              {...form.field("languages")}
            />
          </div>
        </Card>

        <Card title={t("profile.section.work")}>
          <div className="space-y-4">
            <fieldset aria-describedby={engagement.errors ? `${engagement.id}-error` : undefined}>
              <legend className="text-sm font-medium">{t("profile.field.engagement")}</legend>
              <div className="mt-2 space-y-2">
                {(["gig", "part_time", "full_time", ""] as const).map((value, i) => (
                  <label key={value || "none"} className="flex min-h-11 items-center gap-3 text-base">
                    <input
                      type="radio"
                      {...form.register("engagementPreference")}
                      value={value}
                      id={i === 0 ? engagement.id : undefined}
                      defaultChecked={currentEngagement === value}
                      className="h-5 w-5 shrink-0"
                    />
                    <span>{t(ENGAGEMENT_LABEL[value])}</span>
                  </label>
                ))}
              </div>
              {engagement.errors ? (
                <p id={`${engagement.id}-error`} className="mt-1 text-sm font-medium text-bad">
                  {engagement.errors[0]}
                </p>
              ) : null}
            </fieldset>
            <TextField
              label={t("profile.field.skills")}
              hint={t("profile.hint.skills")}
              {...form.field("skills")}
            />
          </div>
        </Card>

        <Card title={t("profile.section.availability")}>
          <div className="space-y-4">
            <TextField
              label={t("profile.field.hours")}
              hint={t("profile.hint.hours")}
              inputMode="numeric"
              className="max-w-xs"
              {...form.field("availabilityHours")}
            />
            <CheckboxList
              legend={t("profile.field.days")}
              name="availabilityDays"
              id={form.idFor("availabilityDays")}
              columns={2}
              options={WEEK_DAYS.map((d) => ({ value: d, label: t(`profile.day.${d}` as PortalStringKey) }))}
              selected={days}
              errors={form.errorsFor("availabilityDays")}
            />
            <div className="grid gap-4 sm:grid-cols-2">
              <TextField
                label={t("profile.field.from")}
                hint={t("profile.hint.time")}
                type="time"
                {...form.field("availabilityFrom")}
              />
              <TextField
                label={t("profile.field.to")}
                hint={t("profile.hint.time")}
                type="time"
                {...form.field("availabilityTo")}
              />
            </div>
            <TextField
              label={t("profile.field.earliestStart")}
              hint={t("profile.hint.earliestStart")}
              type="date"
              className="max-w-xs"
              {...form.field("earliestStart")}
            />
          </div>
        </Card>
        <SubmitButton className="min-h-11 w-full sm:w-auto">{t("profile.save")}</SubmitButton>
      </ValidatedForm>

      <Card title={t("profile.section.pastRoles")}>
        <p className="text-sm text-muted">
          <Text
            k="profile.pastRoles.intro"
            vars={{
              email: (
                <a className="text-brand underline" href={`mailto:${layout?.branding.senderEmail ?? ""}`}>
                  {layout?.branding.senderEmail}
                </a>
              ),
            }}
          />
        </p>
        {profile.roles.length === 0 ? (
          <p className="mt-3">{t("profile.pastRoles.empty")}</p>
        ) : (
          <ul className="mt-3 space-y-3">
            {profile.roles.map((r) => (
              <li key={r.id} className="border-l-2 border-line pl-3">
                <p className="font-medium">{[r.title, r.department].filter(Boolean).join(", ") || "—"}</p>
                <p className="text-sm text-muted">
                  {r.to
                    ? t("profile.pastRoles.period", { from: longDate(r.from), to: longDate(r.to) })
                    : t("profile.pastRoles.current", { from: longDate(r.from) })}
                  {r.location ? ` · ${r.location}` : ""}
                </p>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}

function useCompany() {
  return (
    useRouteLoaderData<{ branding: { companyName: string } }>("routes/portal")?.branding.companyName ?? ""
  );
}
