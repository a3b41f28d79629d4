-- CreateTable
CREATE TABLE "OutboxPace" (
    "key" TEXT NOT NULL,
    "nextSlotAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OutboxPace_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "Outbox_leaseUntil_idx" ON "Outbox"("leaseUntil");
