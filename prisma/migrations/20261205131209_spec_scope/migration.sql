-- AlterTable
ALTER TABLE "ProcedureSpec" ADD COLUMN     "municipalityId" INTEGER;
