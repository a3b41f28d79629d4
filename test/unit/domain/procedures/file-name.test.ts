import { describe, expect, it } from "vitest"
import { procedureFromFileName } from "../../../../src/domain/procedures/index.ts"

describe("procedureFromFileName", () => {
  it("reads the 2021 export name", () => {
    expect(procedureFromFileName("Проведение работы по математике, 4 класс. ВПР 2021.xlsx")).toEqual({
      kind: "ВПР", subject: "Математика", grade: 4, year: 2021,
    })
  })

  it("reads year and grade from folders, subject in the dative", () => {
    expect(procedureFromFileName("data/fisoko/2022/6/Русскому языку.xlsx")).toEqual({ subject: "Русский язык", year: 2022, grade: 6 })
    expect(procedureFromFileName("2020\\4\\Математика.xlsx")).toEqual({ subject: "Математика", year: 2020, grade: 4 })
  })

  it("returns only what the name says", () => {
    expect(procedureFromFileName("Математика.xlsx")).toEqual({ subject: "Математика" })
    expect(procedureFromFileName("results.xlsx")).toEqual({})
    expect(procedureFromFileName("ВПР_11класс_история.xlsx")).toEqual({ kind: "ВПР", subject: "История", grade: 11 })
  })
})
