/** Times are stored and shown in UTC, labelled as such, so nobody has to guess a time zone. */
export function formatUtc(iso: string | null | undefined, options: { seconds?: boolean } = {}) {
  if (!iso) return "—";
  return `${iso.slice(0, options.seconds ? 19 : 16).replace("T", " ")} UTC`;
}

export function UtcTime({
  iso,
  seconds,
  fallback = "—",
}: {
  iso: string | null | undefined;
  seconds?: boolean;
  fallback?: string;
}) {
  if (!iso) return <span className="text-muted">{fallback}</span>;
  return <time dateTime={iso}>{formatUtc(iso, { seconds })}</time>;
}
