import { db } from "~/platform/db.server";
import { AppError } from "~/platform/errors";

/** The alumnus HR means by an HR id or an email address (work or personal), for "add an applicant". */
export async function findPersonForApplication(query: string) {
  const value = query.trim();
  const lower = value.toLowerCase();
  const matches = await db.alumnus.findMany({
    where: { OR: [{ hrId: value }, { workEmail: lower }, { personalEmail: lower }] },
    select: { id: true },
    take: 2,
  });
  if (matches.length === 0)
    throw new AppError("validation", "Nobody in the alumni pool has that HR id or email address.", {
      fieldErrors: { person: ["Nobody in the alumni pool has that HR id or email address."] },
    });
  if (matches.length > 1)
    throw new AppError("validation", "More than one person has that email address. Use their HR id.", {
      fieldErrors: { person: ["More than one person has that email address: use their HR id."] },
    });
  return matches[0].id;
}
