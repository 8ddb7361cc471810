import type { StaffUser } from "~/platform/auth.server";
import { db } from "~/platform/db.server";
import { AppError, notFound } from "~/platform/errors";
import { startImportCheck } from "./check-import.server";
import { reasonKey } from "./convert";
import { mappingProblems } from "./fields";
import { saveImportMapping, settingsOfMapping } from "./import-mappings.server";
import { columnsOf, type ImportSettings, type MappingForm } from "./schemas";

/**
 * The mapping step's submit: the mapping HR confirmed (optionally saved by name for next time)
 * is applied to the uploaded file and the dry run starts.
 */
export async function configureImport(options: { actor: StaffUser; importId: string; form: MappingForm }) {
  const { actor, importId, form } = options;
  const run = await db.importRun.findUnique({
    where: { id: importId },
    select: { headers: true, settings: true, mappingId: true },
  });
  if (!run) throw notFound("That import");
  const base = form.mappingId ? await db.importMapping.findUnique({ where: { id: form.mappingId } }) : null;
  const previous = run.settings as ImportSettings | null;
  const settings: ImportSettings = {
    system: form.system,
    columns: columnsOf(form),
    dateFormat: form.dateFormat,
    reasonOverrides: base ? settingsOfMapping(base).reasonOverrides : (previous?.reasonOverrides ?? {}),
    decisionId: form.decisionId ?? null,
  };
  const problems = mappingProblems(settings.columns, run.headers);
  if (problems.length)
    throw new AppError("validation", problems.join(" "), { fieldErrors: { _form: problems } });
  let mapping: { id: string; name: string } | null = base ? { id: base.id, name: base.name } : null;
  if (form.saveAs) mapping = await saveImportMapping({ actor, name: form.saveAs, settings });
  await startImportCheck({
    actor,
    importId,
    settings,
    mappingId: mapping?.id ?? null,
    mappingName: mapping?.name ?? null,
  });
}

/**
 * HR's own reading of exit reasons the built-in rules did not know (or read differently):
 * stored on the import, and on its saved mapping so the next import knows them; the dry run
 * starts again.
 */
export async function setImportReasons(options: {
  actor: StaffUser;
  importId: string;
  overrides: { raw: string; reason: string }[];
}) {
  const { actor, importId } = options;
  const run = await db.importRun.findUnique({
    where: { id: importId },
    select: { settings: true, mappingId: true, mappingName: true },
  });
  if (!run?.settings) throw notFound("That import");
  const settings = run.settings as unknown as ImportSettings;
  const reasonOverrides = { ...settings.reasonOverrides };
  for (const o of options.overrides) reasonOverrides[reasonKey(o.raw)] = o.reason;
  const next = { ...settings, reasonOverrides };
  if (run.mappingId && run.mappingName) {
    const mapping = await db.importMapping.findUnique({ where: { id: run.mappingId } });
    if (mapping)
      await saveImportMapping({
        actor,
        name: mapping.name,
        settings: {
          ...settingsOfMapping(mapping),
          reasonOverrides: { ...settingsOfMapping(mapping).reasonOverrides, ...reasonOverrides },
        },
      });
  }
  await startImportCheck({
    actor,
    importId,
    settings: next,
    mappingId: run.mappingId,
    mappingName: run.mappingName,
  });
}
