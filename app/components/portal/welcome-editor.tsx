import { useMemo } from "react";
import {
  welcomeFindingPlace,
  welcomeTone,
  WelcomeSchema,
  type WelcomeContent,
} from "~/modules/portal/welcome";
import { SubmitButton, ValidatedForm, useValidatedForm } from "../form";
import { ReadingGrade, ToneFindings, ToneSummary } from "../tone-report";
import { Card, TextArea, TextField } from "../ui";
import { accentStyle } from "./portal-shell";
import { WelcomeSections } from "./welcome";

/**
 * HR's editor for the portal's welcome page: the fields, the tone check of what alumni will read
 * (live while typing, and from the server after a save without JavaScript), and a preview in the
 * employer's colours.
 */
export function WelcomeEditor({
  saved,
  version,
  accentColor,
  canOverrideTone,
}: {
  saved: WelcomeContent | null;
  version: number;
  accentColor: string;
  canOverrideTone: boolean;
}) {
  const form = useValidatedForm(WelcomeSchema, {
    intent: "save-welcome",
    defaultValues: { ...(saved ?? {}), version },
  });
  const [headline, whatWeAreDoing, flexibleWork, contactName, contactRole, contactEmail, contactPhone] =
    form.watch([
      "headline",
      "whatWeAreDoing",
      "flexibleWork",
      "contactName",
      "contactRole",
      "contactEmail",
      "contactPhone",
    ]) as (string | undefined)[];
  const current: WelcomeContent = {
    headline: headline ?? "",
    whatWeAreDoing: whatWeAreDoing ?? "",
    flexibleWork: flexibleWork ?? "",
    contactName: contactName ?? "",
    contactRole: contactRole || undefined,
    contactEmail: contactEmail ?? "",
    contactPhone: contactPhone || undefined,
  };
  const report = useMemo(
    () => welcomeTone(current),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [current.headline, current.whatWeAreDoing, current.flexibleWork],
  );
  const hasText = !!(current.headline || current.whatWeAreDoing || current.flexibleWork);
  return (
    <div className="grid gap-6 xl:grid-cols-2">
      <Card title="Your words">
        <ValidatedForm form={form}>
          <input type="hidden" {...form.register("version")} />
          <TextField
            label="Headline"
            hint="One warm, honest line, for example “We would like you back, on your terms”."
            {...form.field("headline")}
          />
          <TextArea
            label="What we are doing, and why"
            rows={7}
            hint="Tell the truth about what changed and why you are reaching out. Leave a blank line between paragraphs."
            {...form.field("whatWeAreDoing")}
          />
          <TextArea
            label="What flexible work looks like"
            rows={6}
            hint="Hours, where people work from, how shifts are chosen, what is paid."
            {...form.field("flexibleWork")}
          />
          <fieldset className="space-y-4 rounded-md border border-line p-4">
            <legend className="px-1 text-sm font-medium">Who alumni can contact</legend>
            <TextField label="Name" autoComplete="off" {...form.field("contactName")} />
            <TextField label="Role" hint="For example “People Partner”." {...form.field("contactRole")} />
            <TextField label="Email" type="email" {...form.field("contactEmail")} />
            <TextField label="Phone" type="tel" hint="Optional." {...form.field("contactPhone")} />
          </fieldset>
          {canOverrideTone ? (
            <TextArea
              label="Reason to publish despite tone-check errors"
              rows={2}
              hint="Only when the tone check finds errors you decide to keep (for example wording Legal asked for). The reason is kept in the audit trail."
              {...form.field("toneOverrideReason")}
            />
          ) : null}
          <SubmitButton>Save welcome page</SubmitButton>
        </ValidatedForm>
      </Card>
      <div className="space-y-6">
        <Card title="Tone check" actions={hasText ? <ToneSummary report={report} /> : undefined}>
          {hasText ? (
            <div className="space-y-3">
              <ReadingGrade report={report} which="note" />
              <ToneFindings
                report={report}
                id="welcome-tone"
                placeOf={(finding) => welcomeFindingPlace(current, finding)}
              />
            </div>
          ) : (
            <p className="text-sm text-muted">Start writing: the check reads along.</p>
          )}
        </Card>
        <Card title="How alumni see it">
          <div style={accentStyle(accentColor)} className="rounded-md bg-paper p-4">
            {hasText ? (
              <WelcomeSections content={current} />
            ) : (
              <p className="text-sm text-muted">Nothing written yet.</p>
            )}
          </div>
        </Card>
      </div>
    </div>
  );
}
