/**
 * Factories shared by the demo seed and the tests. Deterministic for a given seed, and every
 * call makes unique keys, so tests never depend on what another test left behind.
 */
import { alumnusSearchText } from "~/modules/alumni/search-text";
import { hashPassword } from "~/modules/identity/password.server";
import type { Db, Prisma } from "~/platform/db.server";
import type { StaffUser } from "~/platform/auth.server";
import { ROLE_PERMISSIONS, ROLES, type RoleId } from "~/platform/permissions";

/** mulberry32: a tiny seeded PRNG, so the seed data is the same on every machine. */
export function createRng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
    chance: (p: number) => next() < p,
    sample: <T>(items: readonly T[], count: number): T[] => {
      const copy = [...items];
      const out: T[] = [];
      while (out.length < count && copy.length) out.push(copy.splice(Math.floor(next() * copy.length), 1)[0]);
      return out;
    },
  };
}
export type Rng = ReturnType<typeof createRng>;

let sequence = 0;
/** A value unique within this process (tests run files in separate processes and databases). */
export function unique(prefix = "u") {
  sequence += 1;
  return `${prefix}${Date.now().toString(36)}${sequence.toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
}

export const FIRST_NAMES = [
  "Ingrid",
  "Jörgen",
  "Amara",
  "Fatima",
  "Mateusz",
  "Chloé",
  "Oskar",
  "Lars",
  "Sven",
  "Maja",
  "Elin",
  "Ahmed",
  "Sofia",
  "Linnea",
  "Erik",
  "Noah",
  "Aisha",
  "Karin",
  "Jonas",
  "Hanna",
  "Mehmet",
  "Zofia",
  "Lukas",
  "Emma",
  "Björn",
  "Nadia",
  "Pedro",
  "Yusuf",
  "Astrid",
  "Tomasz",
  "Leila",
  "Anders",
  "Sara",
  "Johan",
  "Mira",
  "Kwame",
] as const;
export const LAST_NAMES = [
  "Berg",
  "Kim",
  "Gustafsson",
  "Smith",
  "Eriksson",
  "Karlsson",
  "Johansson",
  "Ström",
  "Chen",
  "Kowalski",
  "Nilsson",
  "Lindqvist",
  "Andersson",
  "Nowak",
  "Müller",
  "Haddad",
  "Okafor",
  "Svensson",
  "Larsson",
  "Petrović",
  "Silva",
  "Yilmaz",
  "Novak",
  "Holm",
  "Lund",
  "Dahl",
  "Sandberg",
  "Wiśniewska",
  "Öberg",
  "Fischer",
] as const;
export const LOCATIONS = [
  { location: "Stockholm, SE", country: "SE", timeZone: "Europe/Stockholm", languages: ["sv", "en"] },
  { location: "Göteborg, SE", country: "SE", timeZone: "Europe/Stockholm", languages: ["sv", "en"] },
  { location: "Berlin, DE", country: "DE", timeZone: "Europe/Berlin", languages: ["de", "en"] },
  { location: "Warsaw, PL", country: "PL", timeZone: "Europe/Warsaw", languages: ["pl", "en"] },
  { location: "Remote - US", country: "US", timeZone: "America/New_York", languages: ["en", "es"] },
  { location: "Remote - SE", country: "SE", timeZone: "Europe/Stockholm", languages: ["sv", "en"] },
  { location: "Manchester, UK", country: "GB", timeZone: "Europe/London", languages: ["en"] },
] as const;
export const SUPPORT_SKILLS = [
  "customer support",
  "dispute resolution",
  "chargebacks",
  "escalations",
  "merchant onboarding",
  "fraud review",
  "live chat",
  "phone support",
  "zendesk",
  "knowledge base writing",
  "quality assurance",
  "swedish",
  "german",
  "polish",
  "spanish",
  "coaching",
  "complaints handling",
] as const;
const OTHER_ROLES = [
  {
    jobTitle: "Software Engineer",
    department: "Engineering",
    skills: ["typescript", "postgresql", "react", "incident response"],
  },
  {
    jobTitle: "Content Translator",
    department: "Localization",
    skills: ["translation", "german", "polish", "copywriting"],
  },
  {
    jobTitle: "Dispute Specialist",
    department: "Operations",
    skills: ["dispute resolution", "chargebacks", "fraud review"],
  },
  {
    jobTitle: "Data Analyst",
    department: "Analytics",
    skills: ["sql", "python", "dashboards", "forecasting"],
  },
  { jobTitle: "Product Designer", department: "Design", skills: ["user research", "figma", "accessibility"] },
  { jobTitle: "Compliance Officer", department: "Legal", skills: ["aml", "kyc", "policy writing"] },
] as const;

const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

export function isoDate(year: number, month: number, day: number) {
  return new Date(Date.UTC(year, month - 1, day));
}

function slug(text: string) {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ".")
    .replace(/^\.+|\.+$/g, "");
}

export type AlumnusSeed = Prisma.AlumnusCreateManyInput & {
  employment: Omit<Prisma.EmploymentPeriodCreateManyInput, "alumnusId">[];
};

/** One former employee, with one or two stints; `overrides` win over everything generated. */
export function buildAlumnus(
  rng: Rng,
  overrides: Partial<Prisma.AlumnusCreateManyInput> & { index?: number } = {},
): AlumnusSeed {
  const { index, ...rest } = overrides;
  const n = index ?? rng.int(0, 1_000_000);
  const firstName = rest.firstName ?? rng.pick(FIRST_NAMES);
  const lastName = rest.lastName ?? rng.pick(LAST_NAMES);
  const place = rng.pick(LOCATIONS);
  const role = rng.pick(OTHER_ROLES);
  const hireDate = rest.hireDate
    ? new Date(rest.hireDate)
    : isoDate(rng.int(2012, 2020), rng.int(1, 12), rng.int(1, 28));
  const exitDate = rest.exitDate
    ? new Date(rest.exitDate)
    : isoDate(rng.int(2021, 2025), rng.int(1, 12), rng.int(1, 28));
  const days = rng.sample(DAYS.slice(0, 5), rng.int(2, 5));
  const base = {
    hrId: `E${200000 + n}`, // clear of the Workday sample's E100000-E100059, so importing it creates people
    workEmail: `${slug(firstName)}.${slug(lastName)}${n}@example-fintech.com`,
    personalEmail: `${slug(firstName)}.${slug(lastName)}.${n}@mail.example.org`,
    firstName,
    lastName,
    jobTitle: role.jobTitle,
    department: role.department,
    location: place.location,
    country: place.country,
    timeZone: place.timeZone,
    languages: [...place.languages],
    skills: rng.sample(role.skills, rng.int(1, role.skills.length)),
    hireDate,
    exitDate,
    exitReason: "resignation" as const,
    exitReasonRaw: "Voluntary > Resignation - Career Opportunity",
    regrettable: rng.chance(0.5),
    hrRehireFlag: "yes" as const,
    engagementPreference: rng.pick(["gig", "part_time", "full_time"] as const),
    availabilityHours: rng.pick([8, 10, 15, 20, 25, 30, 40]),
    availabilityDays: days,
    availabilityFrom: rng.pick(["08:00", "09:00", "10:00"]),
    availabilityTo: rng.pick(["15:00", "17:00", "18:00"]),
    consentReturn: rng.chance(0.8)
      ? ("granted" as const)
      : rng.chance(0.5)
        ? ("unknown" as const)
        : ("withdrawn" as const),
    consentNews: rng.chance(0.6) ? ("granted" as const) : ("unknown" as const),
    source: "seed",
  };
  const merged = { ...base, ...rest };
  const employment: AlumnusSeed["employment"] = [
    {
      startDate: merged.hireDate as Date,
      endDate: merged.exitDate as Date,
      jobTitle: merged.jobTitle,
      department: merged.department,
      location: merged.location,
      exitReason: merged.exitReason,
    },
  ];
  // About one in eight had an earlier stint and came back once already.
  if (rng.chance(0.12)) {
    const firstStart = new Date(
      Date.UTC((merged.hireDate as Date).getUTCFullYear() - rng.int(3, 6), rng.int(0, 11), 1),
    );
    const firstEnd = new Date(Date.UTC((merged.hireDate as Date).getUTCFullYear() - 1, rng.int(0, 11), 15));
    employment.unshift({
      startDate: firstStart,
      endDate: firstEnd,
      jobTitle: merged.jobTitle,
      department: merged.department,
      location: merged.location,
      exitReason: "contract_end",
    });
  }
  return {
    ...merged,
    searchText: alumnusSearchText({ ...merged, skills: merged.skills as string[] }),
    employment,
  };
}

/** Inserts alumni built by buildAlumnus, with their employment periods, in two statements. */
export async function insertAlumni(tx: Db, alumni: AlumnusSeed[]) {
  const rows = alumni.map(({ employment: _employment, ...row }) => row);
  const created = await tx.alumnus.createManyAndReturn({ data: rows, select: { id: true, hrId: true } });
  const idByHrId = new Map(created.map((c) => [c.hrId, c.id]));
  await tx.employmentPeriod.createMany({
    data: alumni.flatMap((a) =>
      a.employment.map((e) => ({ ...e, alumnusId: idByHrId.get(a.hrId as string) as string })),
    ),
  });
  return created;
}

export async function createAlumnus(
  tx: Db,
  overrides: Partial<Prisma.AlumnusCreateManyInput> = {},
  rng = createRng(Math.floor(Math.random() * 1e9)),
) {
  const built = buildAlumnus(rng, {
    hrId: unique("HR"),
    workEmail: `${unique("alum")}@example-fintech.com`,
    ...overrides,
  });
  const [row] = await insertAlumni(tx, [built]);
  return tx.alumnus.findUniqueOrThrow({ where: { id: row.id } });
}

export async function createTeam(tx: Db, name = unique("Team ")) {
  return tx.team.create({ data: { name } });
}

export async function createStaffUser(
  tx: Db,
  input: {
    role: RoleId;
    email?: string;
    name?: string;
    password?: string;
    teamId?: string | null;
    status?: "active" | "invited" | "deactivated";
  },
) {
  const password = input.password ?? "correct horse battery staple";
  return tx.user.create({
    data: {
      email: (input.email ?? `${unique(input.role)}@comeback.test`).toLowerCase(),
      name: input.name ?? `Test ${input.role}`,
      roleId: input.role,
      teamId: input.teamId ?? null,
      status: input.status ?? "active",
      passwordHash: input.status === "invited" ? null : await hashPassword(password),
    },
  });
}

export async function createDecision(tx: Db, overrides: Partial<Prisma.WorkforceDecisionCreateInput> = {}) {
  return tx.workforceDecision.create({
    data: {
      title: unique("Decision "),
      kind: "automation",
      function: "Customer service",
      rationale: "Routine enquiries moved to an AI assistant.",
      announcedOn: isoDate(2022, 5, 10),
      effectiveOn: isoDate(2022, 6, 30),
      rolesAffected: 10,
      ...overrides,
    },
  });
}

/** An email as the development mailbox keeps it (delivered with the "mailbox" transport). */
export async function createMailboxMessage(
  tx: Db,
  input: {
    to?: string;
    subject?: string;
    template?: string;
    text?: string;
    html?: string;
    status?: "queued" | "sent";
    transport?: "mailbox" | "smtp" | null;
  } = {},
) {
  const status = input.status ?? "sent";
  const transport = input.transport === undefined ? (status === "sent" ? "mailbox" : null) : input.transport;
  return tx.outboxMessage.create({
    data: {
      template: input.template ?? "test-note",
      purpose: "transactional",
      toAddress: input.to ?? `${unique("to")}@comeback.test`,
      subject: input.subject ?? "A note for the mailbox",
      html: input.html ?? "<p>Hello from the mailbox.</p>",
      text: input.text ?? "Hello from the mailbox.",
      messageId: `<${unique("m")}@comeback.test>`,
      status,
      transport,
      sentAt: status === "sent" ? new Date() : null,
    },
  });
}

/** A staff user as route code sees them (what domain functions take as `actor`). */
export function staffActor(
  user: { id: string; email: string; name: string; roleId: string; teamId: string | null },
  sessionId = unique("session"),
): StaffUser {
  const role = user.roleId as RoleId;
  return {
    kind: "staff",
    id: user.id,
    sessionId,
    email: user.email,
    name: user.name,
    role,
    roleLabel: ROLES[role].label,
    teamId: user.teamId,
    permissions: [...ROLE_PERMISSIONS[role]],
  };
}
