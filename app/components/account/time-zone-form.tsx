import { useEffect, useState } from "react";
import { SubmitButton, useValidatedForm, ValidatedForm } from "~/components/form";
import { formatInZone } from "~/components/time";
import { Button, SelectField } from "~/components/ui";
import { TimeZoneSchema } from "~/modules/identity/schemas";

/**
 * The zone every time in the staff area is shown in. The list comes from the server (so the
 * page renders the same in the browser); once the page runs, it offers the browser's own zone.
 */
export function TimeZoneForm({ current, zones, now }: { current: string; zones: string[]; now: string }) {
  const form = useValidatedForm(TimeZoneSchema, {
    intent: "time-zone",
    defaultValues: { timeZone: current },
  });
  const [browserZone, setBrowserZone] = useState<string | null>(null);
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && zones.includes(zone)) setBrowserZone(zone);
  }, [zones]);
  const { setValue } = form;
  return (
    <ValidatedForm form={form} aria-label="Time zone">
      <SelectField
        label="Show times in"
        hint={`Now: ${formatInZone(now, current)}. Hover over any time to see it in UTC.`}
        {...form.field("timeZone")}
        options={zones.map((z) => ({ value: z, label: z.replace(/_/g, " ") }))}
      />
      {browserZone && browserZone !== current ? (
        <p className="text-sm">
          This browser is set to {browserZone.replace(/_/g, " ")}.{" "}
          <Button
            type="button"
            variant="ghost"
            className="px-1 py-0 underline"
            onClick={() => setValue("timeZone", browserZone, { shouldDirty: true })}
          >
            Use it
          </Button>
        </p>
      ) : null}
      <SubmitButton>Save time zone</SubmitButton>
    </ValidatedForm>
  );
}
