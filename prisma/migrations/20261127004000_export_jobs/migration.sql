-- Asynchronous exports: one row per export job (src/modules/exports/exportJobs.service.ts).

-- CreateEnum
CREATE TYPE "ExportJobStatus" AS ENUM ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'EXPIRED');

-- CreateTable
CREATE TABLE "ExportJob" (
    "id" SERIAL NOT NULL,
    "kind" VARCHAR(32) NOT NULL,
    "format" VARCHAR(8) NOT NULL,
    "where" JSONB,
    "status" "ExportJobStatus" NOT NULL DEFAULT 'QUEUED',
    "rowsWritten" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "filePath" TEXT,
    "expiresAt" TIMESTAMPTZ(3),
    "requestId" VARCHAR(128),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExportJob_pkey" PRIMARY KEY ("id")
);
