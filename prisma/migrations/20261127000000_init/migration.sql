-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "DataSource" AS ENUM ('ARTICLE', 'SYNTHETIC', 'IMPORT', 'API');

-- CreateEnum
CREATE TYPE "RegionLevel" AS ENUM ('PROVINCE', 'PREFECTURE', 'COUNTY', 'TOWNSHIP');

-- CreateEnum
CREATE TYPE "PovertyTier" AS ENUM ('NATIONAL', 'PROVINCIAL', 'NONE');

-- CreateEnum
CREATE TYPE "OrgUnitKind" AS ENUM ('TIER1_BRANCH', 'TIER2_BRANCH', 'SUB_BRANCH', 'OUTLET', 'SELF_SERVICE_BANK', 'DEPARTMENT');

-- CreateEnum
CREATE TYPE "InitiativeCategory" AS ENUM ('PAIRED_ASSISTANCE', 'NUTRITION', 'EDUCATION_AID', 'CONSUMPTION', 'FINANCIAL_ACCESS', 'INDUSTRY_CREDIT', 'EPIDEMIC_SUPPORT', 'PARTY_BUILDING', 'OTHER');

-- CreateEnum
CREATE TYPE "InitiativeStatus" AS ENUM ('PLANNED', 'ACTIVE', 'COMPLETED', 'SUSPENDED');

-- CreateEnum
CREATE TYPE "VillageRole" AS ENUM ('TARGET', 'HOST');

-- CreateEnum
CREATE TYPE "CadreRole" AS ENUM ('FIRST_SECRETARY', 'WORK_TEAM_MEMBER', 'LIAISON');

-- CreateEnum
CREATE TYPE "MetricKind" AS ENUM ('STUDENTS_SUPPORTED', 'MEAL_SUBSIDY_PER_CHILD', 'CARDS_ISSUED', 'PURCHASE_AMOUNT', 'OUTLETS', 'HOUSEHOLDS_REACHED', 'CADRES_STATIONED', 'YEARS_RUNNING', 'SECTORS_SUPPORTED', 'LOANS_GRANTED', 'PEOPLE_LIFTED');

-- CreateEnum
CREATE TYPE "MetricUnit" AS ENUM ('PERSON', 'HOUSEHOLD', 'CNY', 'CARD', 'OUTLET', 'CNY_PER_CHILD_DAY', 'YEAR', 'SECTOR', 'LOAN');

-- CreateEnum
CREATE TYPE "EnterpriseSize" AS ENUM ('LARGE', 'MEDIUM', 'SMALL', 'MICRO');

-- CreateEnum
CREATE TYPE "LeadingEnterpriseLevel" AS ENUM ('NATIONAL', 'PROVINCIAL', 'MUNICIPAL', 'NONE');

-- CreateEnum
CREATE TYPE "SiteKind" AS ENUM ('PLANT', 'FARM', 'BASE', 'PROJECT');

-- CreateEnum
CREATE TYPE "LoanProduct" AS ENUM ('WORKING_CAPITAL', 'FIXED_ASSET', 'PROJECT', 'SUPPLY_CHAIN', 'INCLUSIVE_SME', 'POVERTY_MICROCREDIT');

-- CreateEnum
CREATE TYPE "RegulatoryClass" AS ENUM ('INDIVIDUAL_REGISTERED_POOR', 'INDIVIDUAL_OTHER', 'INDUSTRY', 'PROJECT_RELOCATION', 'PROJECT_FARMLAND', 'PROJECT_ECOLOGY', 'PROJECT_INFRASTRUCTURE', 'NONE');

-- CreateEnum
CREATE TYPE "PolicyRegime" AS ENUM ('TARGETED_2016_2020', 'TRANSITION_2021_2025');

-- CreateEnum
CREATE TYPE "FinancingModel" AS ENUM ('BANK_LEADING_ENTERPRISE_FARMER', 'BANK_GOVERNMENT_ENTERPRISE_FARMER', 'DIRECT', 'SUPPLY_CHAIN');

-- CreateEnum
CREATE TYPE "GuaranteeType" AS ENUM ('CREDIT', 'GUARANTEE', 'MORTGAGE', 'PLEDGE', 'COMBINED');

-- CreateEnum
CREATE TYPE "RateType" AS ENUM ('FIXED', 'FLOATING');

