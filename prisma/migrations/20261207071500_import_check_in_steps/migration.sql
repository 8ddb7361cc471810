-- CreateIndex
CREATE INDEX "ImportRow_importId_hrId_idx" ON "ImportRow"("importId", "hrId");

-- CreateIndex
CREATE INDEX "ImportRow_importId_workEmail_idx" ON "ImportRow"("importId", "workEmail");

-- CreateIndex
CREATE INDEX "ImportRow_importId_alumnusId_idx" ON "ImportRow"("importId", "alumnusId");

-- The import's check analyses these columns after staging (ADR 086): a small sample is enough
-- for their plans and keeps the ANALYZE short.
ALTER TABLE "ImportRow" ALTER COLUMN "importId" SET STATISTICS 10;
ALTER TABLE "ImportRow" ALTER COLUMN "rowNumber" SET STATISTICS 10;
ALTER TABLE "ImportRow" ALTER COLUMN "outcome" SET STATISTICS 10;
ALTER TABLE "ImportRow" ALTER COLUMN "alumnusId" SET STATISTICS 10;
ALTER TABLE "ImportRow" ALTER COLUMN "hrId" SET STATISTICS 10;
ALTER TABLE "ImportRow" ALTER COLUMN "workEmail" SET STATISTICS 10;
