/**
 * The product's import fields and how HR-system export headers map onto them. Header names
 * are only ever compared as strings (never used as object keys), so a `__proto__` or
 * `constructor` column is just another column.
 */
export const IMPORT_FIELD_KEYS = [
  "hrId",
  "fullName",
  "firstName",
  "lastName",
  "preferredName",
  "workEmail",
  "personalEmail",
  "jobTitle",
  "department",
  "location",
  "hireDate",
  "exitDate",
  "exitReason",
  "exitType",
  "regrettable",
  "rehireFlag",
  "managerName",
  "decision",
] as const;

export type ImportField = (typeof IMPORT_FIELD_KEYS)[number];

export type FieldInfo = { key: ImportField; label: string; hint: string; synonyms: readonly string[] };

export const IMPORT_FIELDS: readonly FieldInfo[] = [
  {
    key: "hrId",
    label: "Employee ID",
    hint: "The HR system's id; used to recognise the person on the next import.",
    synonyms: [
      "employee id",
      "employee",
      "employee number",
      "employee no",
      "worker id",
      "person id",
      "user employee id",
      "userid",
      "user id",
      "personidexternal",
      "emp id",
      "id",
    ],
  },
  {
    key: "fullName",
    label: "Full name",
    hint: "Split into first and last name at the last space (use First and Last name columns when the export has them).",
    synonyms: ["legal name", "full name", "name", "employee name", "worker", "worker name"],
  },
  {
    key: "firstName",
    label: "First name",
    hint: "",
    synonyms: ["first name", "given name", "legal first name", "firstname", "first"],
  },
  {
    key: "lastName",
    label: "Last name",
    hint: "",
    synonyms: ["last name", "family name", "surname", "legal last name", "lastname", "last"],
  },
  {
    key: "preferredName",
    label: "Preferred name",
    hint: "",
    synonyms: ["preferred name", "nickname", "preferred first name", "known as"],
  },
  {
    key: "workEmail",
    label: "Work email",
    hint: "Recognises the person when there is no employee id.",
    synonyms: [
      "work email",
      "primary work email",
      "email",
      "business email",
      "email address",
      "company email",
      "work email address",
    ],
  },
  {
    key: "personalEmail",
    label: "Personal email",
    hint: "",
    synonyms: [
      "personal email",
      "home email",
      "private email",
      "personal email address",
      "home email address",
    ],
  },
  {
    key: "jobTitle",
    label: "Job title",
    hint: "",
    synonyms: ["job title", "job profile", "position", "title", "business title", "job", "position title"],
  },
  {
    key: "department",
    label: "Department",
    hint: "",
    synonyms: ["department", "supervisory organization", "organization", "division", "org unit", "team"],
  },
  {
    key: "location",
    label: "Location",
    hint: "",
    synonyms: ["location", "work location", "office", "city", "site"],
  },
  {
    key: "hireDate",
    label: "Hire date",
    hint: "Read in the date format chosen below.",
    synonyms: ["hire date", "original hire date", "start date", "date of hire", "hiredate", "hire"],
  },
  {
    key: "exitDate",
    label: "Exit date",
    hint: "Read in the date format chosen below; a future date is refused.",
    synonyms: [
      "termination date",
      "exit date",
      "end date",
      "last day",
      "last day of work",
      "last day worked",
      "separation date",
      "date of termination",
      "termination",
    ],
  },
  {
    key: "exitReason",
    label: "Exit reason",
    hint: "Turned into Comeback's exit reasons; the original wording is kept.",
    synonyms: [
      "primary termination reason",
      "termination reason",
      "exit reason",
      "reason for leaving",
      "event reason",
      "separation reason",
      "reason",
    ],
  },
  {
    key: "exitType",
    label: "Exit type",
    hint: 'Voluntary or involuntary; helps read short reasons such as "Restructuring".',
    synonyms: ["termination type", "exit type", "separation type", "event"],
  },
  {
    key: "regrettable",
    label: "Regrettable",
    hint: "Yes or No.",
    synonyms: ["regrettable termination", "regrettable", "regretted", "regrettable exit"],
  },
  {
    key: "rehireFlag",
    label: "Eligible for rehire",
    hint: "Yes, No or Upon review.",
    synonyms: [
      "eligible for rehire",
      "eligible for re hire",
      "rehire eligible",
      "ok to rehire",
      "rehire",
      "rehireable",
      "eligible to rehire",
    ],
  },
  {
    key: "managerName",
    label: "Manager",
    hint: "",
    synonyms: ["manager", "supervisor", "manager name", "reports to", "line manager"],
  },
  {
    key: "decision",
    label: "Workforce decision",
    hint: "The title of the workforce decision the person left under.",
    synonyms: ["workforce decision", "decision", "automation decision", "program"],
  },
];

