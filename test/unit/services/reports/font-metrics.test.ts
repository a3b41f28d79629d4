import path from "node:path"
import { createRequire } from "node:module"
import { Resvg } from "@resvg/resvg-js"
import { describe, expect, it } from "vitest"
import { loadFontMetrics, parseCssFont } from "../../../../src/services/reports/font-metrics.ts"

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
