-- CreateEnum
CREATE TYPE "CampaignStatus" AS ENUM ('draft', 'scheduled', 'sending', 'paused', 'completed', 'cancelled');

-- CreateEnum
CREATE TYPE "CampaignRecipientStatus" AS ENUM ('pending', 'queued', 'cancelled');

-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "campaignId" TEXT;

-- CreateTable
CREATE TABLE "Campaign" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "segmentId" TEXT NOT NULL,
    "template" TEXT NOT NULL,
    "subject" TEXT,
    "note" TEXT NOT NULL DEFAULT '',
    "senderName" TEXT NOT NULL,
    "senderRole" TEXT NOT NULL,
    "senderEmail" TEXT NOT NULL,
    "senderPhone" TEXT,
    "companyName" TEXT NOT NULL,
    "teamName" TEXT NOT NULL,
    "whatChanged" TEXT NOT NULL DEFAULT '',
    "opportunity" TEXT NOT NULL,
    "respondBy" DATE NOT NULL,
    "invitedOn" DATE,
    "sendAt" TIMESTAMPTZ(3),
    "throttlePerHour" INTEGER NOT NULL DEFAULT 200,
    "quietDays" INTEGER NOT NULL DEFAULT 30,
    "onlyEligible" BOOLEAN NOT NULL DEFAULT false,
    "status" "CampaignStatus" NOT NULL DEFAULT 'draft',
    "toneOverrideReason" TEXT,
    "toneOverriddenById" TEXT,
    "createdById" TEXT,
    "launchedById" TEXT,
    "launchedAt" TIMESTAMPTZ(3),
    "snapshotAt" TIMESTAMPTZ(3),
    "fannedOutAt" TIMESTAMPTZ(3),
    "pausedAt" TIMESTAMPTZ(3),
    "completedAt" TIMESTAMPTZ(3),
    "cancelledAt" TIMESTAMPTZ(3),
    "throttleAnchorAt" TIMESTAMPTZ(3),
    "throttleAnchorSeq" INTEGER NOT NULL DEFAULT 0,
    "audienceCount" INTEGER NOT NULL DEFAULT 0,
    "recipientCount" INTEGER NOT NULL DEFAULT 0,
    "excludedCount" INTEGER NOT NULL DEFAULT 0,
    "exclusions" JSONB NOT NULL DEFAULT '{}',
    "jobId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Campaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CampaignRecipient" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "alumnusId" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "address" TEXT NOT NULL,
    "status" "CampaignRecipientStatus" NOT NULL DEFAULT 'pending',
    "queuedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CampaignRecipient_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Campaign_status_idx" ON "Campaign"("status");

-- CreateIndex
CREATE INDEX "Campaign_segmentId_idx" ON "Campaign"("segmentId");

-- CreateIndex
CREATE INDEX "Campaign_createdAt_idx" ON "Campaign"("createdAt");

-- CreateIndex
CREATE INDEX "CampaignRecipient_campaignId_status_sequence_idx" ON "CampaignRecipient"("campaignId", "status", "sequence");

-- CreateIndex
CREATE INDEX "CampaignRecipient_alumnusId_idx" ON "CampaignRecipient"("alumnusId");

-- CreateIndex
CREATE UNIQUE INDEX "CampaignRecipient_campaignId_alumnusId_key" ON "CampaignRecipient"("campaignId", "alumnusId");

-- CreateIndex
CREATE INDEX "OutboxMessage_campaignId_status_idx" ON "OutboxMessage"("campaignId", "status");

-- AddForeignKey
ALTER TABLE "Campaign" ADD CONSTRAINT "Campaign_segmentId_fkey" FOREIGN KEY ("segmentId") REFERENCES "Segment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignRecipient" ADD CONSTRAINT "CampaignRecipient_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignRecipient" ADD CONSTRAINT "CampaignRecipient_alumnusId_fkey" FOREIGN KEY ("alumnusId") REFERENCES "Alumnus"("id") ON DELETE CASCADE ON UPDATE CASCADE;
