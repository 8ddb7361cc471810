import { createHash, createHmac } from "node:crypto";
import { Prisma, type Db } from "~/platform/db.server";
import { env } from "~/platform/env.server";

/**
 * The suppression list (ADR 040): after an erasure, keyed hashes of the person's employee ID and
 * email addresses, so a later import recognises them and skips the row, without the list holding
 * the values. HMAC-SHA256 under a server secret: without the secret, a list of hashes cannot be
 * checked against guessed addresses.
 *
 * The same HMAC is computed inside PostgreSQL (with the built-in sha256()) so an import of
 * 100,000 rows is matched set-based: HMAC(k, m) = H((k ^ opad) || H((k ^ ipad) || m)).
 */

function suppressionKey(): Buffer {
  const secret = env().SUPPRESSION_SECRET ?? `suppression:${env().sessionSecret}`;
  return createHash("sha256").update(`comeback-suppression-v1\n${secret}`).digest();
}

export type SuppressionKind = "hr_id" | "email";

/** What is hashed: a kind prefix and the value trimmed and lower-cased. */
export function suppressionMessage(kind: SuppressionKind, value: string) {
  return `${kind === "hr_id" ? "hr" : "email"}:${value.trim().toLowerCase()}`;
}

export function suppressionHash(kind: SuppressionKind, value: string): string {
  return createHmac("sha256", suppressionKey()).update(suppressionMessage(kind, value)).digest("hex");
}

/** The keyed hashes of a person's identifiers (empty values are left out, duplicates merged). */
export function suppressionEntries(person: {
  hrId: string | null;
  emails: (string | null | undefined)[];
}): { kind: SuppressionKind; keyHash: string }[] {
  const out = new Map<string, SuppressionKind>();
  if (person.hrId?.trim()) out.set(suppressionHash("hr_id", person.hrId), "hr_id");
  for (const email of person.emails) if (email?.trim()) out.set(suppressionHash("email", email), "email");
  return [...out].map(([keyHash, kind]) => ({ kind, keyHash }));
}

/** The inner and outer HMAC pads, as SQL parameters. */
function pads() {
  const key = Buffer.alloc(64);
  suppressionKey().copy(key);
  const ipad = Buffer.from(key.map((b) => b ^ 0x36));
  const opad = Buffer.from(key.map((b) => b ^ 0x5c));
  return { ipad, opad };
}

/** SQL for the keyed hash of a text expression under a kind prefix (NULL stays NULL). */
function sqlHash(prefix: "hr" | "email", column: Prisma.Sql, p: { ipad: Buffer; opad: Buffer }) {
  return Prisma.sql`encode(sha256(${p.opad}::bytea || sha256(${p.ipad}::bytea || convert_to(${`${prefix}:`} || lower(btrim(${column})), 'UTF8'))), 'hex')`;
}

export const SUPPRESSED_MESSAGE_SQL = Prisma.sql`'Skipped: this person asked for their data to be erased (' || e."reference" || '), so they are not imported again.'`;

/**
 * Marks the staged rows of an import that match the suppression list as "suppressed": they are
 * not applied, say why in the dry run, and keep none of the person's values. Rows already
 * rejected are left alone (nothing of them is imported). Returns the number of rows marked.
 */
export async function suppressImportRows(
  tx: Db,
  importId: string,
  rows?: { from: number; to: number },
): Promise<number> {
  const any = await tx.suppression.findFirst({ select: { keyHash: true } });
  if (!any) return 0;
  const p = pads();
  const hr = sqlHash("hr", Prisma.sql`r."hrId"`, p);
  const work = sqlHash("email", Prisma.sql`r."workEmail"`, p);
  const personal = sqlHash("email", Prisma.sql`r."personalEmail"`, p);
  return tx.$executeRaw`
    UPDATE "ImportRow" r SET "outcome" = 'suppressed', "alumnusId" = NULL, "conflicts" = NULL,
      "errors" = jsonb_build_array(jsonb_build_object('field', '_row', 'column', '(whole row)', 'message', ${SUPPRESSED_MESSAGE_SQL}, 'value', '')),
      "hrId" = NULL, "workEmail" = NULL, "personalEmail" = NULL, "firstName" = NULL, "lastName" = NULL,
      "preferredName" = NULL, "jobTitle" = NULL, "department" = NULL, "location" = NULL, "hireDate" = NULL,
      "exitDate" = NULL, "exitReason" = NULL, "exitReasonRaw" = NULL, "regrettable" = NULL, "hrRehireFlag" = NULL,
      "managerName" = NULL, "searchText" = NULL, "warnings" = NULL, "changes" = NULL
    FROM "Suppression" s JOIN "ErasureRequest" e ON e."id" = s."erasureRequestId"
    WHERE r."importId" = ${importId} AND r."outcome" IN ('pending', 'create', 'update', 'unchanged', 'rejected')
      ${rows ? Prisma.sql`AND r."rowNumber" BETWEEN ${rows.from} AND ${rows.to}` : Prisma.empty}
      AND s."keyHash" IN (${hr}, ${work}, ${personal})`;
}
