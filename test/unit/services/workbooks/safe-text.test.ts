import { describe, expect, it } from "vitest"
import { safeSheetName, safeText } from "../../../../src/services/workbooks/safe-text.ts"

describe("safeText", () => {
  it.each(["=1+1", "+7 (385) 000", "-2", "@SUM(A1)", "\tx", "\rx", '=HYPERLINK("http://x","y")'])("keeps %j as text", (text) => {
    expect(safeText(text)).toBe(`'${text}`)
  })
  it.each(["МБОУ СОШ № 1", "4А", "", " =1", "−2", "'quoted"])("leaves %j alone", (text) => {
    expect(safeText(text)).toBe(text)
  })
  it("makes sheet names Excel accepts", () => {
    expect(safeSheetName("Сравнение отметок с отметками по журналу")).toHaveLength(31)
    expect(safeSheetName("a/b:c*d?[e]")).toBe("a b c d  e")
    expect(safeSheetName("'x'")).toBe("x")
  })
})
