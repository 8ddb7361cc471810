import { randomToken, sha256 } from "~/platform/crypto.server";
import { db, type Db } from "~/platform/db.server";
import { env } from "~/platform/env.server";

/**
 * Single-use links: staff invitations and password resets (ADR 011), and the alumni portal's
 * sign-in link (ADR 037). The link carries 256 random bits; only their SHA-256 is stored. A new
 * link voids the older unused ones of the same purpose: a staff link those sent to the same
 * address, an alumni sign-in link those of the same person, whichever of their addresses
 * (work or personal) they went to. Redeeming is one
 * conditional UPDATE, so of any number of parallel redemptions exactly one wins.
 */
export type StaffTokenPurpose = "staff_invite" | "password_reset";
export type TokenPurpose = StaffTokenPurpose | "alumnus_sign_in";

export const TOKEN_LIFETIME_MINUTES: Record<TokenPurpose, number> = {
  staff_invite: 72 * 60,
  password_reset: 30,
  alumnus_sign_in: 15,
};

const PATH: Record<TokenPurpose, string> = {
  staff_invite: "/invitation",
  password_reset: "/reset-password",
  alumnus_sign_in: "/portal/sign-in",
};

/** Staff links name a user; the alumni sign-in link names an alumnus. */
const SUBJECT: Record<TokenPurpose, "userId" | "alumnusId"> = {
  staff_invite: "userId",
  password_reset: "userId",
  alumnus_sign_in: "alumnusId",
};

/** A fresh token and the link that carries it. Made before the transaction so the email can be rendered first. */
export function newLink(purpose: TokenPurpose) {
  const token = randomToken(32);
  return { token, url: `${env().appUrl}${PATH[purpose]}/${token}` };
}

/** Only well-formed tokens reach the database (randomToken(32) is 43 base64url characters). */
export function isWellFormedToken(token: string | undefined): token is string {
  return !!token && /^[A-Za-z0-9_-]{43}$/.test(token);
}

/**
 * Stores the token's hash and voids older unused links of the same purpose: for the address
 * (staff links), or for the person (alumni sign-in: a link sent to the personal address voids
 * the one sent to the work address, and the other way round).
 */
export async function storeAuthToken(
  tx: Db,
  input: {
    purpose: TokenPurpose;
    token: string;
    email: string;
    createdById?: string | null;
    now?: Date;
  } & ({ userId: string; alumnusId?: undefined } | { alumnusId: string; userId?: undefined }),
) {
  if (!input[SUBJECT[input.purpose]]) {
    throw new Error(`A ${input.purpose} link needs the ${SUBJECT[input.purpose]} it is for.`);
  }
  const now = input.now ?? new Date();
  const older =
    SUBJECT[input.purpose] === "alumnusId" ? { alumnusId: input.alumnusId } : { email: input.email };
  const voided = await tx.authToken.updateMany({
    where: { purpose: input.purpose, ...older, usedAt: null, voidedAt: null },
    data: { voidedAt: now },
  });
  const expiresAt = new Date(now.getTime() + TOKEN_LIFETIME_MINUTES[input.purpose] * 60_000);
  const row = await tx.authToken.create({
    data: {
      purpose: input.purpose,
      tokenHash: sha256(input.token),
      email: input.email,
      userId: input.userId ?? null,
      alumnusId: input.alumnusId ?? null,
      createdById: input.createdById ?? null,
      expiresAt,
    },
    select: { id: true, expiresAt: true },
  });
  return { id: row.id, expiresAt: row.expiresAt, voidedOlder: voided.count };
}

/** The token row if the link can still be used (read-only: for showing the page). */
export async function findUsableToken(purpose: TokenPurpose, token: string | undefined, tx: Db = db) {
  if (!isWellFormedToken(token)) return null;
  const row = await tx.authToken.findUnique({ where: { tokenHash: sha256(token) } });
  if (
    !row ||
    row.purpose !== purpose ||
    row.usedAt ||
    row.voidedAt ||
    row.expiresAt <= new Date() ||
    !row[SUBJECT[purpose]]
  )
    return null;
  return row;
}

/**
 * Marks the token used if, and only if, it is still usable, in one statement. Concurrent callers
 * queue on the row lock and re-check the condition, so at most one gets the row back.
 */
export async function consumeAuthToken(tx: Db, purpose: TokenPurpose, token: string) {
  if (!isWellFormedToken(token)) return null;
  const rows = await tx.$queryRaw<
    {
      id: string;
      userId: string | null;
      alumnusId: string | null;
      email: string;
      createdById: string | null;
    }[]
  >`
    UPDATE "AuthToken" SET "usedAt" = now()
    WHERE "tokenHash" = ${sha256(token)}
      AND "purpose" = ${purpose}::"TokenPurpose"
      AND "usedAt" IS NULL AND "voidedAt" IS NULL AND "expiresAt" > now()
    RETURNING "id", "userId", "alumnusId", "email", "createdById"`;
  return rows[0] ?? null;
}

/** Voids every unused link of a user (deactivation, password change). */
export async function voidTokensOfUser(
  tx: Db,
  userId: string,
  purposes: StaffTokenPurpose[] = ["staff_invite", "password_reset"],
) {
  const result = await tx.authToken.updateMany({
    where: { userId, purpose: { in: purposes }, usedAt: null, voidedAt: null },
    data: { voidedAt: new Date() },
  });
  return result.count;
}

/** The one answer for unknown, expired, used and voided links. */
export const INVALID_LINK_MESSAGE =
  "This link is not valid any more. Links work once and expire; ask for a new one if you still need it.";
