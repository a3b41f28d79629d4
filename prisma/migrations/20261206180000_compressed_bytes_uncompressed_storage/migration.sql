-- These columns hold bytes that are compressed already (an XLSX is a zip; the packed participants and the stored
-- analysis are gzip). With the default EXTENDED storage PostgreSQL tries pglz on every write and gains nothing: on
-- PGlite that halved the time to keep a 2.8 MB upload (bench/wait.ts). EXTERNAL still moves them out of line.
ALTER TABLE "Upload" ALTER COLUMN "bytes" SET STORAGE EXTERNAL;
ALTER TABLE "ResultSet" ALTER COLUMN "packed" SET STORAGE EXTERNAL;
ALTER TABLE "AnalysisRun" ALTER COLUMN "resultGzip" SET STORAGE EXTERNAL;
