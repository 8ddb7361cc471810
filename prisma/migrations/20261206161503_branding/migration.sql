-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "fromAddress" TEXT,
ADD COLUMN     "fromName" TEXT;

-- CreateTable
CREATE TABLE "Branding" (
    "id" TEXT NOT NULL DEFAULT 'default',
    "companyName" TEXT NOT NULL,
    "accentColor" TEXT NOT NULL,
    "senderName" TEXT NOT NULL,
    "senderEmail" TEXT NOT NULL,
    "logo" BYTEA,
    "logoType" TEXT,
    "logoSha256" TEXT,
    "logoWidth" INTEGER,
    "logoHeight" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Branding_pkey" PRIMARY KEY ("id")
);
