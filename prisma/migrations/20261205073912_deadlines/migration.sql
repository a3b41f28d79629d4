-- CreateTable
CREATE TABLE "Deadline" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" JSONB NOT NULL,
    "municipalityId" INTEGER NOT NULL,
    "schoolId" INTEGER,
    "due" TIMESTAMP(3) NOT NULL,
    "responsible" JSONB NOT NULL,
    "reminders" JSONB,
    "escalate" BOOLEAN NOT NULL DEFAULT true,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "doneAt" TIMESTAMP(3),
    "doneById" INTEGER,
    "lastNotice" TEXT,
    "escalatedAt" TIMESTAMP(3),
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Deadline_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeadlineMute" (
    "userId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DeadlineMute_pkey" PRIMARY KEY ("userId","kind")
);

-- CreateTable
CREATE TABLE "DeadlineRules" (
    "municipalityId" INTEGER NOT NULL,
    "rules" JSONB NOT NULL,
    "updatedById" INTEGER,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DeadlineRules_pkey" PRIMARY KEY ("municipalityId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Deadline_key_key" ON "Deadline"("key");

-- CreateIndex
CREATE INDEX "Deadline_status_due_idx" ON "Deadline"("status", "due");

-- CreateIndex
CREATE INDEX "Deadline_municipalityId_due_idx" ON "Deadline"("municipalityId", "due");

-- CreateIndex
CREATE INDEX "Deadline_schoolId_due_idx" ON "Deadline"("schoolId", "due");