-- CreateEnum
CREATE TYPE "LprTenor" AS ENUM ('ONE_YEAR', 'FIVE_YEAR_PLUS');

-- CreateEnum
CREATE TYPE "RepaymentMethod" AS ENUM ('EQUAL_INSTALMENT', 'EQUAL_PRINCIPAL', 'INTEREST_ONLY_BULLET', 'BULLET');

-- CreateEnum
CREATE TYPE "LoanStatus" AS ENUM ('APPLIED', 'APPROVED', 'DISBURSED', 'REPAID', 'OVERDUE', 'WRITTEN_OFF', 'REJECTED');

-- CreateEnum
CREATE TYPE "RiskClass" AS ENUM ('NORMAL', 'SPECIAL_MENTION', 'SUBSTANDARD', 'DOUBTFUL', 'LOSS');

-- CreateEnum
CREATE TYPE "SupportSector" AS ENUM ('MEDICAL', 'TRANSPORT_LOGISTICS', 'ENERGY_CHEMICALS', 'FOREIGN_TRADE', 'AGRICULTURE', 'MANUFACTURING', 'CONSUMER_SERVICES', 'OTHER');

-- CreateEnum
CREATE TYPE "ScheduleStatus" AS ENUM ('PENDING', 'PAID', 'PARTIAL', 'OVERDUE', 'DEFERRED');

-- CreateEnum
CREATE TYPE "ImpactMechanism" AS ENUM ('EMPLOYMENT', 'ORDER_PURCHASE', 'ASSET_INCOME', 'LAND_TRANSFER', 'HOSTING', 'TRAINING', 'CONSUMPTION');

-- CreateEnum
CREATE TYPE "Verifier" AS ENUM ('POVERTY_OFFICE', 'REVITALIZATION_BUREAU', 'BANK', 'SELF_REPORTED');

