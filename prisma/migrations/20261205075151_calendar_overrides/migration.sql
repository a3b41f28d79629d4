-- CreateTable
CREATE TABLE "CalendarYearOverride" (
    "year" INTEGER NOT NULL,
    "data" JSONB NOT NULL,
    "fileName" TEXT,
    "updatedById" INTEGER,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CalendarYearOverride_pkey" PRIMARY KEY ("year")
);
