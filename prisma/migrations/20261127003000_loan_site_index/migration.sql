-- Loans by site: the site filter and deleting a site (its FK check) scanned every loan without it.
-- CreateIndex
CREATE INDEX "EnterpriseLoan_siteId_idx" ON "EnterpriseLoan"("siteId");
