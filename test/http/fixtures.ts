import { db } from "~/platform/db.server";
import { createSession } from "~/platform/session.server";
import { createAlumnus, createDecision, createStaffUser, createTeam } from "../factories";
import type { Role } from "./route-policy";

/**
 * One user per role (with a live session) and one record of each kind, so every route in the
 * policy table can be requested with real ids. Extend `records` when a route needs a new kind.
 */
export async function buildAuthzFixtures() {
  const team = await createTeam(db);
  const otherTeam = await createTeam(db);
  const users = {
    hr: await createStaffUser(db, { role: "hr" }),
    manager: await createStaffUser(db, { role: "manager", teamId: team.id }),
    admin: await createStaffUser(db, { role: "admin" }),
  };
  const alumnus = await createAlumnus(db);
  const decision = await createDecision(db);
  /** A fresh session per request, so a route that ends sessions (sign-out) does not leak into the next check. */
  const cookieFor = async (role: Role): Promise<string | null> => {
    if (role === "anonymous") return null;
    const subject = role === "alumnus" ? { alumnusId: alumnus.id } : { userId: users[role].id };
    return (await createSession(subject, {})).setCookie.split(";")[0];
  };
  const records: Record<string, string> = {
    alumnusId: alumnus.id,
    decisionId: decision.id,
    teamId: team.id,
    otherTeamId: otherTeam.id,
    hrUserId: users.hr.id,
    managerUserId: users.manager.id,
  };
  return { users, cookieFor, records };
}

export function fillPath(path: string, records: Record<string, string>) {
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = records[name];
    if (!value) throw new Error(`The authorization fixtures have no "${name}" (needed by ${path}).`);
    return encodeURIComponent(value);
  });
}
