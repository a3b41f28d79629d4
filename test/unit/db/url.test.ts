import { describe, expect, it } from "vitest"
import { parseDatabaseUrl } from "../../../src/db/url.ts"

describe("DATABASE_URL", () => {
  it("keeps a + in the PGlite directory (it was read as a space and opened another database)", () => {
    expect(parseDatabaseUrl("postgresql://pglite/?dir=/srv/c++/db")).toEqual({ kind: "pglite", dir: "/srv/c++/db" })
    expect(parseDatabaseUrl("postgresql://pglite/?dir=./data/a%20b+c")).toEqual({ kind: "pglite", dir: "./data/a b+c" })
    expect(parseDatabaseUrl("postgresql://pglite/?dir=./100%")).toEqual({ kind: "pglite", dir: "./100%" })
  })

  it("reads the in-memory PGlite, PostgreSQL and its schema as before", () => {
    expect(parseDatabaseUrl("postgresql://pglite/")).toEqual({ kind: "pglite", dir: null })
    expect(parseDatabaseUrl("postgresql://u:p@127.0.0.1:5432/db?schema=s+1")).toEqual({ kind: "postgres", url: "postgresql://u:p@127.0.0.1:5432/db?schema=s+1", schema: "s+1" })
    expect(parseDatabaseUrl("postgres://h/db")).toEqual({ kind: "postgres", url: "postgres://h/db", schema: null })
    expect(() => parseDatabaseUrl("mysql://h/db")).toThrow("must start with postgresql://")
  })
})
