-- AlterTable
ALTER TABLE "ContractAcceptance" ADD COLUMN     "pdf" BYTEA,
ADD COLUMN     "pdfSha256" TEXT;
