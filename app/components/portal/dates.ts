/** A calendar day (YYYY-MM-DD or an ISO time) as the portal writes it: "2 March 2027". */
export function longDate(value: string | null | undefined): string {
  if (!value) return "";
  const day = value.slice(0, 10);
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(date);
}
