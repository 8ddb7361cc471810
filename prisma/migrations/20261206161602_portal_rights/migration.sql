-- CreateEnum
CREATE TYPE "ErasureStatus" AS ENUM ('requested', 'refused', 'done');

-- AlterTable
ALTER TABLE "Alumnus" ADD COLUMN     "phone" TEXT;

-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "redactedBy" BIGINT;

-- AlterTable
ALTER TABLE "ImportRun" ADD COLUMN     "fileErasedAt" TIMESTAMPTZ(3),
ADD COLUMN     "suppressedCount" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "EligibilityReviewRequest" (
    "id" TEXT NOT NULL,
    "alumnusId" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "outcomeAtRequest" "EligibilityOutcome" NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "answer" TEXT,
    "answeredById" TEXT,
    "answeredAt" TIMESTAMPTZ(3),
    "requestedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EligibilityReviewRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ErasureRequest" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "alumnusId" TEXT,
    "status" "ErasureStatus" NOT NULL DEFAULT 'requested',
    "message" TEXT,
    "requestedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMPTZ(3),
    "decidedById" TEXT,
    "decidedByName" TEXT,
    "decisionNote" TEXT,
    "completedAt" TIMESTAMPTZ(3),
    "summary" JSONB,

    CONSTRAINT "ErasureRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Suppression" (
    "keyHash" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "erasureRequestId" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Suppression_pkey" PRIMARY KEY ("keyHash")
);

-- CreateIndex
CREATE INDEX "EligibilityReviewRequest_status_requestedAt_idx" ON "EligibilityReviewRequest"("status", "requestedAt");

-- CreateIndex
CREATE INDEX "EligibilityReviewRequest_alumnusId_requestedAt_idx" ON "EligibilityReviewRequest"("alumnusId", "requestedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ErasureRequest_reference_key" ON "ErasureRequest"("reference");

-- CreateIndex
CREATE INDEX "ErasureRequest_status_requestedAt_idx" ON "ErasureRequest"("status", "requestedAt");

-- CreateIndex
CREATE INDEX "ErasureRequest_alumnusId_idx" ON "ErasureRequest"("alumnusId");

-- CreateIndex
CREATE INDEX "Suppression_erasureRequestId_idx" ON "Suppression"("erasureRequestId");

-- AddForeignKey
ALTER TABLE "EligibilityReviewRequest" ADD CONSTRAINT "EligibilityReviewRequest_alumnusId_fkey" FOREIGN KEY ("alumnusId") REFERENCES "Alumnus"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ErasureRequest" ADD CONSTRAINT "ErasureRequest_alumnusId_fkey" FOREIGN KEY ("alumnusId") REFERENCES "Alumnus"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Suppression" ADD CONSTRAINT "Suppression_erasureRequestId_fkey" FOREIGN KEY ("erasureRequestId") REFERENCES "ErasureRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
