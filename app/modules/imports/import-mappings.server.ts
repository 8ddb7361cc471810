import { recordAudit } from "~/platform/audit.server";
import { actorOf, type StaffUser } from "~/platform/auth.server";
import { db, isUniqueViolation, Prisma, type Db } from "~/platform/db.server";
import { AppError } from "~/platform/errors";
import type { DateFormat } from "./convert";
import type { ColumnMapping, ImportSystem } from "./fields";
import type { ImportSettings } from "./schemas";

/** Saved mappings ("Workday terminations"): chosen by name on the next upload. */
export async function listImportMappings(tx: Db = db) {
  return tx.importMapping.findMany({
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      system: true,
      columns: true,
      dateFormat: true,
      valueMaps: true,
      decisionId: true,
      updatedAt: true,
    },
  });
}

export function settingsOfMapping(mapping: {
  system: string;
  columns: unknown;
  dateFormat: DateFormat;
  valueMaps: unknown;
  decisionId: string | null;
}): ImportSettings {
  const maps = (mapping.valueMaps ?? {}) as { exitReason?: Record<string, string> };
  return {
    system: mapping.system as ImportSystem,
    columns: (mapping.columns ?? {}) as ColumnMapping,
    dateFormat: mapping.dateFormat,
    reasonOverrides: { ...(maps.exitReason ?? {}) },
    decisionId: mapping.decisionId,
  };
}

/**
 * Saves a mapping under a name, or updates the mapping of that name (HR adjusted it). Audited
 * with before/after. The name is unique: two people saving the same new name get one row.
 */
export async function saveImportMapping(options: {
  actor: StaffUser;
  name: string;
  settings: ImportSettings;
  tx?: Db;
}) {
  const { actor, name, settings } = options;
  const write = async (tx: Db) => {
    const existing = await tx.importMapping.findUnique({ where: { name } });
    const data = {
      system: settings.system,
      columns: settings.columns as Prisma.InputJsonValue,
      dateFormat: settings.dateFormat,
      valueMaps: { exitReason: settings.reasonOverrides } as Prisma.InputJsonValue,
      decisionId: settings.decisionId,
    };
    const saved = existing
      ? await tx.importMapping.update({
          where: { id: existing.id },
          data: { ...data, version: { increment: 1 } },
        })
      : await tx.importMapping.create({ data: { ...data, name, createdById: actor.id } });
    await recordAudit(tx, {
      actor: actorOf(actor),
      action: "import_mapping.saved",
      entityType: "ImportMapping",
      entityId: saved.id,
      before: existing
        ? {
            columns: existing.columns,
            dateFormat: existing.dateFormat,
            valueMaps: existing.valueMaps,
            decisionId: existing.decisionId,
          }
        : null,
      after: { name, ...data },
    });
    return saved;
  };
  try {
    return options.tx ? await write(options.tx) : await db.$transaction(write);
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError(
        "conflict",
        `Someone saved a mapping called "${name}" at the same moment. Reload the page and try again.`,
      );
    throw error;
  }
}
