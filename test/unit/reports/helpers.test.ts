import { readFileSync } from "node:fs"
import path from "node:path"
import { createRequire } from "node:module"
import { Resvg } from "@resvg/resvg-js"
import { describe, expect, it } from "vitest"
import { compare, rankSchools, scoreShares, shareOf } from "../../../src/services/reports/derive.ts"
import { loadFontMetrics, parseCssFont } from "../../../src/services/reports/font-metrics.ts"
import type { OverviewSchool } from "../../../src/services/reports/model.ts"
import { safeSheetName, safeText } from "../../../src/services/workbooks/safe-text.ts"

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

describe("derive", () => {
  it("shares: null instead of a division by zero", () => {
    expect(shareOf(1, 4)).toBe(0.25)
    expect(shareOf(0, 0)).toBeNull()
    expect(scoreShares([1, 3], 3)).toEqual([0.25, 0.75, 0, 0])
    expect(scoreShares([0, 0], 1)).toEqual([null, null])
  })

  it("compare: intervals decide when both are known, values otherwise", () => {
    expect(compare(0.6, 0.5, { low: 0.55, high: 0.65 }, { low: 0.49, high: 0.51 })).toBe("above")
    expect(compare(0.6, 0.5, { low: 0.45, high: 0.75 }, { low: 0.49, high: 0.51 })).toBe("same")
    expect(compare(0.4, 0.5, { low: 0.3, high: 0.48 }, { low: 0.49, high: 0.51 })).toBe("below")
    expect(compare(0.6, 0.5)).toBe("above")
    expect(compare(null, 0.5)).toBe("same")
  })

  it("ranks risk, then attention, then none; score and fired signs break ties; login keeps it stable", () => {
    const school = (login: string, level: OverviewSchool["level"], score: number, signs: number): OverviewSchool => ({
      login, present: 20, mean: 10, level, score, signsFired: Array.from({ length: signs }, (_, i) => `S${i}`), reasons: [],
    })
    const ranked = rankSchools([
      school("e", "none", 0, 0), school("d", "attention", 1, 1), school("c", "risk", 3, 1),
      school("b", "risk", 5, 2), school("a", "risk", 3, 2), school("f", "none", 0, 0),
    ])
    expect(ranked.map((s) => s.login)).toEqual(["b", "a", "c", "d", "e", "f"])
  })
})

describe("font metrics", () => {
  const require = createRequire(import.meta.url)
  const dir = path.join(path.dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf")
  const regular = loadFontMetrics(path.join(dir, "DejaVuSans.ttf"))
  const bold = loadFontMetrics(path.join(dir, "DejaVuSans-Bold.ttf"))

  /** What resvg itself advances per character: the ink of 20 copies minus the ink of 10, over 10. */
  function resvgAdvanceEm(char: string, file: string): number {
    const inkWidth = (count: number) => {
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="4000" height="200"><text x="10" y="150" font-family="DejaVu Sans" font-size="100">${char.repeat(count)}</text></svg>`
      const box = new Resvg(svg, { font: { loadSystemFonts: false, fontFiles: [file], defaultFontFamily: "DejaVu Sans" } }).getBBox()
      if (!box) throw new Error("resvg drew nothing")
      return box.width
    }
    return (inkWidth(20) - inkWidth(10)) / 10 / 100
  }

  it("agrees with the widths resvg draws with, for Latin, Cyrillic and bold", () => {
    for (const char of ["а", "Ш", "i", "№", "«", "7"]) {
      expect(regular.widthEm(char), char).toBeCloseTo(resvgAdvanceEm(char, path.join(dir, "DejaVuSans.ttf")), 3)
    }
    expect(bold.widthEm("Ж")).toBeCloseTo(resvgAdvanceEm("Ж", path.join(dir, "DejaVuSans-Bold.ttf")), 3)
    const word = "Распределение"
    // ECharts' own estimate would be one em per Cyrillic letter.
    expect(regular.widthEm(word)).toBeLessThan(word.length * 0.75)
    expect(bold.widthEm(word)).toBeGreaterThan(regular.widthEm(word))
    expect(regular.widthEm("")).toBe(0)
  })

  it("parses ECharts font strings", () => {
    expect(parseCssFont('bold 17px "DejaVu Sans"')).toEqual({ sizePx: 17, bold: true })
    expect(parseCssFont("normal normal 12px DejaVu Sans")).toEqual({ sizePx: 12, bold: false })
    expect(parseCssFont("600 11.5px sans-serif")).toEqual({ sizePx: 11.5, bold: true })
    expect(parseCssFont(undefined)).toEqual({ sizePx: 12, bold: false })
  })
})

describe("locales", () => {
  const keys = (language: string) =>
    readFileSync(path.resolve(import.meta.dirname, `../../../locales/${language}/reports.ftl`), "utf8")
      .split("\n")
      .map((line) => /^([a-z][\w-]*) =/.exec(line)?.[1])
      .filter((key): key is string => key !== undefined)
      .sort()

  it("Russian and English have the same keys", () => {
    expect(keys("ru").length).toBeGreaterThan(60)
    expect(keys("en")).toEqual(keys("ru"))
  })

  it("sheet names fit Excel's 31 characters", () => {
    for (const language of ["ru", "en"]) {
      const text = readFileSync(path.resolve(import.meta.dirname, `../../../locales/${language}/reports.ftl`), "utf8")
      for (const [, name] of text.matchAll(/^reports-sheet-[\w-]+ = (.+)$/gm)) expect(name!.length, name).toBeLessThanOrEqual(31)
    }
  })
})
