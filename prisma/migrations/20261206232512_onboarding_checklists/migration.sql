-- CreateEnum
CREATE TYPE "OnboardingOwner" AS ENUM ('alumnus', 'hr', 'manager');

-- CreateEnum
CREATE TYPE "OnboardingTaskKind" AS ENUM ('document', 'training', 'access', 'equipment', 'first_shift');

-- CreateEnum
CREATE TYPE "OnboardingTaskStatus" AS ENUM ('open', 'done', 'carried_over');

-- CreateTable
CREATE TABLE "OnboardingChecklistVersion" (
    "id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "tasks" JSONB NOT NULL,
    "createdById" TEXT,
    "createdByName" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OnboardingChecklistVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OnboardingTask" (
    "id" TEXT NOT NULL,
    "contractId" TEXT NOT NULL,
    "checklistVersionId" TEXT,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "owner" "OnboardingOwner" NOT NULL,
    "kind" "OnboardingTaskKind" NOT NULL,
    "required" BOOLEAN NOT NULL,
    "dueOn" DATE NOT NULL,
    "status" "OnboardingTaskStatus" NOT NULL DEFAULT 'open',
    "doneAt" TIMESTAMPTZ(3),
    "doneById" TEXT,
    "doneByName" TEXT,
    "note" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OnboardingTask_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OnboardingDocument" (
    "id" TEXT NOT NULL,
    "taskId" TEXT NOT NULL,
    "contractId" TEXT NOT NULL,
    "alumnusId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "mediaType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OnboardingDocument_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "OnboardingChecklistVersion_version_key" ON "OnboardingChecklistVersion"("version");

-- CreateIndex
CREATE INDEX "OnboardingTask_status_dueOn_idx" ON "OnboardingTask"("status", "dueOn");

-- CreateIndex
CREATE UNIQUE INDEX "OnboardingTask_contractId_position_key" ON "OnboardingTask"("contractId", "position");

-- CreateIndex
CREATE INDEX "OnboardingDocument_taskId_idx" ON "OnboardingDocument"("taskId");

-- CreateIndex
CREATE INDEX "OnboardingDocument_contractId_idx" ON "OnboardingDocument"("contractId");

-- AddForeignKey
ALTER TABLE "OnboardingTask" ADD CONSTRAINT "OnboardingTask_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "GigContract"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OnboardingTask" ADD CONSTRAINT "OnboardingTask_checklistVersionId_fkey" FOREIGN KEY ("checklistVersionId") REFERENCES "OnboardingChecklistVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OnboardingDocument" ADD CONSTRAINT "OnboardingDocument_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "OnboardingTask"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A saved checklist version is never changed: running checklists were copied from it (ADR 067).
CREATE FUNCTION "onboarding_checklist_version_immutable"() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'A saved onboarding checklist version cannot be changed; save a new version.'
    USING ERRCODE = 'check_violation';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "OnboardingChecklistVersion_immutable"
  BEFORE UPDATE ON "OnboardingChecklistVersion"
  FOR EACH ROW EXECUTE FUNCTION "onboarding_checklist_version_immutable"();
