import { describe, expect, it } from "vitest"
import { ImmutableRows } from "../../../../src/services/storage/immutable-rows.ts"

describe("ImmutableRows", () => {
  it("keeps values per database: the same id in another database is another row", () => {
    const rows = new ImmutableRows<string>(10)
    const one = {}
    const two = {}
    rows.set(one, 1, "d", "first database", 1)
    expect(rows.get(one, 1, "d")).toBe("first database")
    expect(rows.get(two, 1, "d")).toBeUndefined()
  })

  it("takes an id with other bytes for another row (a database emptied and filled again)", () => {
    const rows = new ImmutableRows<string>(10)
    const db = {}
    rows.set(db, 1, "old", "before", 1)
    expect(rows.get(db, 1, "new")).toBeUndefined()
    expect(rows.get(db, 1, "old")).toBe("before")
  })

  it("drops the least recently used first when the weight is over the bound", () => {
    const rows = new ImmutableRows<string>(10)
    const db = {}
    rows.set(db, 1, "d", "a", 4)
    rows.set(db, 2, "d", "b", 4)
    expect(rows.get(db, 1, "d")).toBe("a") // 1 is now the most recent
    rows.set(db, 3, "d", "c", 4)
    expect(rows.get(db, 2, "d")).toBeUndefined()
    expect(rows.get(db, 1, "d")).toBe("a")
    expect(rows.get(db, 3, "d")).toBe("c")
  })

  it("never keeps a value heavier than the bound, and a replaced value's weight is not counted twice", () => {
    const rows = new ImmutableRows<string>(10)
    const db = {}
    rows.set(db, 1, "d", "huge", 11)
    expect(rows.get(db, 1, "d")).toBeUndefined()
    rows.set(db, 2, "d", "b", 6)
    rows.set(db, 2, "d", "b again", 6)
    rows.set(db, 3, "d", "c", 4)
    expect(rows.get(db, 2, "d")).toBe("b again")
    expect(rows.get(db, 3, "d")).toBe("c")
  })
})
