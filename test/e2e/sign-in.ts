import type { Browser, BrowserContext, Page } from "playwright-core";
import { db } from "~/platform/db.server";
import type { RoleId } from "~/platform/permissions";
import { createStaffUser } from "../factories";
import { signInStaff, watchConsole } from "./browser";

/** The password every journey's staff members are created with. */
export const STAFF_PASSWORD = "journey staff password";

type StaffUser = Awaited<ReturnType<typeof createStaffUser>>;

/** A staff member with `role` who can sign in with STAFF_PASSWORD. */
export function createStaffMember(role: RoleId, options: { name?: string; teamId?: string | null } = {}) {
  return createStaffUser(db, { role, name: options.name, teamId: options.teamId, password: STAFF_PASSWORD });
}

type SignInOptions = {
  viewport?: { width: number; height: number };
  acceptDownloads?: boolean;
};

export type SignedIn = {
  user: StaffUser;
  context: BrowserContext;
  page: Page;
  /** The page's console errors and page errors; a journey ends by expecting none. */
  problems: string[];
};

/**
 * `user` (made by `createStaffMember`) signed in through the real sign-in form, on a page of a
 * browser context of its own, with its console watched.
 */
export async function signInAs(
  browser: Browser,
  appUrl: string,
  user: StaffUser,
  options: SignInOptions = {},
): Promise<SignedIn> {
  const context = await browser.newContext({
    ...(options.viewport ? { viewport: options.viewport } : {}),
    acceptDownloads: options.acceptDownloads ?? false,
  });
  const page = await context.newPage();
  const problems = watchConsole(page);
  await signInStaff(page, appUrl, { email: user.email, password: STAFF_PASSWORD });
  return { user, context, page, problems };
}

/** A new HR user, signed in (see `signInAs`). */
export async function signInAsHr(
  browser: Browser,
  appUrl: string,
  options: SignInOptions & { name?: string } = {},
): Promise<SignedIn> {
  return signInAs(browser, appUrl, await createStaffMember("hr", { name: options.name }), options);
}
