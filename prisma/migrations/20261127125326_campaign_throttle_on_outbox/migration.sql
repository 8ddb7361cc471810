-- AlterTable
ALTER TABLE "Campaign" DROP COLUMN "throttleAnchorSeq";
