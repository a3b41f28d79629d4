-- AlterTable
ALTER TABLE "ResultSet" ADD COLUMN     "reference" BOOLEAN NOT NULL DEFAULT false;
