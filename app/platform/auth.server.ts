import { redirect } from "@remix-run/node";
import type { AuditActor } from "./audit.server";
import { db } from "./db.server";
import { AppError } from "./errors";
import { isPermission, type Permission, type RoleId } from "./permissions";
import { recordRefusal } from "./refusals.server";
import { safeRedirectPath } from "./safe-redirect";
import { findActiveSession, findActiveStaffSession } from "./session.server";

/**
 * Who is asking. Staff permissions are read from the Role/Permission rows on every request, so
 * a role change or deactivation takes effect on the user's next request.
 */
export type StaffUser = {
  kind: "staff";
  id: string;
  sessionId: string;
  email: string;
  name: string;
  role: RoleId;
  roleLabel: string;
  teamId: string | null;
  permissions: Permission[];
  /** The IANA zone times are shown in (the account setting); absent or null means UTC. */
  timeZone?: string | null;
};

export type AlumnusUser = { kind: "alumnus"; id: string; sessionId: string; name: string };

export type Viewer = StaffUser | AlumnusUser;

const staffCache = new WeakMap<Request, Promise<StaffUser | null>>();
const alumnusCache = new WeakMap<Request, Promise<AlumnusUser | null>>();

function cached<T>(cache: WeakMap<Request, Promise<T>>, request: Request, load: () => Promise<T>) {
  let pending = cache.get(request);
  if (!pending) {
    pending = load();
    cache.set(request, pending);
  }
  return pending;
}

/**
 * Who is asking: the staff member behind the staff cookie, else the alumnus behind the portal
 * cookie, else null. Cached per request. Each cookie is read only for its own kind (ADR 037).
 */
export async function getViewer(request: Request): Promise<Viewer | null> {
  return (await getStaffUser(request)) ?? (await getAlumnus(request));
}

async function loadStaffUser(request: Request): Promise<StaffUser | null> {
  const found = await findActiveStaffSession(request);
  if (!found) return null;
  const { session, user } = found;
  if (user.status !== "active") return null;
  return {
    kind: "staff",
    id: user.id,
    sessionId: session.id,
    email: user.email,
    name: user.name,
    role: user.roleId as RoleId,
    roleLabel: user.roleLabel,
    teamId: user.teamId,
    permissions: user.permissionKeys.filter(isPermission),
    timeZone: user.timeZone,
  };
}

async function loadAlumnus(request: Request): Promise<AlumnusUser | null> {
  const session = await findActiveSession(request, "alumnus");
  if (!session?.alumnusId) return null;
  const alumnus = await db.alumnus.findUnique({
    where: { id: session.alumnusId },
    select: { id: true, firstName: true, lastName: true, preferredName: true },
  });
  if (!alumnus) return null;
  return {
    kind: "alumnus",
    id: alumnus.id,
    sessionId: session.id,
    name: `${alumnus.preferredName || alumnus.firstName} ${alumnus.lastName}`,
  };
}

/** The signed-in alumnus behind the portal cookie, or null (pages open to everyone, such as the portal's sign-in). */
export function getAlumnus(request: Request): Promise<AlumnusUser | null> {
  return cached(alumnusCache, request, () => loadAlumnus(request));
}

/** The signed-in staff member behind the staff cookie, or null. */
export function getStaffUser(request: Request): Promise<StaffUser | null> {
  return cached(staffCache, request, () => loadStaffUser(request));
}

function signInRedirect(request: Request, path = "/sign-in") {
  const url = new URL(request.url);
  const target = safeRedirectPath(`${url.pathname}${url.search}`, "/staff");
  const query = target === "/staff" || target === "/" ? "" : `?redirectTo=${encodeURIComponent(target)}`;
  return redirect(`${path}${query}`);
}

/** Staff only: anonymous -> sign-in page; an alumnus -> 403. */
export async function requireStaffUser(request: Request): Promise<StaffUser> {
  const viewer = await getViewer(request);
  if (!viewer) throw signInRedirect(request);
  if (viewer.kind !== "staff") {
    await auditDenied(request, viewer, "staff area");
    throw new AppError("forbidden", "This part of Comeback is for staff.");
  }
  return viewer;
}

/** Coarse check for every loader and action; record-level checks live in the domain queries. */
export async function requirePermission(request: Request, permission: Permission): Promise<StaffUser> {
  const user = await requireStaffUser(request);
  if (!user.permissions.includes(permission)) {
    await auditDenied(request, user, permission);
    throw new AppError(
      "forbidden",
      "You do not have permission to do that. Ask an administrator if you need it.",
    );
  }
  return user;
}

/** Staff who hold at least one of the permissions (pages that show different things by role). */
export async function requireAnyPermission(request: Request, permissions: Permission[]): Promise<StaffUser> {
  const user = await requireStaffUser(request);
  if (!permissions.some((p) => user.permissions.includes(p))) {
    await auditDenied(request, user, permissions.join(" | "));
    throw new AppError("forbidden", "You do not have permission to see this page.");
  }
  return user;
}

/**
 * Alumni portal pages: the alumnus behind the portal cookie. Anonymous -> the portal's sign-in
 * page (back to this page afterwards); a staff session -> 403: staff never act as an alumnus.
 */
export async function requireAlumnus(request: Request): Promise<AlumnusUser> {
  const alumnus = await getAlumnus(request);
  if (alumnus) return alumnus;
  const staff = await getStaffUser(request);
  if (staff) {
    await auditDenied(request, staff, "alumni portal");
    throw new AppError(
      "forbidden",
      "These pages are for former colleagues, who sign in with a link sent to their email. Staff accounts cannot open them.",
    );
  }
  throw portalSignInRedirect(request);
}

function portalSignInRedirect(request: Request) {
  const url = new URL(request.url);
  const target = safeRedirectPath(`${url.pathname}${url.search}`, "/portal");
  const query =
    target === "/portal" || !target.startsWith("/portal/") ? "" : `?redirectTo=${encodeURIComponent(target)}`;
  return redirect(`/portal/sign-in${query}`);
}

export function actorOf(viewer: Viewer): AuditActor {
  return viewer.kind === "staff"
    ? { type: "staff", id: viewer.id, name: viewer.name, role: viewer.role }
    : { type: "alumnus", id: viewer.id, name: viewer.name };
}

async function auditDenied(request: Request, viewer: Viewer, needed: string) {
  // Aggregated per person and minute (a flood of refused requests is one event a minute).
  await recordRefusal({
    kind: "forbidden",
    actor: actorOf(viewer),
    method: request.method,
    path: new URL(request.url).pathname,
    reason: `needs ${needed}`,
  });
}
