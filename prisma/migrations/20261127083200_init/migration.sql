-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateEnum
CREATE TYPE "UserStatus" AS ENUM ('invited', 'active', 'deactivated');

-- CreateEnum
CREATE TYPE "TokenPurpose" AS ENUM ('staff_invite', 'password_reset', 'alumnus_sign_in');

-- CreateEnum
CREATE TYPE "ExitReason" AS ENUM ('position_eliminated', 'layoff_automation', 'layoff_restructuring', 'resignation', 'contract_end', 'retirement', 'mutual_agreement', 'performance', 'attendance', 'conduct', 'job_abandonment', 'other');

-- CreateEnum
CREATE TYPE "RehireFlag" AS ENUM ('yes', 'no', 'review');

-- CreateEnum
CREATE TYPE "ConsentStatus" AS ENUM ('unknown', 'granted', 'withdrawn');

-- CreateEnum
CREATE TYPE "EngagementType" AS ENUM ('gig', 'part_time', 'full_time');

-- CreateEnum
CREATE TYPE "DecisionKind" AS ENUM ('automation', 'restructuring', 'other');

-- CreateEnum
CREATE TYPE "DecisionStatus" AS ENUM ('planned', 'in_effect', 'phased', 'reversed');

-- CreateEnum
CREATE TYPE "OutboxStatus" AS ENUM ('queued', 'sending', 'sent', 'failed', 'set_aside', 'cancelled');

-- CreateEnum
CREATE TYPE "JobStatus" AS ENUM ('queued', 'running', 'done', 'failed', 'cancelled');

