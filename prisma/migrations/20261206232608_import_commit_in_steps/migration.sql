-- AlterTable
ALTER TABLE "ImportRow" ADD COLUMN     "before" JSONB;

-- AlterTable
ALTER TABLE "ImportRun" ADD COLUMN     "appliedThrough" INTEGER,
ADD COLUMN     "commitPhase" TEXT;
