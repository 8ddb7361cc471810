-- AlterTable
ALTER TABLE "EligibilityPolicy" ADD COLUMN     "revision" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "WhatIfRun" (
    "id" TEXT NOT NULL,
    "policyId" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "jobId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "people" INTEGER NOT NULL DEFAULT 0,
    "changed" INTEGER NOT NULL DEFAULT 0,
    "more" INTEGER NOT NULL DEFAULT 0,
    "less" INTEGER NOT NULL DEFAULT 0,
    "summary" JSONB,
    "computedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WhatIfRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WhatIfChange" (
    "runId" TEXT NOT NULL,
    "alumnusId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "sortKey" TEXT NOT NULL,
    "department" TEXT NOT NULL DEFAULT '',
    "location" TEXT NOT NULL DEFAULT '',
    "decision" TEXT NOT NULL DEFAULT '',
    "fromOutcome" "EligibilityOutcome",
    "toOutcome" "EligibilityOutcome" NOT NULL,
    "direction" TEXT NOT NULL,
    "why" JSONB NOT NULL,

    CONSTRAINT "WhatIfChange_pkey" PRIMARY KEY ("runId","alumnusId")
);

-- CreateIndex
CREATE UNIQUE INDEX "WhatIfRun_policyId_revision_key" ON "WhatIfRun"("policyId", "revision");

-- CreateIndex
CREATE INDEX "WhatIfChange_runId_sortKey_alumnusId_idx" ON "WhatIfChange"("runId", "sortKey", "alumnusId");

-- CreateIndex
CREATE INDEX "WhatIfChange_runId_direction_sortKey_alumnusId_idx" ON "WhatIfChange"("runId", "direction", "sortKey", "alumnusId");

-- AddForeignKey
ALTER TABLE "WhatIfChange" ADD CONSTRAINT "WhatIfChange_runId_fkey" FOREIGN KEY ("runId") REFERENCES "WhatIfRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;
