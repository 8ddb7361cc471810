-- Audit events are linked into the hash chain after their transaction commits (ADR 084).
-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "chainPosition" BIGINT,
ALTER COLUMN "prevHash" DROP NOT NULL,
ALTER COLUMN "hash" DROP NOT NULL;

-- Every event written so far was linked in the order of its id, under the chain lock.
UPDATE "AuditEvent" SET "chainPosition" = "id";

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_chainPosition_key" ON "AuditEvent"("chainPosition");
