-- CreateEnum
CREATE TYPE "ContractTemplateStatus" AS ENUM ('draft', 'published');

-- AlterTable
ALTER TABLE "GigContract" ADD COLUMN     "acceptedAt" TIMESTAMPTZ(3),
ADD COLUMN     "activatedAt" TIMESTAMPTZ(3),
ADD COLUMN     "endedAt" TIMESTAMPTZ(3),
ADD COLUMN     "equipmentStipend" DECIMAL(10,2),
ADD COLUMN     "offerExpiresAt" TIMESTAMPTZ(3),
ADD COLUMN     "offeredAt" TIMESTAMPTZ(3),
ADD COLUMN     "statusChangedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "submittedAt" TIMESTAMPTZ(3),
ADD COLUMN     "templateVersionId" TEXT,
ADD COLUMN     "termsHash" TEXT,
ADD COLUMN     "termsText" TEXT,
ADD COLUMN     "termsVersion" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "ContractApproval" (
    "id" TEXT NOT NULL,
    "contractId" TEXT NOT NULL,
    "termsVersion" INTEGER NOT NULL,
    "capacity" TEXT NOT NULL,
    "approverId" TEXT NOT NULL,
    "approverName" TEXT NOT NULL,
    "comment" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContractApproval_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContractNote" (
    "id" TEXT NOT NULL,
    "contractId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "fromStatus" "ContractStatus",
    "toStatus" "ContractStatus",
    "termsVersion" INTEGER NOT NULL,
    "body" TEXT,
    "authorType" TEXT NOT NULL,
    "authorId" TEXT,
    "authorName" TEXT,
    "authorRole" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContractNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContractAcceptance" (
    "id" TEXT NOT NULL,
    "contractId" TEXT NOT NULL,
    "alumnusId" TEXT NOT NULL,
    "acceptedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ip" TEXT,
    "userAgent" TEXT,
    "termsVersion" INTEGER NOT NULL,
    "templateVersionId" TEXT,
    "text" TEXT NOT NULL,
    "textSha256" TEXT NOT NULL,

    CONSTRAINT "ContractAcceptance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContractTemplate" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "isDefault" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ContractTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContractTemplateVersion" (
    "id" TEXT NOT NULL,
    "templateId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "status" "ContractTemplateStatus" NOT NULL DEFAULT 'draft',
    "createdById" TEXT,
    "publishedAt" TIMESTAMPTZ(3),
    "publishedById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ContractTemplateVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContractSettings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "hoursLimitPerWeek" INTEGER NOT NULL DEFAULT 30,
    "approvalReminderDays" INTEGER NOT NULL DEFAULT 2,
    "offerValidDays" INTEGER NOT NULL DEFAULT 14,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ContractSettings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReminderLog" (
    "kind" TEXT NOT NULL,
    "recipientKey" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReminderLog_pkey" PRIMARY KEY ("kind","recipientKey","day")
);

-- CreateIndex
CREATE INDEX "ContractApproval_approverId_idx" ON "ContractApproval"("approverId");

-- CreateIndex
CREATE UNIQUE INDEX "ContractApproval_contractId_termsVersion_capacity_key" ON "ContractApproval"("contractId", "termsVersion", "capacity");

-- CreateIndex
CREATE INDEX "ContractNote_contractId_createdAt_idx" ON "ContractNote"("contractId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ContractAcceptance_contractId_key" ON "ContractAcceptance"("contractId");

-- CreateIndex
CREATE UNIQUE INDEX "ContractTemplate_name_key" ON "ContractTemplate"("name");

-- CreateIndex
CREATE UNIQUE INDEX "ContractTemplateVersion_templateId_version_key" ON "ContractTemplateVersion"("templateId", "version");

-- CreateIndex
CREATE INDEX "GigContract_status_submittedAt_idx" ON "GigContract"("status", "submittedAt");

-- AddForeignKey
ALTER TABLE "GigContract" ADD CONSTRAINT "GigContract_templateVersionId_fkey" FOREIGN KEY ("templateVersionId") REFERENCES "ContractTemplateVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractApproval" ADD CONSTRAINT "ContractApproval_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "GigContract"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractNote" ADD CONSTRAINT "ContractNote_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "GigContract"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractAcceptance" ADD CONSTRAINT "ContractAcceptance_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "GigContract"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractTemplateVersion" ADD CONSTRAINT "ContractTemplateVersion_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "ContractTemplate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Published template versions are immutable: their text is what people accepted (ADR 046).
CREATE FUNCTION "contract_template_version_immutable"() RETURNS trigger AS $$
BEGIN
  IF OLD."status" = 'published' THEN
    RAISE EXCEPTION 'A published contract template version cannot be changed or deleted; write a new version.'
      USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "ContractTemplateVersion_immutable"
  BEFORE UPDATE OR DELETE ON "ContractTemplateVersion"
  FOR EACH ROW EXECUTE FUNCTION "contract_template_version_immutable"();

-- The one settings row, and the default contract template (version 1, published).
INSERT INTO "ContractSettings" ("id", "updatedAt") VALUES (1, CURRENT_TIMESTAMP) ON CONFLICT DO NOTHING;

INSERT INTO "ContractTemplate" ("id", "name", "description", "isDefault", "updatedAt") VALUES
  ('default-gig-contract', 'Gig contract', 'Flexible hours within an agreed range, paid by the hour.', true, CURRENT_TIMESTAMP)
ON CONFLICT DO NOTHING;

INSERT INTO "ContractTemplateVersion" ("id", "templateId", "version", "body", "status", "publishedAt", "updatedAt") VALUES
  ('default-gig-contract-v1', 'default-gig-contract', 1, E'## Gig contract between {{employer}} and {{person}}\n\n{{employer}} and {{person}} agree that {{person}} works as {{role}} in the program "{{program}}", on the terms below. This is a flexible gig contract: you choose when you work, within the hours agreed here.\n\n## Pay\n\n{{employer}} pays {{rate}} for every hour you work. Hours are paid every month, for the hours recorded in the month before.\n\n## Hours\n\nYou work {{hours}}. You choose your shifts each week, and nobody will ask you to work more than the maximum.\n\n## Dates\n\nThe contract starts on {{start}}. {{end}}\n\n## Where you work\n\nYou work {{place}}.\n\n## Equipment\n\n{{stipend}}\n\n## Ending the contract\n\nEither of us can end the contract with {{notice}} of notice, in writing. Hours worked until the last day are paid as usual.', 'published', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)
ON CONFLICT DO NOTHING;
