import type { AlumnusUser } from "~/platform/auth.server";
import { recordAudit } from "~/platform/audit.server";
import { csvRow } from "~/platform/csv";
import { db } from "~/platform/db.server";
import { collectPersonalData, WITHHELD, type PersonalData } from "./personal-data.server";

export type ExportFormat = "json" | "csv";

/** What the export says about itself and about withheld values (the portal's words, passed in). */
export type ExportWording = {
  about: string;
  withheld: Record<"internal" | "secret", string>;
  sections: Record<string, string>;
};

function asJson(data: PersonalData, wording: ExportWording, exportedAt: Date) {
  return JSON.stringify(
    {
      exportedAt: exportedAt.toISOString(),
      about: wording.about,
      withheldValues: { marker: WITHHELD, ...wording.withheld },
      sections: data.map((s) => ({
        table: s.model,
        title: wording.sections[s.key] ?? s.key,
        rows: s.rows,
        withheld: s.withheld.map((w) => ({ ...w, why: wording.withheld[w.reason] })),
      })),
    },
    null,
    2,
  );
}

/** One line per value: section, row, field, value (a spreadsheet shows every table the same way). */
function cellText(value: unknown): unknown {
  if (value === null || value === undefined) return "";
  if (typeof value === "object") return JSON.stringify(value);
  return value;
}

function asCsv(data: PersonalData, wording: ExportWording, exportedAt: Date) {
  let out = `\uFEFF${csvRow(["Section", "Table", "Row", "Field", "Value"])}`;
  out += csvRow(["About this file", "", "", "exportedAt", exportedAt.toISOString()]);
  out += csvRow(["About this file", "", "", "about", wording.about]);
  for (const [reason, why] of Object.entries(wording.withheld))
    out += csvRow(["About this file", "", "", `${WITHHELD} (${reason})`, why]);
  for (const section of data) {
    const title = wording.sections[section.key] ?? section.key;
    if (section.rows.length === 0) {
      out += csvRow([title, section.model, "", "", ""]);
      continue;
    }
    section.rows.forEach((row, index) => {
      for (const [field, value] of Object.entries(row))
        out += csvRow([title, section.model, index + 1, field, cellText(value)]);
    });
  }
  return out;
}

/**
 * The person downloads everything held about them (ADR 040), as JSON or CSV. Read in one
 * transaction (a consistent picture) that also writes the audit event.
 */
export async function exportPersonalData(options: {
  actor: AlumnusUser;
  format: ExportFormat;
  wording: ExportWording;
  now?: Date;
}) {
  const { actor, format, wording } = options;
  const exportedAt = options.now ?? new Date();
  const data = await db.$transaction(async (tx) => {
    const collected = await collectPersonalData(tx, actor.id);
    await recordAudit(tx, {
      actor: { type: "alumnus", id: actor.id, name: actor.name },
      action: "alumnus.data_exported",
      entityType: "alumnus",
      entityId: actor.id,
      after: {
        format,
        rows: Object.fromEntries(collected.filter((s) => s.rows.length).map((s) => [s.model, s.rows.length])),
      },
    });
    return collected;
  });
  return {
    body: format === "json" ? asJson(data, wording, exportedAt) : asCsv(data, wording, exportedAt),
    contentType: format === "json" ? "application/json; charset=utf-8" : "text/csv; charset=utf-8",
    fileName: `my-data-${exportedAt.toISOString().slice(0, 10)}.${format}`,
  };
}
