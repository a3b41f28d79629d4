-- AlterTable
ALTER TABLE "AnalysisRun" ADD COLUMN     "extrasHash" TEXT;

-- CreateTable
CREATE TABLE "ExamResult" (
    "id" SERIAL NOT NULL,
    "schoolId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "subject" TEXT NOT NULL,
    "participants" INTEGER NOT NULL,
    "mean" DOUBLE PRECISION NOT NULL,
    "uploadId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExamResult_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Medalist" (
    "id" SERIAL NOT NULL,
    "schoolId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "russian" INTEGER,
    "mathematics" INTEGER,
    "uploadId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Medalist_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecheckedWork" (
    "id" SERIAL NOT NULL,
    "schoolId" INTEGER NOT NULL,
    "procedure" TEXT NOT NULL,
    "originalScore" INTEGER NOT NULL,
    "recheckedScore" INTEGER NOT NULL,
    "uploadId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RecheckedWork_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ExamResult_subject_kind_year_idx" ON "ExamResult"("subject", "kind", "year");

-- CreateIndex
CREATE UNIQUE INDEX "ExamResult_schoolId_kind_year_subject_key" ON "ExamResult"("schoolId", "kind", "year", "subject");

-- CreateIndex
CREATE INDEX "Medalist_schoolId_year_idx" ON "Medalist"("schoolId", "year");

-- CreateIndex
CREATE INDEX "RecheckedWork_procedure_schoolId_idx" ON "RecheckedWork"("procedure", "schoolId");

-- AddForeignKey
ALTER TABLE "ExamResult" ADD CONSTRAINT "ExamResult_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Medalist" ADD CONSTRAINT "Medalist_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecheckedWork" ADD CONSTRAINT "RecheckedWork_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
