-- Idempotency keys are kept for DISHUI_IDEMPOTENCY_RETENTION_HOURS and purged in small batches by
-- age: the index lets each batch find the oldest keys without reading the whole table.
CREATE INDEX "IdempotencyRecord_createdAt_idx" ON "IdempotencyRecord"("createdAt");
