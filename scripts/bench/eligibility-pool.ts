import type { PrismaClient } from "../../app/generated/prisma/client";

/**
 * The benches' pool of alumni: varied exit reasons, dates (month ends and leap days included),
 * flags, consent, departments, locations and earlier stints. Ids are 'b' + a 7-digit number.
 */
export async function seedEligibilityPool(db: Pick<PrismaClient, "$executeRaw">, people: number) {
  await db.$executeRaw`
    INSERT INTO "Alumnus" ("id", "hrId", "firstName", "lastName", "department", "location", "hireDate", "exitDate", "exitReason",
      "hrRehireFlag", "doNotRehire", "legalHold", "consentReturn", "source", "updatedAt")
    SELECT 'b' || lpad(i::text, 7, '0'), 'B' || i, 'Person', 'Number ' || i,
      (ARRAY['Customer Service','Operations','Engineering','Analytics','Legal'])[1 + i % 5],
      (ARRAY['Stockholm, SE','Berlin, DE','Warsaw, PL','Remote - US','Manchester, UK'])[1 + (i / 5) % 5],
      e - (60 + (i * 13) % 3000), e,
      (ARRAY['position_eliminated','layoff_automation','layoff_restructuring','resignation','contract_end','retirement',
             'mutual_agreement','performance','attendance','conduct','job_abandonment','other'])[1 + i % 12]::"ExitReason",
      (ARRAY['yes','yes','yes','yes','no','review'])[1 + i % 6]::"RehireFlag",
      i % 97 = 0, i % 211 = 0,
      (ARRAY['granted','granted','granted','unknown','withdrawn'])[1 + i % 5]::"ConsentStatus",
      'bench', now()
    FROM (SELECT i, date '2021-01-31' + ((i * 37) % 2150) AS e FROM generate_series(1, ${people}::int) AS i) s`;
  await db.$executeRaw`
    INSERT INTO "EmploymentPeriod" ("id", "alumnusId", "startDate", "endDate", "exitReason")
    SELECT 'p' || a."id", a."id", a."hireDate" - 2000, a."hireDate" - 900, 'contract_end'
    FROM "Alumnus" a WHERE a."id" LIKE 'b%' AND (substr(a."id", 2)::int) % 8 = 0`;
  await db.$executeRaw`ANALYZE "Alumnus"`;
  await db.$executeRaw`ANALYZE "EmploymentPeriod"`;
}