-- CreateTable
CREATE TABLE "Region" (
    "id" SERIAL NOT NULL,
    "code" VARCHAR(12) NOT NULL,
    "name" TEXT NOT NULL,
    "aliases" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "level" "RegionLevel" NOT NULL,
    "parentId" INTEGER,
    "povertyTier" "PovertyTier",
    "contiguousArea" TEXT,
    "exitYear" INTEGER,
    "exitApprovedOn" DATE,
    "revitalizationKeyCounty" BOOLEAN,
    "note" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dataSource" "DataSource" NOT NULL DEFAULT 'API',

    CONSTRAINT "Region_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Village" (
    "id" SERIAL NOT NULL,
    "code" VARCHAR(12),
    "codeVerified" BOOLEAN NOT NULL DEFAULT false,
    "name" TEXT NOT NULL,
    "aliases" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "countyId" INTEGER NOT NULL,
    "townshipId" INTEGER,
    "wasPoorVillage" BOOLEAN,
    "exitYear" INTEGER,
    "registeredPoorHouseholds" INTEGER,
    "population" INTEGER,
    "note" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dataSource" "DataSource" NOT NULL DEFAULT 'API',

    CONSTRAINT "Village_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrgUnit" (
    "id" SERIAL NOT NULL,
    "code" VARCHAR(32) NOT NULL,
    "name" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "kind" "OrgUnitKind" NOT NULL,
    "parentId" INTEGER,
    "path" TEXT NOT NULL DEFAULT '/',
    "regionId" INTEGER,
    "countyLevel" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dataSource" "DataSource" NOT NULL DEFAULT 'API',

    CONSTRAINT "OrgUnit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Initiative" (
    "id" SERIAL NOT NULL,
    "code" VARCHAR(32) NOT NULL,
    "name" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "category" "InitiativeCategory" NOT NULL,
    "status" "InitiativeStatus" NOT NULL,
    "startDate" DATE,
    "endDate" DATE,
    "ownerOrgUnitId" INTEGER NOT NULL,
    "budget" DECIMAL(18,2),
    "description" TEXT,
    "approximate" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dataSource" "DataSource" NOT NULL DEFAULT 'API',

    CONSTRAINT "Initiative_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InitiativeVillage" (
    "initiativeId" INTEGER NOT NULL,
    "villageId" INTEGER NOT NULL,
    "role" "VillageRole" NOT NULL,
    "since" DATE,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dataSource" "DataSource" NOT NULL DEFAULT 'API',

    CONSTRAINT "InitiativeVillage_pkey" PRIMARY KEY ("initiativeId","villageId","role")
);

-- CreateTable
CREATE TABLE "CadreAssignment" (
    "id" SERIAL NOT NULL,
    "initiativeId" INTEGER NOT NULL,
    "villageId" INTEGER NOT NULL,
    "role" "CadreRole" NOT NULL,
    "partyMember" BOOLEAN NOT NULL,
    "staffRef" VARCHAR(64) NOT NULL,
    "startDate" DATE,
    "endDate" DATE,
    "note" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dataSource" "DataSource" NOT NULL DEFAULT 'API',

    CONSTRAINT "CadreAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InitiativeMetric" (
    "id" SERIAL NOT NULL,
    "initiativeId" INTEGER NOT NULL,
    "metric" "MetricKind" NOT NULL,
    "value" DECIMAL(18,2),
    "unit" "MetricUnit" NOT NULL,
    "periodStart" DATE,
    "periodEnd" DATE,
    "cumulative" BOOLEAN NOT NULL DEFAULT false,
    "approximate" BOOLEAN NOT NULL DEFAULT false,
    "qualifier" TEXT,
    "note" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dataSource" "DataSource" NOT NULL DEFAULT 'API',

    CONSTRAINT "InitiativeMetric_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Campaign" (
    "id" SERIAL NOT NULL,
    "code" VARCHAR(32) NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT,
    "aliases" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "sponsor" TEXT,
    "theme" TEXT,
    "startDate" DATE,
    "endDate" DATE,
    "note" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dataSource" "DataSource" NOT NULL DEFAULT 'API',

    CONSTRAINT "Campaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InitiativeCampaign" (
    "initiativeId" INTEGER NOT NULL,
    "campaignId" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dataSource" "DataSource" NOT NULL DEFAULT 'API',

    CONSTRAINT "InitiativeCampaign_pkey" PRIMARY KEY ("initiativeId","campaignId")
);

-- CreateTable
CREATE TABLE "LoanCampaign" (
    "loanId" INTEGER NOT NULL,
    "campaignId" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dataSource" "DataSource" NOT NULL DEFAULT 'API',

    CONSTRAINT "LoanCampaign_pkey" PRIMARY KEY ("loanId","campaignId")
);

-- CreateTable
CREATE TABLE "Enterprise" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "nameZh" TEXT,
    "anonymised" BOOLEAN NOT NULL DEFAULT false,
    "creditCode" CHAR(18),
    "industrySection" CHAR(1),
    "industryCode" VARCHAR(5),
    "size" "EnterpriseSize",
    "leadingEnterpriseLevel" "LeadingEnterpriseLevel" NOT NULL DEFAULT 'NONE',
    "headOfficeRegionId" INTEGER,
    "note" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dataSource" "DataSource" NOT NULL DEFAULT 'API',

    CONSTRAINT "Enterprise_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EnterpriseSite" (
    "id" SERIAL NOT NULL,
    "enterpriseId" INTEGER NOT NULL,
    "regionId" INTEGER NOT NULL,
    "kind" "SiteKind" NOT NULL,
    "name" TEXT,
    "openedOn" DATE,
    "note" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dataSource" "DataSource" NOT NULL DEFAULT 'API',

    CONSTRAINT "EnterpriseSite_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EnterpriseLoan" (
    "id" SERIAL NOT NULL,
    "contractNo" VARCHAR(40) NOT NULL,
    "enterpriseId" INTEGER NOT NULL,
    "orgUnitId" INTEGER NOT NULL,
    "siteId" INTEGER,
    "regionId" INTEGER,
    "product" "LoanProduct" NOT NULL,
    "regulatoryClass" "RegulatoryClass" NOT NULL,
    "policyRegime" "PolicyRegime" NOT NULL,
    "financingModel" "FinancingModel",
    "guarantee" "GuaranteeType",
    "rateType" "RateType",
    "lprTenor" "LprTenor",
    "lprAtPricing" DECIMAL(9,6),
    "spreadBps" INTEGER,
    "effectiveRate" DECIMAL(9,6),
    "interestSubsidyRate" DECIMAL(9,6),
    "repaymentMethod" "RepaymentMethod",
    "contractAmount" DECIMAL(18,2),
    "disbursedAmount" DECIMAL(18,2),
    "outstandingBalance" DECIMAL(18,2),
    "overduePrincipal" DECIMAL(18,2),
    "overdueInterest" DECIMAL(18,2),
    "daysPastDue" INTEGER,
    "contractDate" DATE,
    "firstDisbursementDate" DATE,
    "maturityDate" DATE,
    "termMonths" INTEGER,
    "deferredUntil" DATE,
    "status" "LoanStatus" NOT NULL,
    "riskClass" "RiskClass",
    "supportSector" "SupportSector",
    "illustrative" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dataSource" "DataSource" NOT NULL DEFAULT 'API',

    CONSTRAINT "EnterpriseLoan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RepaymentScheduleItem" (
    "id" SERIAL NOT NULL,
    "loanId" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "dueDate" DATE NOT NULL,
    "principalDue" DECIMAL(18,2) NOT NULL,
    "interestDue" DECIMAL(18,2) NOT NULL,
    "principalPaid" DECIMAL(18,2) NOT NULL DEFAULT 0,
    "interestPaid" DECIMAL(18,2) NOT NULL DEFAULT 0,
    "status" "ScheduleStatus" NOT NULL DEFAULT 'PENDING',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dataSource" "DataSource" NOT NULL DEFAULT 'API',

    CONSTRAINT "RepaymentScheduleItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Repayment" (
    "id" SERIAL NOT NULL,
    "loanId" INTEGER NOT NULL,
    "scheduleItemId" INTEGER,
    "paidOn" DATE NOT NULL,
    "principal" DECIMAL(18,2) NOT NULL,
    "interest" DECIMAL(18,2) NOT NULL,
    "penalty" DECIMAL(18,2) NOT NULL DEFAULT 0,
    "note" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dataSource" "DataSource" NOT NULL DEFAULT 'API',

    CONSTRAINT "Repayment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoanClassificationSnapshot" (
    "id" SERIAL NOT NULL,
    "loanId" INTEGER NOT NULL,
    "monthEnd" DATE NOT NULL,
    "riskClass" "RiskClass" NOT NULL,
    "outstandingBalance" DECIMAL(18,2) NOT NULL,
    "daysPastDue" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dataSource" "DataSource" NOT NULL DEFAULT 'API',

    CONSTRAINT "LoanClassificationSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImpactRecord" (
    "id" SERIAL NOT NULL,
    "loanId" INTEGER,
    "initiativeId" INTEGER,
    "regionId" INTEGER NOT NULL,
    "periodStart" DATE,
    "periodEnd" DATE,
    "mechanism" "ImpactMechanism" NOT NULL,
    "peopleDriven" INTEGER,
    "registeredPoorPeople" INTEGER,
    "registeredPoorHouseholds" INTEGER,
    "employeesTotal" INTEGER,
    "poorEmployeeShare" DECIMAL(5,4),
    "incomeIncrease" DECIMAL(18,2),
    "approximate" BOOLEAN NOT NULL DEFAULT false,
    "qualifier" TEXT,
    "verifiedBy" "Verifier" NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dataSource" "DataSource" NOT NULL DEFAULT 'API',

    CONSTRAINT "ImpactRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LprRate" (
    "id" SERIAL NOT NULL,
    "effectiveDate" DATE NOT NULL,
    "tenor" "LprTenor" NOT NULL,
    "rate" DECIMAL(9,6) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dataSource" "DataSource" NOT NULL DEFAULT 'API',

    CONSTRAINT "LprRate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Region_code_key" ON "Region"("code");

-- CreateIndex
CREATE INDEX "Region_parentId_idx" ON "Region"("parentId");

-- CreateIndex
CREATE INDEX "Region_level_code_idx" ON "Region"("level", "code");

-- CreateIndex
CREATE UNIQUE INDEX "Village_code_key" ON "Village"("code");

-- CreateIndex
CREATE INDEX "Village_countyId_idx" ON "Village"("countyId");

-- CreateIndex
CREATE INDEX "Village_townshipId_idx" ON "Village"("townshipId");

-- CreateIndex
CREATE INDEX "Village_name_idx" ON "Village"("name");

-- CreateIndex
CREATE UNIQUE INDEX "OrgUnit_code_key" ON "OrgUnit"("code");

-- CreateIndex
CREATE INDEX "OrgUnit_parentId_idx" ON "OrgUnit"("parentId");

-- CreateIndex
CREATE INDEX "OrgUnit_regionId_idx" ON "OrgUnit"("regionId");

-- CreateIndex
CREATE INDEX "OrgUnit_path_idx" ON "OrgUnit"("path");

-- CreateIndex
CREATE UNIQUE INDEX "Initiative_code_key" ON "Initiative"("code");

-- CreateIndex
CREATE INDEX "Initiative_ownerOrgUnitId_idx" ON "Initiative"("ownerOrgUnitId");

-- CreateIndex
CREATE INDEX "Initiative_category_idx" ON "Initiative"("category");

-- CreateIndex
CREATE INDEX "Initiative_status_idx" ON "Initiative"("status");

-- CreateIndex
CREATE INDEX "InitiativeVillage_villageId_idx" ON "InitiativeVillage"("villageId");

-- CreateIndex
CREATE INDEX "CadreAssignment_initiativeId_idx" ON "CadreAssignment"("initiativeId");

-- CreateIndex
CREATE INDEX "CadreAssignment_villageId_idx" ON "CadreAssignment"("villageId");

-- CreateIndex
CREATE INDEX "InitiativeMetric_initiativeId_idx" ON "InitiativeMetric"("initiativeId");

-- CreateIndex
CREATE INDEX "InitiativeMetric_metric_idx" ON "InitiativeMetric"("metric");

-- CreateIndex
CREATE UNIQUE INDEX "Campaign_code_key" ON "Campaign"("code");

-- CreateIndex
CREATE INDEX "InitiativeCampaign_campaignId_idx" ON "InitiativeCampaign"("campaignId");

-- CreateIndex
CREATE INDEX "LoanCampaign_campaignId_idx" ON "LoanCampaign"("campaignId");

-- CreateIndex
CREATE UNIQUE INDEX "Enterprise_creditCode_key" ON "Enterprise"("creditCode");

-- CreateIndex
CREATE INDEX "Enterprise_headOfficeRegionId_idx" ON "Enterprise"("headOfficeRegionId");

-- CreateIndex
CREATE INDEX "Enterprise_leadingEnterpriseLevel_idx" ON "Enterprise"("leadingEnterpriseLevel");

-- CreateIndex
CREATE INDEX "EnterpriseSite_enterpriseId_idx" ON "EnterpriseSite"("enterpriseId");

-- CreateIndex
CREATE INDEX "EnterpriseSite_regionId_idx" ON "EnterpriseSite"("regionId");

-- CreateIndex
CREATE UNIQUE INDEX "EnterpriseLoan_contractNo_key" ON "EnterpriseLoan"("contractNo");

-- CreateIndex
CREATE INDEX "EnterpriseLoan_orgUnitId_idx" ON "EnterpriseLoan"("orgUnitId");

-- CreateIndex
CREATE INDEX "EnterpriseLoan_enterpriseId_idx" ON "EnterpriseLoan"("enterpriseId");

-- CreateIndex
CREATE INDEX "EnterpriseLoan_regionId_idx" ON "EnterpriseLoan"("regionId");

-- CreateIndex
CREATE INDEX "EnterpriseLoan_status_idx" ON "EnterpriseLoan"("status");

-- CreateIndex
CREATE INDEX "EnterpriseLoan_product_idx" ON "EnterpriseLoan"("product");

-- CreateIndex
CREATE INDEX "EnterpriseLoan_firstDisbursementDate_idx" ON "EnterpriseLoan"("firstDisbursementDate");

-- CreateIndex
CREATE INDEX "EnterpriseLoan_contractDate_idx" ON "EnterpriseLoan"("contractDate");

-- CreateIndex
CREATE INDEX "EnterpriseLoan_updatedAt_idx" ON "EnterpriseLoan"("updatedAt");

-- CreateIndex
CREATE INDEX "RepaymentScheduleItem_status_dueDate_idx" ON "RepaymentScheduleItem"("status", "dueDate");

-- CreateIndex
CREATE UNIQUE INDEX "RepaymentScheduleItem_loanId_seq_key" ON "RepaymentScheduleItem"("loanId", "seq");

-- CreateIndex
CREATE INDEX "Repayment_loanId_paidOn_idx" ON "Repayment"("loanId", "paidOn");

-- CreateIndex
CREATE INDEX "Repayment_scheduleItemId_idx" ON "Repayment"("scheduleItemId");

-- CreateIndex
CREATE INDEX "LoanClassificationSnapshot_monthEnd_idx" ON "LoanClassificationSnapshot"("monthEnd");

-- CreateIndex
CREATE UNIQUE INDEX "LoanClassificationSnapshot_loanId_monthEnd_key" ON "LoanClassificationSnapshot"("loanId", "monthEnd");

-- CreateIndex
CREATE INDEX "ImpactRecord_regionId_periodStart_idx" ON "ImpactRecord"("regionId", "periodStart");

-- CreateIndex
CREATE INDEX "ImpactRecord_loanId_idx" ON "ImpactRecord"("loanId");

-- CreateIndex
CREATE INDEX "ImpactRecord_initiativeId_idx" ON "ImpactRecord"("initiativeId");

-- CreateIndex
CREATE UNIQUE INDEX "LprRate_tenor_effectiveDate_key" ON "LprRate"("tenor", "effectiveDate");

-- AddForeignKey
ALTER TABLE "Region" ADD CONSTRAINT "Region_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Region"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Village" ADD CONSTRAINT "Village_countyId_fkey" FOREIGN KEY ("countyId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Village" ADD CONSTRAINT "Village_townshipId_fkey" FOREIGN KEY ("townshipId") REFERENCES "Region"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrgUnit" ADD CONSTRAINT "OrgUnit_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "OrgUnit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrgUnit" ADD CONSTRAINT "OrgUnit_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Initiative" ADD CONSTRAINT "Initiative_ownerOrgUnitId_fkey" FOREIGN KEY ("ownerOrgUnitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InitiativeVillage" ADD CONSTRAINT "InitiativeVillage_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InitiativeVillage" ADD CONSTRAINT "InitiativeVillage_villageId_fkey" FOREIGN KEY ("villageId") REFERENCES "Village"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CadreAssignment" ADD CONSTRAINT "CadreAssignment_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CadreAssignment" ADD CONSTRAINT "CadreAssignment_villageId_fkey" FOREIGN KEY ("villageId") REFERENCES "Village"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InitiativeMetric" ADD CONSTRAINT "InitiativeMetric_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InitiativeCampaign" ADD CONSTRAINT "InitiativeCampaign_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InitiativeCampaign" ADD CONSTRAINT "InitiativeCampaign_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LoanCampaign" ADD CONSTRAINT "LoanCampaign_loanId_fkey" FOREIGN KEY ("loanId") REFERENCES "EnterpriseLoan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LoanCampaign" ADD CONSTRAINT "LoanCampaign_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enterprise" ADD CONSTRAINT "Enterprise_headOfficeRegionId_fkey" FOREIGN KEY ("headOfficeRegionId") REFERENCES "Region"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EnterpriseSite" ADD CONSTRAINT "EnterpriseSite_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "Enterprise"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EnterpriseSite" ADD CONSTRAINT "EnterpriseSite_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EnterpriseLoan" ADD CONSTRAINT "EnterpriseLoan_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "Enterprise"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EnterpriseLoan" ADD CONSTRAINT "EnterpriseLoan_orgUnitId_fkey" FOREIGN KEY ("orgUnitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EnterpriseLoan" ADD CONSTRAINT "EnterpriseLoan_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "EnterpriseSite"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EnterpriseLoan" ADD CONSTRAINT "EnterpriseLoan_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RepaymentScheduleItem" ADD CONSTRAINT "RepaymentScheduleItem_loanId_fkey" FOREIGN KEY ("loanId") REFERENCES "EnterpriseLoan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Repayment" ADD CONSTRAINT "Repayment_loanId_fkey" FOREIGN KEY ("loanId") REFERENCES "EnterpriseLoan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Repayment" ADD CONSTRAINT "Repayment_scheduleItemId_fkey" FOREIGN KEY ("scheduleItemId") REFERENCES "RepaymentScheduleItem"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LoanClassificationSnapshot" ADD CONSTRAINT "LoanClassificationSnapshot_loanId_fkey" FOREIGN KEY ("loanId") REFERENCES "EnterpriseLoan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImpactRecord" ADD CONSTRAINT "ImpactRecord_loanId_fkey" FOREIGN KEY ("loanId") REFERENCES "EnterpriseLoan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImpactRecord" ADD CONSTRAINT "ImpactRecord_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImpactRecord" ADD CONSTRAINT "ImpactRecord_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
