-- CreateTable
CREATE TABLE "PortalWelcome" (
    "id" TEXT NOT NULL DEFAULT 'default',
    "headline" TEXT NOT NULL,
    "whatWeAreDoing" TEXT NOT NULL,
    "flexibleWork" TEXT NOT NULL,
    "contactName" TEXT NOT NULL,
    "contactRole" TEXT,
    "contactEmail" TEXT NOT NULL,
    "contactPhone" TEXT,
    "toneOverrideReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PortalWelcome_pkey" PRIMARY KEY ("id")
);
