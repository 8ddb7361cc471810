import { db } from "~/platform/db.server";
import type { WelcomeContent } from "./welcome";

export const WELCOME_ID = "default";

/** The welcome page as HR last saved it, or null before anyone has written one. */
export async function getWelcome(): Promise<
  (WelcomeContent & { version: number; updatedAt: string }) | null
> {
  const row = await db.portalWelcome.findUnique({ where: { id: WELCOME_ID } });
  if (!row) return null;
  return {
    headline: row.headline,
    whatWeAreDoing: row.whatWeAreDoing,
    flexibleWork: row.flexibleWork,
    contactName: row.contactName,
    contactRole: row.contactRole ?? undefined,
    contactEmail: row.contactEmail,
    contactPhone: row.contactPhone ?? undefined,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}
