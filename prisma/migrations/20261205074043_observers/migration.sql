-- AlterTable
ALTER TABLE "School" ADD COLUMN     "address" TEXT;

-- CreateTable
CREATE TABLE "Observer" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER,
    "municipalityId" INTEGER NOT NULL,
    "fullName" TEXT,
    "phone" TEXT,
    "status" TEXT NOT NULL DEFAULT 'registered',
    "availableAny" BOOLEAN NOT NULL DEFAULT false,
    "availableWeekdays" INTEGER[],
    "availableDates" TEXT[],
    "consentVersion" TEXT,
    "consentAt" TIMESTAMP(3),
    "quizVersion" TEXT,
    "quizScore" INTEGER,
    "quizPassedAt" TIMESTAMP(3),
    "reviewedById" INTEGER,
    "reviewedAt" TIMESTAMP(3),
    "rejectionReason" TEXT,
    "withdrawnAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Observer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ObserverTie" (
    "id" SERIAL NOT NULL,
    "observerId" INTEGER NOT NULL,
    "schoolId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,

    CONSTRAINT "ObserverTie_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuizAttempt" (
    "id" SERIAL NOT NULL,
    "observerId" INTEGER NOT NULL,
    "version" TEXT NOT NULL,
    "plan" JSONB NOT NULL,
    "answers" INTEGER[],
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "score" INTEGER,
    "passed" BOOLEAN,

    CONSTRAINT "QuizAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ObserverAssignment" (
    "id" SERIAL NOT NULL,
    "sessionId" INTEGER NOT NULL,
    "observerId" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "priority" BOOLEAN NOT NULL DEFAULT false,
    "proposedById" INTEGER,
    "offeredAt" TIMESTAMP(3),
    "respondBy" TIMESTAMP(3),
    "respondedAt" TIMESTAMP(3),
    "declaredAt" TIMESTAMP(3),
    "endReason" TEXT,
    "actDueAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ObserverAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ObservationAct" (
    "id" SERIAL NOT NULL,
    "assignmentId" INTEGER,
    "observerId" INTEGER NOT NULL,
    "schoolId" INTEGER NOT NULL,
    "procedure" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "stages" TEXT[],
    "startMinutes" INTEGER NOT NULL,
    "endMinutes" INTEGER NOT NULL,
    "violations" JSONB NOT NULL,
    "comment" TEXT,
    "photoFileIds" TEXT[],
    "dueAt" TIMESTAMP(3) NOT NULL,
    "submittedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ObservationAct_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ObserverRequest" (
    "id" SERIAL NOT NULL,
    "schoolId" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "requestedById" INTEGER,
    "since" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "ObserverRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ObserverSettings" (
    "municipalityId" INTEGER NOT NULL,
    "settings" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ObserverSettings_pkey" PRIMARY KEY ("municipalityId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Observer_userId_key" ON "Observer"("userId");

-- CreateIndex
CREATE INDEX "Observer_municipalityId_status_idx" ON "Observer"("municipalityId", "status");

-- CreateIndex
CREATE INDEX "ObserverTie_schoolId_idx" ON "ObserverTie"("schoolId");

-- CreateIndex
CREATE UNIQUE INDEX "ObserverTie_observerId_schoolId_kind_key" ON "ObserverTie"("observerId", "schoolId", "kind");

-- CreateIndex
CREATE INDEX "QuizAttempt_observerId_startedAt_idx" ON "QuizAttempt"("observerId", "startedAt");

-- CreateIndex
CREATE INDEX "ObserverAssignment_sessionId_status_idx" ON "ObserverAssignment"("sessionId", "status");

-- CreateIndex
CREATE INDEX "ObserverAssignment_observerId_status_idx" ON "ObserverAssignment"("observerId", "status");

-- CreateIndex
CREATE INDEX "ObserverAssignment_status_respondBy_idx" ON "ObserverAssignment"("status", "respondBy");

-- CreateIndex
CREATE UNIQUE INDEX "ObservationAct_assignmentId_key" ON "ObservationAct"("assignmentId");

-- CreateIndex
CREATE INDEX "ObservationAct_schoolId_idx" ON "ObservationAct"("schoolId");

-- CreateIndex
CREATE INDEX "ObservationAct_date_idx" ON "ObservationAct"("date");

-- CreateIndex
CREATE INDEX "ObserverRequest_schoolId_idx" ON "ObserverRequest"("schoolId");

-- AddForeignKey
ALTER TABLE "Observer" ADD CONSTRAINT "Observer_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Observer" ADD CONSTRAINT "Observer_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ObserverTie" ADD CONSTRAINT "ObserverTie_observerId_fkey" FOREIGN KEY ("observerId") REFERENCES "Observer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ObserverTie" ADD CONSTRAINT "ObserverTie_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuizAttempt" ADD CONSTRAINT "QuizAttempt_observerId_fkey" FOREIGN KEY ("observerId") REFERENCES "Observer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ObserverAssignment" ADD CONSTRAINT "ObserverAssignment_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "ScheduledProcedure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ObserverAssignment" ADD CONSTRAINT "ObserverAssignment_observerId_fkey" FOREIGN KEY ("observerId") REFERENCES "Observer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ObservationAct" ADD CONSTRAINT "ObservationAct_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "ObserverAssignment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ObservationAct" ADD CONSTRAINT "ObservationAct_observerId_fkey" FOREIGN KEY ("observerId") REFERENCES "Observer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ObservationAct" ADD CONSTRAINT "ObservationAct_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ObserverRequest" ADD CONSTRAINT "ObserverRequest_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ObserverSettings" ADD CONSTRAINT "ObserverSettings_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
