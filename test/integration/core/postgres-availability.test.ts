import { describe, expect, it } from "vitest"
import { testDatabaseUrl } from "../../../src/config.ts"
import { availableDatabases } from "../../support/db.ts"

// Every database suite runs on PGlite and, when TEST_DATABASE_URL names a server, on PostgreSQL too. Without it
// this test shows up as skipped, so a run on PGlite alone says so instead of silently running less.
describe("PostgreSQL", () => {
  it.skipIf(!testDatabaseUrl())("database suites also run on PostgreSQL (TEST_DATABASE_URL is set; skipped when it is not)", () => {
    expect(availableDatabases()).toEqual(["pglite", "postgres"])
  })
})
