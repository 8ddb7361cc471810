import { subMinutes } from "date-fns";
import type { StaffUser } from "~/platform/auth.server";
import { db } from "~/platform/db.server";
import { env } from "~/platform/env.server";
import { PERMISSIONS } from "~/platform/permissions";
import { describeDevice } from "./describe-device";

/** The account page: who I am, and where I am signed in (live sessions only). */
export async function getAccount({ actor }: { actor: StaffUser }) {
  const now = new Date();
  const [user, sessions] = await Promise.all([
    db.user.findUniqueOrThrow({
      where: { id: actor.id },
      select: {
        name: true,
        email: true,
        createdAt: true,
        lastSignInAt: true,
        passwordChangedAt: true,
        timeZone: true,
        role: { select: { label: true, description: true } },
        team: { select: { name: true } },
      },
    }),
    db.session.findMany({
      where: {
        userId: actor.id,
        revokedAt: null,
        expiresAt: { gt: now },
        lastSeenAt: { gt: subMinutes(now, env().SESSION_IDLE_MINUTES) },
      },
      orderBy: { lastSeenAt: "desc" },
      select: { id: true, createdAt: true, lastSeenAt: true, expiresAt: true, userAgent: true, ip: true },
    }),
  ]);
  return {
    name: user.name,
    email: user.email,
    roleLabel: user.role.label,
    roleDescription: user.role.description,
    teamName: user.team?.name ?? null,
    createdAt: user.createdAt.toISOString(),
    lastSignInAt: user.lastSignInAt?.toISOString() ?? null,
    passwordChangedAt: user.passwordChangedAt?.toISOString() ?? null,
    permissions: actor.permissions.map((p) => PERMISSIONS[p]),
    timeZone: user.timeZone ?? "UTC",
    sessions: sessions.map((s) => ({
      current: s.id === actor.sessionId,
      createdAt: s.createdAt.toISOString(),
      lastSeenAt: s.lastSeenAt.toISOString(),
      expiresAt: s.expiresAt.toISOString(),
      device: describeDevice(s.userAgent),
      ip: s.ip,
    })),
  };
}
