import { describe, expect, it } from "vitest"
import { publishedScale } from "../../../../src/domain/procedures/published-scales.ts"

const vpr = (year: number, subject: string, grade: number) => ({ kind: "ВПР" as const, year, subject, grade })

describe("the scales FIOKO published for 2021 (formats.md §8.1)", () => {
  it("are found by year, subject and grade, the subject as files spell it", () => {
    expect(publishedScale(vpr(2021, "Биология", 6))).toEqual({ maxTotal: 28, scale: { "3": 12, "4": 18, "5": 24 } })
    expect(publishedScale(vpr(2021, "по биологии", 7))).toEqual({ maxTotal: 28, scale: { "3": 10, "4": 17, "5": 23 } })
    expect(publishedScale(vpr(2021, "Окружающий мир", 4))?.maxTotal).toBe(32)
    expect(publishedScale(vpr(2021, "География", 8))).toEqual({ maxTotal: 40, scale: { "3": 13, "4": 27, "5": 35 } })
  })

  it("spread the rows naming two grades or three languages", () => {
    const geography = { maxTotal: 21, scale: { "3": 7, "4": 13, "5": 18 } }
    expect(publishedScale(vpr(2021, "География", 10))).toEqual(geography)
    expect(publishedScale(vpr(2021, "География", 11))).toEqual(geography)
    for (const language of ["Английский язык", "Немецкий язык", "Французский язык"]) {
      expect(publishedScale(vpr(2021, language, 11))).toEqual({ maxTotal: 32, scale: { "3": 11, "4": 18, "5": 25 } })
    }
    expect(publishedScale(vpr(2021, "Английский язык", 7))?.maxTotal).toBe(30)
    expect(publishedScale(vpr(2021, "Немецкий язык", 7))).toBeNull()
  })

  it("are never lent to another year, grade or procedure kind", () => {
    expect(publishedScale(vpr(2022, "Биология", 6))).toBeNull()
    expect(publishedScale(vpr(2026, "Русский язык", 4))).toBeNull()
    expect(publishedScale(vpr(2021, "Биология", 9))).toBeNull()
    expect(publishedScale(vpr(2021, "Информатика", 8))).toBeNull()
  })
})
