import { describe, expect, it } from "vitest"
import { isDatabaseUnavailable } from "../../../src/services/unavailable.ts"

/** Error shapes recorded from Prisma 7 + @prisma/adapter-pg against a PostgreSQL 15 server stopped under it. */
const known = (code: string, cause: object) =>
  Object.assign(new Error(`Invalid invocation (${code})`), { name: "PrismaClientKnownRequestError", code, meta: { driverAdapterError: { name: "DriverAdapterError", cause } } })

describe("isDatabaseUnavailable", () => {
  it("recognises a stopped or unreachable server", () => {
    // A model query on a fresh connection, and a raw query: «Can't reach database server at 127.0.0.1:55431».
    expect(isDatabaseUnavailable(known("P1001", { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 55431 }))).toBe(true)
    expect(isDatabaseUnavailable(known("P2010", { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 55431 }))).toBe(true)
    // A pooled connection the server terminated on shutdown.
    expect(isDatabaseUnavailable(known("P2039", { kind: "postgres", code: "57P01", severity: "FATAL", message: "terminating connection due to administrator command" }))).toBe(true)
    expect(isDatabaseUnavailable(known("P2039", { kind: "postgres", code: "08006", message: "connection failure" }))).toBe(true)
    expect(isDatabaseUnavailable(known("P2024", {}))).toBe(true) // timed out waiting for a pool connection
  })

  it("finds it inside grammY's BotError and wrapping errors", () => {
    const inner = known("P1001", { kind: "DatabaseNotReachable" })
    expect(isDatabaseUnavailable({ name: "BotError", error: inner })).toBe(true)
    expect(isDatabaseUnavailable(new Error("conversation failed", { cause: inner }))).toBe(true)
  })

  it("leaves other errors to the generic apology", () => {
    expect(isDatabaseUnavailable(known("P2002", { kind: "UniqueConstraintViolation", constraint: { fields: ["key"] } }))).toBe(false)
    expect(isDatabaseUnavailable(known("P2010", { kind: "postgres", code: "42P01", message: "relation does not exist" }))).toBe(false)
    expect(isDatabaseUnavailable(Object.assign(new Error("connect ECONNREFUSED 149.154.167.220:443"), { code: "ECONNREFUSED" }))).toBe(false)
    expect(isDatabaseUnavailable(new TypeError("x is undefined"))).toBe(false)
    expect(isDatabaseUnavailable(null)).toBe(false)
    expect(isDatabaseUnavailable("P1001")).toBe(false)
  })
})
