-- CreateEnum
CREATE TYPE "InvitationAnswerChoice" AS ENUM ('interested', 'not_now', 'stop');

-- CreateTable
CREATE TABLE "InvitationAnswer" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "alumnusId" TEXT NOT NULL,
    "answer" "InvitationAnswerChoice" NOT NULL,
    "hoursPerWeek" TEXT,
    "earliestStart" TEXT,
    "message" TEXT,
    "answeredAt" TIMESTAMPTZ(3) NOT NULL,
    "answerCount" INTEGER NOT NULL DEFAULT 1,
    "handledAt" TIMESTAMPTZ(3),
    "handledById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InvitationAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "InvitationAnswer_campaignId_answer_idx" ON "InvitationAnswer"("campaignId", "answer");

-- CreateIndex
CREATE INDEX "InvitationAnswer_alumnusId_idx" ON "InvitationAnswer"("alumnusId");

-- CreateIndex
CREATE INDEX "InvitationAnswer_handledAt_answer_idx" ON "InvitationAnswer"("handledAt", "answer");

-- CreateIndex
CREATE UNIQUE INDEX "InvitationAnswer_campaignId_alumnusId_key" ON "InvitationAnswer"("campaignId", "alumnusId");

-- AddForeignKey
ALTER TABLE "InvitationAnswer" ADD CONSTRAINT "InvitationAnswer_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvitationAnswer" ADD CONSTRAINT "InvitationAnswer_alumnusId_fkey" FOREIGN KEY ("alumnusId") REFERENCES "Alumnus"("id") ON DELETE CASCADE ON UPDATE CASCADE;
