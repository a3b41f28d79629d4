import { describe, expect, it } from "vitest"
import { callbackData } from "../../../src/bot/callback-data.ts"

describe("callback data", () => {
  const school = callbackData("test:s", { specId: "int", schoolId: "int" })
  const role = callbackData("test:r", { role: "word" })

  it("packs and unpacks its own kind, and nothing else", () => {
    expect(school.pack({ specId: 12, schoolId: 345 })).toBe("test:s:12:345")
    expect(school.unpack("test:s:12:345")).toEqual({ specId: 12, schoolId: 345 })
    expect(role.unpack(role.pack({ role: "municipal_coordinator" }))).toEqual({ role: "municipal_coordinator" })
    for (const forged of ["test:s:12", "test:s:12:345:6", "test:s:-1:2", "test:s:a:b", "test:r:Admin", "test:r:", "an:s:1:2"]) {
      expect(school.unpack(forged) ?? role.unpack(forged), forged).toBeNull()
    }
  })

  it("refuses what Telegram would refuse or a button could not carry", () => {
    expect(() => school.pack({ specId: -1, schoolId: 1 })).toThrow(/not a valid int/)
    expect(() => role.pack({ role: "Учитель" })).toThrow(/not a valid word/)
    const long = callbackData("test:long", { a: "word", b: "word" })
    expect(() => long.pack({ a: "x".repeat(30), b: "y".repeat(30) })).toThrow(/over 64 bytes/)
    expect(() => callbackData("test:s")).toThrow(/declared twice/)
    expect(() => callbackData("Тест")).toThrow(/lower-case/)
  })
})
