import { describe, expect, it } from "vitest"
import { normaliseSubject, sameSubject } from "../../../../src/domain/procedures/index.ts"

describe("normaliseSubject", () => {
  it.each([
    ["Русский язык", "Русский язык"],
    ["Русскому языку", "Русский язык"],
    ["по русскому языку", "Русский язык"],
    ["МАТЕМАТИКА", "Математика"],
    ["по математике", "Математика"],
    ["окружающему миру", "Окружающий мир"],
    ["Истории", "История"],
    ["обществознанию", "Обществознание"],
    ["Английский язык", "Английский язык"],
    ["немецкому языку", "Немецкий язык"],
    ["Физике", "Физика"],
    ["химии", "Химия"],
  ])("%s → %s", (text, subject) => {
    expect(normaliseSubject(text)).toBe(subject)
  })

  it("finds no subject in unrelated words", () => {
    expect(normaliseSubject("Сбор контекстных данных об ОО и участниках ВПР 2021")).toBeNull()
    expect(normaliseSubject("")).toBeNull()
  })

  it("compares spellings", () => {
    expect(sameSubject("Русскому языку", "русский язык")).toBe(true)
    expect(sameSubject("Физика", "Химия")).toBe(false)
  })
})
