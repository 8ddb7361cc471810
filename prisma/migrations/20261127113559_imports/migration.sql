-- CreateEnum
CREATE TYPE "ImportDateFormat" AS ENUM ('iso', 'us', 'eu');

-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('uploaded', 'checking', 'checked', 'committing', 'committed', 'invalid', 'failed', 'cancelled');

-- CreateTable
CREATE TABLE "ImportMapping" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "system" TEXT NOT NULL,
    "columns" JSONB NOT NULL DEFAULT '{}',
    "dateFormat" "ImportDateFormat" NOT NULL,
    "valueMaps" JSONB NOT NULL DEFAULT '{}',
    "decisionId" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "ImportMapping_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportRun" (
    "id" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "fileSize" INTEGER NOT NULL,
    "fileSha256" TEXT NOT NULL,
    "encoding" TEXT NOT NULL,
    "delimiter" TEXT NOT NULL,
    "headerRow" INTEGER NOT NULL,
    "headers" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "status" "ImportStatus" NOT NULL DEFAULT 'uploaded',
    "mappingId" TEXT,
    "mappingName" TEXT,
    "settings" JSONB,
    "decisionId" TEXT,
    "jobId" TEXT,
    "rowCount" INTEGER NOT NULL DEFAULT 0,
    "createCount" INTEGER NOT NULL DEFAULT 0,
    "updateCount" INTEGER NOT NULL DEFAULT 0,
    "unchangedCount" INTEGER NOT NULL DEFAULT 0,
    "rejectCount" INTEGER NOT NULL DEFAULT 0,
    "conflictCount" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "checkedAt" TIMESTAMPTZ(3),
    "committedAt" TIMESTAMPTZ(3),
    "committedById" TEXT,

    CONSTRAINT "ImportRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportChunk" (
    "importId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,

    CONSTRAINT "ImportChunk_pkey" PRIMARY KEY ("importId","seq")
);

-- CreateTable
CREATE TABLE "ImportRow" (
    "importId" TEXT NOT NULL,
    "rowNumber" INTEGER NOT NULL,
    "outcome" TEXT NOT NULL,
    "alumnusId" TEXT,
    "errors" JSONB,
    "conflicts" JSONB,
    "hrId" TEXT,
    "workEmail" TEXT,
    "personalEmail" TEXT,
    "firstName" TEXT,
    "lastName" TEXT,
    "preferredName" TEXT,
    "jobTitle" TEXT,
    "department" TEXT,
    "location" TEXT,
    "hireDate" DATE,
    "exitDate" DATE,
    "exitReason" "ExitReason",
    "exitReasonRaw" TEXT,
    "regrettable" BOOLEAN,
    "hrRehireFlag" "RehireFlag",
    "managerName" TEXT,
    "decisionId" TEXT,
    "searchText" TEXT,

    CONSTRAINT "ImportRow_pkey" PRIMARY KEY ("importId","rowNumber")
);

-- CreateIndex
CREATE UNIQUE INDEX "ImportMapping_name_key" ON "ImportMapping"("name");

-- CreateIndex
CREATE INDEX "ImportRun_createdAt_idx" ON "ImportRun"("createdAt");

-- CreateIndex
CREATE INDEX "ImportRun_fileSha256_idx" ON "ImportRun"("fileSha256");

-- CreateIndex
CREATE INDEX "ImportRow_importId_outcome_idx" ON "ImportRow"("importId", "outcome");

-- AddForeignKey
ALTER TABLE "ImportMapping" ADD CONSTRAINT "ImportMapping_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportRun" ADD CONSTRAINT "ImportRun_mappingId_fkey" FOREIGN KEY ("mappingId") REFERENCES "ImportMapping"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportRun" ADD CONSTRAINT "ImportRun_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportChunk" ADD CONSTRAINT "ImportChunk_importId_fkey" FOREIGN KEY ("importId") REFERENCES "ImportRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportRow" ADD CONSTRAINT "ImportRow_importId_fkey" FOREIGN KEY ("importId") REFERENCES "ImportRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;
