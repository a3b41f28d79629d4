-- CreateIndex
CREATE INDEX "Outbox_leaseUntil_idx" ON "Outbox"("leaseUntil");
