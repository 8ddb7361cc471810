/**
 * The text the alumni search matches against (trigram index on Alumnus.searchText): names,
 * emails, job title and skills, lower-cased and accent-folded so "jorgen" finds "Jörgen".
 */
export function foldForSearch(value: string): string {
  return value
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

export function alumnusSearchText(a: {
  firstName: string;
  lastName: string;
  preferredName?: string | null;
  workEmail?: string | null;
  personalEmail?: string | null;
  jobTitle?: string | null;
  skills?: readonly string[] | null;
  hrId?: string | null;
}): string {
  return foldForSearch(
    [
      a.firstName,
      a.preferredName,
      a.lastName,
      a.workEmail,
      a.personalEmail,
      a.jobTitle,
      a.hrId,
      ...(a.skills ?? []),
    ]
      .filter(Boolean)
      .join(" "),
  );
}
