import { createContext, useContext } from "react";

/**
 * Times are stored in UTC and shown in the viewer's time zone: the staff member's account
 * setting, provided by the staff layout (UTC until they choose one). The UTC time is always a
 * hover away (the title), so two people comparing notes can agree.
 */
export const TimeZoneContext = createContext("UTC");

export const useTimeZone = () => useContext(TimeZoneContext);

/** "2026-12-06 14:05 UTC": for logs, hovers and places where the zone must not vary. */
export function formatUtc(iso: string | null | undefined, options: { seconds?: boolean } = {}) {
  if (!iso) return "—";
  return `${iso.slice(0, options.seconds ? 19 : 16).replace("T", " ")} UTC`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string, seconds: boolean) {
  const key = `${timeZone}|${seconds}`;
  let f = formatters.get(key);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat("en-GB", {
        timeZone,
        day: "numeric",
        month: "short",
        year: "numeric",
        hour: "2-digit",
        minute: "2-digit",
        second: seconds ? "2-digit" : undefined,
        hourCycle: "h23",
        timeZoneName: "short",
      });
    } catch {
      return formatter("UTC", seconds);
    }
    formatters.set(key, f);
  }
  return f;
}

/** "6 Dec 2026, 15:05 CET" in the given zone. */
export function formatInZone(iso: string, timeZone: string, options: { seconds?: boolean } = {}) {
  return formatter(timeZone, !!options.seconds).format(new Date(iso));
}

/** A time in the viewer's zone, the UTC time on hover. */
export function Time({
  iso,
  seconds,
  fallback = "—",
}: {
  iso: string | null | undefined;
  seconds?: boolean;
  fallback?: string;
}) {
  const timeZone = useTimeZone();
  if (!iso) return <span className="text-muted">{fallback}</span>;
  return (
    <time dateTime={iso} title={formatUtc(iso, { seconds })}>
      {formatInZone(iso, timeZone, { seconds })}
    </time>
  );
}

/** A time as words for a sentence ("Sending starts at 6 Dec 2026, 15:05 CET"). */
export function useFormatTime() {
  const timeZone = useTimeZone();
  return (iso: string | null | undefined) => (iso ? formatInZone(iso, timeZone) : "—");
}
