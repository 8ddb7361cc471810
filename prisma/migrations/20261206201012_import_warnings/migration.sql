-- AlterTable
ALTER TABLE "ImportRow" ADD COLUMN     "changes" JSONB,
ADD COLUMN     "warnings" JSONB;

-- AlterTable
ALTER TABLE "ImportRun" ADD COLUMN     "warningCount" INTEGER NOT NULL DEFAULT 0;
