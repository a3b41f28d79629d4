-- AlterTable
ALTER TABLE "AnalysisRun" ADD COLUMN     "resultGzip" BYTEA,
ALTER COLUMN "result" DROP NOT NULL;

-- AlterTable
ALTER TABLE "ResultSet" ADD COLUMN     "packed" BYTEA;
