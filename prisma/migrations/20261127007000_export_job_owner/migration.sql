-- Export jobs belong to their creator: only the creator (or a bank-wide ADMIN) may see the job
-- and download its file. The job's rows are limited to the creator's scope when it is created.

-- AlterTable
ALTER TABLE "ExportJob" ADD COLUMN "createdBy" VARCHAR(160);
