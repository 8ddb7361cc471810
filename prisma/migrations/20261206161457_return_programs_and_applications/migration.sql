-- CreateEnum
CREATE TYPE "ProgramStatus" AS ENUM ('draft', 'open', 'paused', 'closed');

-- CreateEnum
CREATE TYPE "ApplicationStatus" AS ENUM ('submitted', 'in_review', 'shortlisted', 'offered', 'declined', 'withdrawn', 'hired');

-- CreateEnum
CREATE TYPE "ContractStatus" AS ENUM ('draft', 'pending_approval', 'changes_requested', 'approved', 'offered', 'accepted', 'onboarding', 'active', 'ended', 'rejected', 'withdrawn', 'cancelled', 'expired');

-- AlterTable
ALTER TABLE "Campaign" ADD COLUMN     "programId" TEXT;

-- CreateTable
CREATE TABLE "ReturnProgram" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "decisionId" TEXT NOT NULL,
    "phaseId" TEXT NOT NULL,
    "engagementType" "EngagementType" NOT NULL,
    "remote" BOOLEAN NOT NULL DEFAULT true,
    "place" TEXT,
    "rateMin" DECIMAL(10,2) NOT NULL,
    "rateMax" DECIMAL(10,2) NOT NULL,
    "currency" TEXT NOT NULL,
    "openings" INTEGER NOT NULL,
    "hiringManagerId" TEXT NOT NULL,
    "checklistTemplateId" TEXT,
    "status" "ProgramStatus" NOT NULL DEFAULT 'draft',
    "closesOn" DATE,
    "createdById" TEXT,
    "openedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ReturnProgram_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Application" (
    "id" TEXT NOT NULL,
    "programId" TEXT NOT NULL,
    "alumnusId" TEXT NOT NULL,
    "status" "ApplicationStatus" NOT NULL DEFAULT 'submitted',
    "motivation" TEXT NOT NULL,
    "availabilityHours" INTEGER,
    "availabilityDays" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "earliestStart" DATE,
    "source" TEXT NOT NULL,
    "campaignId" TEXT,
    "createdById" TEXT,
    "submittedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "statusChangedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Application_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApplicationNote" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "fromStatus" "ApplicationStatus",
    "toStatus" "ApplicationStatus",
    "body" TEXT,
    "authorType" TEXT NOT NULL,
    "authorId" TEXT,
    "authorName" TEXT,
    "authorRole" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApplicationNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GigContract" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "programId" TEXT NOT NULL,
    "alumnusId" TEXT NOT NULL,
    "status" "ContractStatus" NOT NULL DEFAULT 'draft',
    "role" TEXT NOT NULL,
    "hourlyRate" DECIMAL(10,2) NOT NULL,
    "currency" TEXT NOT NULL,
    "minHoursPerWeek" INTEGER,
    "maxHoursPerWeek" INTEGER,
    "startsOn" DATE,
    "endsOn" DATE,
    "noticeDays" INTEGER,
    "remote" BOOLEAN NOT NULL DEFAULT true,
    "place" TEXT,
    "createdById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "GigContract_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReturnProgram_status_idx" ON "ReturnProgram"("status");

-- CreateIndex
CREATE INDEX "ReturnProgram_hiringManagerId_idx" ON "ReturnProgram"("hiringManagerId");

-- CreateIndex
CREATE INDEX "ReturnProgram_decisionId_phaseId_idx" ON "ReturnProgram"("decisionId", "phaseId");

-- CreateIndex
CREATE INDEX "Application_programId_status_statusChangedAt_idx" ON "Application"("programId", "status", "statusChangedAt");

-- CreateIndex
CREATE INDEX "Application_status_statusChangedAt_idx" ON "Application"("status", "statusChangedAt");

-- CreateIndex
CREATE INDEX "Application_alumnusId_idx" ON "Application"("alumnusId");

-- CreateIndex
CREATE UNIQUE INDEX "Application_programId_alumnusId_key" ON "Application"("programId", "alumnusId");

-- CreateIndex
CREATE INDEX "ApplicationNote_applicationId_createdAt_idx" ON "ApplicationNote"("applicationId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "GigContract_applicationId_key" ON "GigContract"("applicationId");

-- CreateIndex
CREATE INDEX "GigContract_status_idx" ON "GigContract"("status");

-- CreateIndex
CREATE INDEX "GigContract_programId_status_idx" ON "GigContract"("programId", "status");

-- CreateIndex
CREATE INDEX "GigContract_alumnusId_idx" ON "GigContract"("alumnusId");

-- AddForeignKey
ALTER TABLE "Campaign" ADD CONSTRAINT "Campaign_programId_fkey" FOREIGN KEY ("programId") REFERENCES "ReturnProgram"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReturnProgram" ADD CONSTRAINT "ReturnProgram_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "WorkforceDecision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReturnProgram" ADD CONSTRAINT "ReturnProgram_phaseId_fkey" FOREIGN KEY ("phaseId") REFERENCES "DecisionPhase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReturnProgram" ADD CONSTRAINT "ReturnProgram_hiringManagerId_fkey" FOREIGN KEY ("hiringManagerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_programId_fkey" FOREIGN KEY ("programId") REFERENCES "ReturnProgram"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_alumnusId_fkey" FOREIGN KEY ("alumnusId") REFERENCES "Alumnus"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationNote" ADD CONSTRAINT "ApplicationNote_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GigContract" ADD CONSTRAINT "GigContract_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GigContract" ADD CONSTRAINT "GigContract_programId_fkey" FOREIGN KEY ("programId") REFERENCES "ReturnProgram"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GigContract" ADD CONSTRAINT "GigContract_alumnusId_fkey" FOREIGN KEY ("alumnusId") REFERENCES "Alumnus"("id") ON DELETE CASCADE ON UPDATE CASCADE;
