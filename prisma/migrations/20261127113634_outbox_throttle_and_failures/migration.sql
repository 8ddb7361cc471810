-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "failures" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "lastAttemptAt" TIMESTAMPTZ(3),
ADD COLUMN     "throttleKey" TEXT;

-- CreateIndex
CREATE INDEX "OutboxMessage_throttleKey_status_idx" ON "OutboxMessage"("throttleKey", "status");

-- CreateIndex
CREATE INDEX "OutboxMessage_createdAt_idx" ON "OutboxMessage"("createdAt");
