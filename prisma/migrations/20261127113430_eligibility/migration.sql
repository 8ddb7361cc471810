-- CreateEnum
CREATE TYPE "EligibilityOutcome" AS ENUM ('eligible', 'needs_review', 'not_eligible');

-- CreateEnum
CREATE TYPE "PolicyStatus" AS ENUM ('draft', 'published', 'superseded');

-- CreateTable
CREATE TABLE "EligibilityPolicy" (
    "id" TEXT NOT NULL,
    "version" INTEGER,
    "status" "PolicyStatus" NOT NULL DEFAULT 'draft',
    "rules" JSONB NOT NULL,
    "summary" TEXT,
    "basedOnId" TEXT,
    "createdById" TEXT,
    "updatedById" TEXT,
    "publishedById" TEXT,
    "publishedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "EligibilityPolicy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EligibilityVerdict" (
    "alumnusId" TEXT NOT NULL,
    "outcome" "EligibilityOutcome" NOT NULL,
    "reasons" JSONB NOT NULL,
    "policyId" TEXT NOT NULL,
    "policyVersion" INTEGER NOT NULL,
    "computedAt" TIMESTAMPTZ(3) NOT NULL,
    "decidedAt" TIMESTAMPTZ(3) NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "reevaluateOn" DATE,
    "overrideOutcome" "EligibilityOutcome",
    "overrideJustification" TEXT,
    "overrideById" TEXT,
    "overrideByName" TEXT,
    "overrideAt" TIMESTAMPTZ(3),
    "overrideExpiresAt" TIMESTAMPTZ(3),
    "overrideKind" TEXT,

    CONSTRAINT "EligibilityVerdict_pkey" PRIMARY KEY ("alumnusId")
);

-- CreateTable
CREATE TABLE "EligibilityVerdictChange" (
    "id" BIGSERIAL NOT NULL,
    "alumnusId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "fromOutcome" "EligibilityOutcome",
    "toOutcome" "EligibilityOutcome" NOT NULL,
    "policyVersion" INTEGER,
    "reasons" JSONB,
    "justification" TEXT,
    "actorId" TEXT,
    "actorName" TEXT,
    "expiresAt" TIMESTAMPTZ(3),
    "occurredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EligibilityVerdictChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewInputRequest" (
    "id" TEXT NOT NULL,
    "alumnusId" TEXT NOT NULL,
    "managerId" TEXT NOT NULL,
    "requestedById" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "answer" TEXT,
    "requestedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answeredAt" TIMESTAMPTZ(3),

    CONSTRAINT "ReviewInputRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "EligibilityPolicy_version_key" ON "EligibilityPolicy"("version");

-- CreateIndex
CREATE INDEX "EligibilityPolicy_status_idx" ON "EligibilityPolicy"("status");

-- CreateIndex
CREATE INDEX "EligibilityVerdict_outcome_idx" ON "EligibilityVerdict"("outcome");

-- CreateIndex
CREATE INDEX "EligibilityVerdict_overrideOutcome_overrideExpiresAt_idx" ON "EligibilityVerdict"("overrideOutcome", "overrideExpiresAt");

-- CreateIndex
CREATE INDEX "EligibilityVerdict_policyVersion_idx" ON "EligibilityVerdict"("policyVersion");

-- CreateIndex
CREATE INDEX "EligibilityVerdictChange_alumnusId_occurredAt_idx" ON "EligibilityVerdictChange"("alumnusId", "occurredAt");

-- CreateIndex
CREATE INDEX "ReviewInputRequest_managerId_answeredAt_idx" ON "ReviewInputRequest"("managerId", "answeredAt");

-- CreateIndex
CREATE INDEX "ReviewInputRequest_alumnusId_idx" ON "ReviewInputRequest"("alumnusId");

-- AddForeignKey
ALTER TABLE "EligibilityVerdict" ADD CONSTRAINT "EligibilityVerdict_alumnusId_fkey" FOREIGN KEY ("alumnusId") REFERENCES "Alumnus"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EligibilityVerdictChange" ADD CONSTRAINT "EligibilityVerdictChange_alumnusId_fkey" FOREIGN KEY ("alumnusId") REFERENCES "Alumnus"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewInputRequest" ADD CONSTRAINT "ReviewInputRequest_alumnusId_fkey" FOREIGN KEY ("alumnusId") REFERENCES "Alumnus"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewInputRequest" ADD CONSTRAINT "ReviewInputRequest_managerId_fkey" FOREIGN KEY ("managerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
