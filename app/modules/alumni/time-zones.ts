import { t } from "~/modules/portal/strings";

/**
 * The time-zone picker's choices: every IANA zone the runtime knows, grouped by region, each
 * with its current offset ("Stockholm (UTC+01:00)"). Built on the server for one moment, so the
 * page and the list agree.
 */
export type TimeZoneOption = { value: string; label: string; group: string };

function offsetOf(zone: string, at: Date): string {
  try {
    const part = new Intl.DateTimeFormat("en", { timeZone: zone, timeZoneName: "longOffset" })
      .formatToParts(at)
      .find((p) => p.type === "timeZoneName")?.value;
    const offset = part?.replace(/^GMT/, "") ?? "";
    return offset || "+00:00";
  } catch {
    return "";
  }
}

export function timeZoneOptions(at: Date, include: (string | null | undefined)[] = []): TimeZoneOption[] {
  const zones = new Set<string>(
    typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : ["UTC"],
  );
  zones.add("UTC");
  for (const zone of include) if (zone) zones.add(zone);
  return [...zones]
    .map((zone) => {
      const [region, ...rest] = zone.split("/");
      const city = (rest.length ? rest.join(" / ") : region).replace(/_/g, " ");
      return {
        value: zone,
        label: t("profile.timeZone.option", { city, offset: offsetOf(zone, at) }),
        group: rest.length ? region : "Other",
      };
    })
    .sort((a, b) => (a.group === b.group ? a.label.localeCompare(b.label) : a.group.localeCompare(b.group)));
}
