import type { Db } from "~/platform/db.server";
import { AppError } from "~/platform/errors";
import { DEFAULT_RULES, parseRules, type PolicyRules } from "./policy";

/** Reading policies: the published one, the draft, the version history. */
export type PolicyView = {
  id: string;
  version: number | null;
  status: "draft" | "published" | "superseded";
  rules: PolicyRules;
  summary: string | null;
  publishedAt: Date | null;
  publishedById: string | null;
  updatedAt: Date;
  /** The draft's saves that changed its rules (ADR 087). */
  revision: number;
};

function toView(row: {
  id: string;
  version: number | null;
  status: "draft" | "published" | "superseded";
  rules: unknown;
  summary: string | null;
  publishedAt: Date | null;
  publishedById: string | null;
  updatedAt: Date;
  revision: number;
}): PolicyView {
  return { ...row, rules: parseRules(row.rules) };
}

const select = {
  id: true,
  version: true,
  status: true,
  rules: true,
  summary: true,
  publishedAt: true,
  publishedById: true,
  updatedAt: true,
  revision: true,
} as const;

export async function getPublishedPolicy(tx: Db): Promise<(PolicyView & { version: number }) | null> {
  const row = await tx.eligibilityPolicy.findFirst({
    where: { status: "published" },
    orderBy: { version: "desc" },
    select,
  });
  return row ? (toView(row) as PolicyView & { version: number }) : null;
}

export async function getDraftPolicy(tx: Db): Promise<PolicyView | null> {
  const row = await tx.eligibilityPolicy.findFirst({
    where: { status: "draft" },
    orderBy: { createdAt: "asc" },
    select,
  });
  return row ? toView(row) : null;
}

export async function getPolicyVersion(tx: Db, version: number): Promise<PolicyView & { version: number }> {
  const row = await tx.eligibilityPolicy.findUnique({ where: { version }, select });
  if (!row)
    throw new AppError("not_found", `There is no published version ${version} of the eligibility policy.`);
  return toView(row) as PolicyView & { version: number };
}

export async function listPolicyVersions(tx: Db) {
  const rows = await tx.eligibilityPolicy.findMany({
    where: { status: { in: ["published", "superseded"] } },
    orderBy: { version: "desc" },
    select: { id: true, version: true, status: true, summary: true, publishedAt: true, publishedById: true },
    take: 100,
  });
  const publishers = await tx.user.findMany({
    where: { id: { in: rows.map((r) => r.publishedById).filter((id): id is string => !!id) } },
    select: { id: true, name: true },
  });
  const names = new Map(publishers.map((u) => [u.id, u.name]));
  return rows.map((r) => ({
    ...r,
    version: r.version as number,
    publishedByName: r.publishedById ? (names.get(r.publishedById) ?? null) : null,
  }));
}

/** The rules a new draft starts from: the published version's, or the defaults. */
export async function startingRules(tx: Db): Promise<PolicyRules> {
  return (await getPublishedPolicy(tx))?.rules ?? DEFAULT_RULES;
}
