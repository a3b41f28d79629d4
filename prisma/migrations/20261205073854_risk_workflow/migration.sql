-- CreateTable
CREATE TABLE "RiskAlertPreference" (
    "userId" INTEGER NOT NULL,
    "immediate" BOOLEAN NOT NULL DEFAULT false,
    "subscribed" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RiskAlertPreference_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "RiskFinding" (
    "id" SERIAL NOT NULL,
    "schoolId" INTEGER NOT NULL,
    "procedure" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "signs" TEXT[],
    "recheckRank" INTEGER,
    "changes" INTEGER NOT NULL DEFAULT 0,
    "runId" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RiskFinding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RiskCase" (
    "id" SERIAL NOT NULL,
    "schoolId" INTEGER NOT NULL,
    "procedure" TEXT NOT NULL,
    "municipalityId" INTEGER,
    "status" TEXT NOT NULL DEFAULT 'new',
    "level" TEXT NOT NULL,
    "origin" TEXT NOT NULL,
    "ownerId" INTEGER,
    "dueDate" TEXT,
    "twoYears" BOOLEAN NOT NULL DEFAULT false,
    "resolution" TEXT,
    "openedAt" TIMESTAMP(3) NOT NULL,
    "closedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RiskCase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RiskCaseEvent" (
    "id" SERIAL NOT NULL,
    "caseId" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "actorId" INTEGER,
    "kind" TEXT NOT NULL,
    "text" TEXT,
    "details" JSONB,

    CONSTRAINT "RiskCaseEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FollowUpMeasure" (
    "id" SERIAL NOT NULL,
    "caseId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "ownerId" INTEGER,
    "ownerName" TEXT,
    "dueDate" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'planned',
    "note" TEXT,
    "createdById" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "doneAt" TIMESTAMP(3),

    CONSTRAINT "FollowUpMeasure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecheckPlan" (
    "id" SERIAL NOT NULL,
    "procedure" TEXT NOT NULL,
    "municipalityId" INTEGER,
    "caseIds" INTEGER[],
    "schoolIds" INTEGER[],
    "size" INTEGER NOT NULL,
    "seed" INTEGER NOT NULL,
    "works" JSONB NOT NULL,
    "createdById" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "receivedAt" TIMESTAMP(3),
    "report" JSONB,

    CONSTRAINT "RecheckPlan_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RiskFinding_procedure_idx" ON "RiskFinding"("procedure");

-- CreateIndex
CREATE UNIQUE INDEX "RiskFinding_schoolId_procedure_key" ON "RiskFinding"("schoolId", "procedure");

-- CreateIndex
CREATE INDEX "RiskCase_schoolId_procedure_idx" ON "RiskCase"("schoolId", "procedure");

-- CreateIndex
CREATE INDEX "RiskCase_municipalityId_status_idx" ON "RiskCase"("municipalityId", "status");

-- CreateIndex
CREATE INDEX "RiskCaseEvent_caseId_at_idx" ON "RiskCaseEvent"("caseId", "at");

-- CreateIndex
CREATE INDEX "FollowUpMeasure_dueDate_status_idx" ON "FollowUpMeasure"("dueDate", "status");

-- CreateIndex
CREATE INDEX "FollowUpMeasure_caseId_idx" ON "FollowUpMeasure"("caseId");

-- CreateIndex
CREATE INDEX "RecheckPlan_procedure_idx" ON "RecheckPlan"("procedure");

-- AddForeignKey
ALTER TABLE "RiskCaseEvent" ADD CONSTRAINT "RiskCaseEvent_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "RiskCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUpMeasure" ADD CONSTRAINT "FollowUpMeasure_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "RiskCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;
