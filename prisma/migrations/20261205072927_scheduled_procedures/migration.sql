-- CreateTable
CREATE TABLE "ScheduledProcedure" (
    "id" SERIAL NOT NULL,
    "schoolId" INTEGER NOT NULL,
    "procedure" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "startMinutes" INTEGER,
    "rooms" INTEGER NOT NULL DEFAULT 1,
    "confirmedAt" TIMESTAMP(3),
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ScheduledProcedure_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ScheduledProcedure_date_idx" ON "ScheduledProcedure"("date");

-- CreateIndex
CREATE UNIQUE INDEX "ScheduledProcedure_schoolId_procedure_date_key" ON "ScheduledProcedure"("schoolId", "procedure", "date");

-- AddForeignKey
ALTER TABLE "ScheduledProcedure" ADD CONSTRAINT "ScheduledProcedure_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