-- CreateTable
CREATE TABLE "Role" (
    "id" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "description" TEXT NOT NULL,

    CONSTRAINT "Role_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Permission" (
    "key" TEXT NOT NULL,
    "description" TEXT NOT NULL,

    CONSTRAINT "Permission_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "RolePermission" (
    "roleId" TEXT NOT NULL,
    "permissionKey" TEXT NOT NULL,

    CONSTRAINT "RolePermission_pkey" PRIMARY KEY ("roleId","permissionKey")
);

-- CreateTable
CREATE TABLE "Team" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Team_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "roleId" TEXT NOT NULL,
    "teamId" TEXT,
    "status" "UserStatus" NOT NULL DEFAULT 'invited',
    "passwordHash" TEXT,
    "passwordChangedAt" TIMESTAMPTZ(3),
    "failedSignIns" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMPTZ(3),
    "lastSignInAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "userId" TEXT,
    "alumnusId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "revokedAt" TIMESTAMPTZ(3),
    "revokedReason" TEXT,
    "ip" TEXT,
    "userAgent" TEXT,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuthToken" (
    "id" TEXT NOT NULL,
    "purpose" "TokenPurpose" NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "userId" TEXT,
    "alumnusId" TEXT,
    "createdById" TEXT,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    "voidedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuthToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimit" (
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "windowStart" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorType" TEXT NOT NULL,
    "actorId" TEXT,
    "actorName" TEXT,
    "actorRole" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT,
    "before" JSONB,
    "after" JSONB,
    "reason" TEXT,
    "ip" TEXT,
    "userAgent" TEXT,
    "correlationId" TEXT,
    "payloadVersion" INTEGER NOT NULL DEFAULT 1,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Alumnus" (
    "id" TEXT NOT NULL,
    "hrId" TEXT,
    "workEmail" TEXT,
    "personalEmail" TEXT,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "preferredName" TEXT,
    "jobTitle" TEXT,
    "department" TEXT,
    "location" TEXT,
    "country" TEXT,
    "timeZone" TEXT,
    "languages" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "skills" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "hireDate" DATE,
    "exitDate" DATE,
    "exitReason" "ExitReason",
    "exitReasonRaw" TEXT,
    "regrettable" BOOLEAN,
    "hrRehireFlag" "RehireFlag",
    "doNotRehire" BOOLEAN NOT NULL DEFAULT false,
    "doNotRehireReason" TEXT,
    "legalHold" BOOLEAN NOT NULL DEFAULT false,
    "managerName" TEXT,
    "gender" TEXT,
    "ageBand" TEXT,
    "decisionId" TEXT,
    "engagementPreference" "EngagementType",
    "availabilityHours" INTEGER,
    "availabilityDays" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "availabilityFrom" TEXT,
    "availabilityTo" TEXT,
    "earliestStart" DATE,
    "consentReturn" "ConsentStatus" NOT NULL DEFAULT 'unknown',
    "consentNews" "ConsentStatus" NOT NULL DEFAULT 'unknown',
    "consentUpdatedAt" TIMESTAMPTZ(3),
    "doNotContact" BOOLEAN NOT NULL DEFAULT false,
    "searchText" TEXT NOT NULL DEFAULT '',
    "manualEdits" JSONB NOT NULL DEFAULT '{}',
    "source" TEXT NOT NULL DEFAULT 'manual',
    "lastImportId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Alumnus_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EmploymentPeriod" (
    "id" TEXT NOT NULL,
    "alumnusId" TEXT NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE,
    "jobTitle" TEXT,
    "department" TEXT,
    "location" TEXT,
    "exitReason" "ExitReason",

    CONSTRAINT "EmploymentPeriod_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AlumnusNote" (
    "id" TEXT NOT NULL,
    "alumnusId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AlumnusNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkforceDecision" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "kind" "DecisionKind" NOT NULL,
    "function" TEXT NOT NULL,
    "rationale" TEXT NOT NULL,
    "announcedOn" DATE,
    "effectiveOn" DATE,
    "rolesAffected" INTEGER,
    "status" "DecisionStatus" NOT NULL DEFAULT 'in_effect',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "WorkforceDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DecisionPhase" (
    "id" TEXT NOT NULL,
    "decisionId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE,
    "targetHeadcount" INTEGER NOT NULL,
    "notes" TEXT,

    CONSTRAINT "DecisionPhase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" TEXT NOT NULL,
    "template" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "toAddress" TEXT NOT NULL,
    "toName" TEXT,
    "alumnusId" TEXT,
    "userId" TEXT,
    "subject" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "headers" JSONB NOT NULL DEFAULT '{}',
    "status" "OutboxStatus" NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "maxAttempts" INTEGER NOT NULL DEFAULT 8,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseUntil" TIMESTAMPTZ(3),
    "leasedBy" TEXT,
    "lastError" TEXT,
    "transport" TEXT,
    "sentAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Job" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "status" "JobStatus" NOT NULL DEFAULT 'queued',
    "progress" INTEGER NOT NULL DEFAULT 0,
    "total" INTEGER NOT NULL DEFAULT 0,
    "message" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "maxAttempts" INTEGER NOT NULL DEFAULT 3,
    "runAfter" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseUntil" TIMESTAMPTZ(3),
    "leasedBy" TEXT,
    "lastError" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMPTZ(3),
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Job_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Team_name_key" ON "Team"("name");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_roleId_idx" ON "User"("roleId");

-- CreateIndex
CREATE INDEX "User_teamId_idx" ON "User"("teamId");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "Session_alumnusId_idx" ON "Session"("alumnusId");

-- CreateIndex
CREATE UNIQUE INDEX "AuthToken_tokenHash_key" ON "AuthToken"("tokenHash");

-- CreateIndex
CREATE INDEX "AuthToken_purpose_email_idx" ON "AuthToken"("purpose", "email");

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_hash_key" ON "AuditEvent"("hash");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_idx" ON "AuditEvent"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_idx" ON "AuditEvent"("actorId");

-- CreateIndex
CREATE INDEX "AuditEvent_action_idx" ON "AuditEvent"("action");

-- CreateIndex
CREATE INDEX "AuditEvent_occurredAt_idx" ON "AuditEvent"("occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "Alumnus_hrId_key" ON "Alumnus"("hrId");

-- CreateIndex
CREATE UNIQUE INDEX "Alumnus_workEmail_key" ON "Alumnus"("workEmail");

-- CreateIndex
CREATE INDEX "Alumnus_decisionId_idx" ON "Alumnus"("decisionId");

-- CreateIndex
CREATE INDEX "Alumnus_exitReason_idx" ON "Alumnus"("exitReason");

-- CreateIndex
CREATE INDEX "Alumnus_department_idx" ON "Alumnus"("department");

-- CreateIndex
CREATE INDEX "Alumnus_location_idx" ON "Alumnus"("location");

-- CreateIndex
CREATE INDEX "Alumnus_exitDate_idx" ON "Alumnus"("exitDate");

-- CreateIndex
CREATE INDEX "Alumnus_lastName_firstName_idx" ON "Alumnus"("lastName", "firstName");

-- CreateIndex
CREATE INDEX "Alumnus_tags_idx" ON "Alumnus" USING GIN ("tags");

-- CreateIndex
CREATE INDEX "Alumnus_skills_idx" ON "Alumnus" USING GIN ("skills");

-- CreateIndex
CREATE INDEX "Alumnus_searchText_idx" ON "Alumnus" USING GIN ("searchText" gin_trgm_ops);

-- CreateIndex
CREATE UNIQUE INDEX "EmploymentPeriod_alumnusId_startDate_key" ON "EmploymentPeriod"("alumnusId", "startDate");

-- CreateIndex
CREATE INDEX "AlumnusNote_alumnusId_createdAt_idx" ON "AlumnusNote"("alumnusId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "WorkforceDecision_title_key" ON "WorkforceDecision"("title");

-- CreateIndex
CREATE UNIQUE INDEX "DecisionPhase_decisionId_position_key" ON "DecisionPhase"("decisionId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_messageId_key" ON "OutboxMessage"("messageId");

-- CreateIndex
CREATE INDEX "OutboxMessage_status_nextAttemptAt_idx" ON "OutboxMessage"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_alumnusId_idx" ON "OutboxMessage"("alumnusId");

-- CreateIndex
CREATE INDEX "OutboxMessage_toAddress_idx" ON "OutboxMessage"("toAddress");

-- CreateIndex
CREATE INDEX "Job_status_runAfter_idx" ON "Job"("status", "runAfter");

-- CreateIndex
CREATE INDEX "Job_kind_createdAt_idx" ON "Job"("kind", "createdAt");

-- AddForeignKey
ALTER TABLE "RolePermission" ADD CONSTRAINT "RolePermission_roleId_fkey" FOREIGN KEY ("roleId") REFERENCES "Role"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RolePermission" ADD CONSTRAINT "RolePermission_permissionKey_fkey" FOREIGN KEY ("permissionKey") REFERENCES "Permission"("key") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_roleId_fkey" FOREIGN KEY ("roleId") REFERENCES "Role"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_alumnusId_fkey" FOREIGN KEY ("alumnusId") REFERENCES "Alumnus"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuthToken" ADD CONSTRAINT "AuthToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuthToken" ADD CONSTRAINT "AuthToken_alumnusId_fkey" FOREIGN KEY ("alumnusId") REFERENCES "Alumnus"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alumnus" ADD CONSTRAINT "Alumnus_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "WorkforceDecision"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmploymentPeriod" ADD CONSTRAINT "EmploymentPeriod_alumnusId_fkey" FOREIGN KEY ("alumnusId") REFERENCES "Alumnus"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlumnusNote" ADD CONSTRAINT "AlumnusNote_alumnusId_fkey" FOREIGN KEY ("alumnusId") REFERENCES "Alumnus"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DecisionPhase" ADD CONSTRAINT "DecisionPhase_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "WorkforceDecision"("id") ON DELETE CASCADE ON UPDATE CASCADE;