export const FIELD_LABEL: Record<ImportField, string> = Object.fromEntries(
  IMPORT_FIELDS.map((f) => [f.key, f.label]),
) as Record<ImportField, string>;

export const IMPORT_SYSTEMS = ["workday", "bamboohr", "successfactors", "generic"] as const;
export type ImportSystem = (typeof IMPORT_SYSTEMS)[number];
export const SYSTEM_LABEL: Record<ImportSystem, string> = {
  workday: "Workday",
  bamboohr: "BambooHR",
  successfactors: "SAP SuccessFactors",
  generic: "Other / generic",
};

/** "Eligible For Re-hire" -> "eligible for re hire" */
export function normalizeHeader(header: string): string {
  return header
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[#]/g, " ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

export function detectSystem(headers: readonly string[]): ImportSystem {
  const set = new Set(headers.map(normalizeHeader));
  if (
    set.has("primary termination reason") ||
    set.has("supervisory organization") ||
    set.has("legal name") ||
    set.has("job profile")
  )
    return "workday";
  if (
    headers.some((h) => h.trim() === "Employee #") ||
    set.has("eligible for re hire") ||
    set.has("termination type")
  )
    return "bamboohr";
  if (set.has("user employee id") || set.has("personidexternal") || set.has("event reason"))
    return "successfactors";
  return "generic";
}

/** Column mapping as stored: field -> header text (exactly as in the file). */
export type ColumnMapping = Partial<Record<ImportField, string>>;

/**
 * A first suggestion from header names: each header is used once, the best-known synonym wins.
 * HR confirms or changes it on the mapping page.
 */
export function suggestMapping(headers: readonly string[]): ColumnMapping {
  const normalized = headers.map(normalizeHeader);
  const used = new Set<number>();
  const out: ColumnMapping = {};
  // Longer, more specific synonyms first, so "primary work email" beats "email".
  const candidates: { field: ImportField; synonym: string; rank: number }[] = [];
  for (const field of IMPORT_FIELDS)
    field.synonyms.forEach((synonym, rank) => candidates.push({ field: field.key, synonym, rank }));
  candidates.sort((a, b) => b.synonym.length - a.synonym.length || a.rank - b.rank);
  for (const { field, synonym } of candidates) {
    if (out[field] !== undefined) continue;
    const index = normalized.findIndex((h, i) => !used.has(i) && h === synonym);
    if (index >= 0) {
      out[field] = headers[index];
      used.add(index);
    }
  }
  if (out.fullName !== undefined && out.firstName !== undefined && out.lastName !== undefined)
    delete out.fullName;
  return out;
}

/** Problems with a mapping that stop an import before any row is read. */
export function mappingProblems(mapping: ColumnMapping, headers: readonly string[]): string[] {
  const problems: string[] = [];
  const present = new Set(headers);
  for (const [field, header] of Object.entries(mapping) as [ImportField, string][]) {
    if (header && !present.has(header))
      problems.push(
        `${FIELD_LABEL[field]} is mapped to the column "${header}", which this file does not have.`,
      );
  }
  if (!mapping.hrId && !mapping.workEmail)
    problems.push(
      "Map the Employee ID or the Work email column: one of them recognises people on the next import.",
    );
  const hasNames = (mapping.firstName && mapping.lastName) || mapping.fullName;
  if (!hasNames) problems.push("Map First name and Last name, or a Full name column.");
  return problems;
}
