import { describe, expect, it } from "vitest"
import { PROCEDURE_SPECS } from "../../../../src/domain/procedures/index.ts"
import { parseOutsideWorkbook, type OutsideParseOptions } from "../../../../src/services/exams-medalists-rechecks/parse.ts"
import { describeProblem, type Problem } from "../../../../src/services/workbooks/problem.ts"
import { outsideWorkbook } from "../../../support/fixtures/outside.ts"
import { strictTranslator } from "../../../support/fixtures/translator.ts"

const ru = strictTranslator("ru")
const options: OutsideParseOptions = { knownSchools: new Set(["223017", "223018", "223019"]), specs: PROCEDURE_SPECS, maxYear: 2027 }
const texts = (problems: readonly Problem[]) => problems.map((found) => describeProblem(found, ru))

describe("outside-data workbook: reading", () => {
  it("reads all three sheets: logins as FIS OKO writes them, subjects normalised, values (not formulas), empty scores as not written", async () => {
    const bytes = await outsideWorkbook({
      exams: {
        // Headers are matched case- and space-insensitively.
        headers: ["логин  оо", "ЭКЗАМЕН", "Год", "предмет", "Участников", "Средний  балл"],
        rows: [
          ["sch223017", "ОГЭ", 2021, "математике", 25, "14,5"],
          ["edu223018", "огэ", 2021, "Математика", 30, { formula: "10+2", result: 12 }],
          ["223019", "ЕГЭ", "2021", "Русский язык", "12", 71.25],
        ],
      },
      medalists: { rows: [["edu223017", 2021, 1, 85, 72], ["edu223017", 2021, null, 91, null], [" EDU223018 ", 2020, "7", null, null]] },
      rechecks: { rows: [["edu223017", "ВПР/2021/Математика/4", 40001, 15, 12], ["edu223017", "впр / 2021 / математика / 4", "40002", 20, 20]] },
    })
    const parsed = await parseOutsideWorkbook(bytes, options)
    expect(texts(parsed.problems)).toEqual([])
    expect(parsed.sheets).toEqual(["exams", "medalists", "rechecks"])
    expect(parsed.data.exams).toEqual([
      { schoolKey: "223017", login: "sch223017", kind: "ОГЭ", year: 2021, subject: "Математика", participants: 25, mean: 14.5 },
      { schoolKey: "223018", login: "edu223018", kind: "ОГЭ", year: 2021, subject: "Математика", participants: 30, mean: 12 },
      { schoolKey: "223019", login: "223019", kind: "ЕГЭ", year: 2021, subject: "Русский язык", participants: 12, mean: 71.25 },
    ])
    expect(parsed.data.medalists).toEqual([
      { schoolKey: "223017", login: "edu223017", year: 2021, russian: 85, mathematics: 72 },
      { schoolKey: "223017", login: "edu223017", year: 2021, russian: 91, mathematics: null },
      { schoolKey: "223018", login: "edu223018", year: 2020, russian: null, mathematics: null },
    ])
    const key = { kind: "ВПР", year: 2021, subject: "Математика", grade: 4 }
    expect(parsed.data.rechecks).toEqual([
      { schoolKey: "223017", login: "edu223017", procedure: key, originalScore: 15, recheckedScore: 12 },
      { schoolKey: "223017", login: "edu223017", procedure: key, originalScore: 20, recheckedScore: 20 },
    ])
  })

  it("takes a workbook with one sheet, or with empty sheets, and ignores sheets of its own (instructions, school lists)", async () => {
    const bytes = await outsideWorkbook({
      exams: { rows: [] },
      medalists: { rows: [["edu223017", 2021, null, 85, 72]] },
      extraSheets: { "Заметки": [["Логин ОО", "Наименование"], ["edu223099", "Школа"]] },
    })
    const parsed = await parseOutsideWorkbook(bytes, options)
    expect(parsed.problems).toEqual([])
    expect(parsed.data.medalists).toHaveLength(1)
    expect(parsed.data.exams).toEqual([])
  })

  it("refuses a workbook with nothing filled in, and a file that is not a workbook", async () => {
    const empty = await parseOutsideWorkbook(await outsideWorkbook({ exams: { rows: [] }, medalists: { rows: [[null, null]] } }), options)
    expect(texts(empty.problems)).toEqual([expect.stringContaining("нет ни одной заполненной строки")])
    const text = await parseOutsideWorkbook(Buffer.from("Логин ОО;Экзамен\nedu223017;ОГЭ\n"), options)
    expect(text.problems.map((found) => found.code)).toEqual(["file-text"])
  })
})

describe("outside-data workbook: every problem names the sheet, the cell and the reason", () => {
  async function problemsOf(spec: Parameters<typeof outsideWorkbook>[0]): Promise<string[]> {
    return texts((await parseOutsideWorkbook(await outsideWorkbook(spec), options)).problems)
  }

  it("on «ОГЭ и ЕГЭ»: logins, exam, year, subject, participants, mean, duplicates", async () => {
    const problems = await problemsOf({
      exams: {
        rows: [
          [null, "ОГЭ", 2021, "Математика", 25, 14],
          ["школа 5", "ОГЭ", 2021, "Математика", 25, 14],
          ["edu229999", "ОГЭ", 2021, "Математика", 25, 14],
          ["edu223017", "ГИА", 2021, "Математика", 25, 14],
          ["edu223017", "ОГЭ", 1999, "Математика", 25, 14],
          ["edu223017", "ОГЭ", 2031, "Математика", 25, 14],
          ["edu223017", "ОГЭ", 2021, "Физкультура", 25, 14],
          ["edu223017", "ОГЭ", 2021, "Математика", -3, 14],
          ["edu223017", "ОГЭ", 2021, "Физика", "много", 14],
          ["edu223017", "ОГЭ", 2021, "Химия", 25, 140],
          ["edu223017", "ЕГЭ", 2021, "Математика", 25, "н/д"],
          ["edu223017", "ОГЭ", 2020, "Русский язык", 25, 20],
          ["sch223017", "ОГЭ", 2020, "русскому языку", 25, 21],
          ["edu223017", "ЕГЭ", 2022, "Математика (базовый уровень)", 25, 4.1],
          ["edu223017", "ЕГЭ", 2023, "математика Б", 25, 4.2],
          ["edu223017", "ЕГЭ", 2024, "Математика профильная", 25, 61],
          ["edu223017", "ОГЭ", 2024, "Математика", 25, 15],
        ],
      },
    })
    expect(problems).toEqual([
      "Лист «ОГЭ и ЕГЭ», ячейка A2: не указан логин ОО.",
      "Лист «ОГЭ и ЕГЭ», ячейка A3: «школа 5» — не логин ОО (ожидается вид edu223379).",
      expect.stringMatching(/^Лист «ОГЭ и ЕГЭ», ячейка A4: школы с логином edu229999 нет в справочнике\./u),
      "Лист «ОГЭ и ЕГЭ», ячейка B5: «ГИА» — не экзамен. Укажите ОГЭ или ЕГЭ.",
      "Лист «ОГЭ и ЕГЭ», ячейка C6: «1999» — не год. Нужен год от 2000 до 2027.",
      "Лист «ОГЭ и ЕГЭ», ячейка C7: «2031» — не год. Нужен год от 2000 до 2027.",
      expect.stringMatching(/^Лист «ОГЭ и ЕГЭ», ячейка D8: не узнаю предмет «Физкультура»/u),
      expect.stringMatching(/^Лист «ОГЭ и ЕГЭ», ячейка E9: «-3» — не число участников/u),
      expect.stringMatching(/^Лист «ОГЭ и ЕГЭ», ячейка E10: «много» — не число участников/u),
      expect.stringMatching(/^Лист «ОГЭ и ЕГЭ», ячейка F11: «140» — не средний балл. Нужно число от 0 до 100/u),
      expect.stringMatching(/^Лист «ОГЭ и ЕГЭ», ячейка F12: «н\/д» — не средний балл/u),
      "Лист «ОГЭ и ЕГЭ», ячейка A14: эта строка повторяет строку 13 — та же школа, экзамен, год и предмет.",
      expect.stringMatching(/^Лист «ОГЭ и ЕГЭ», ячейка D15: «Математика \(базовый уровень\)» — ЕГЭ по математике базового уровня/u),
      expect.stringMatching(/^Лист «ОГЭ и ЕГЭ», ячейка D16: «математика Б» — ЕГЭ по математике базового уровня/u),
    ])
  })

  it("on «Медалисты»: test points out of 0–100, a name instead of a code (not repeated back), duplicate codes", async () => {
    const problems = await problemsOf({
      medalists: {
        rows: [
          ["edu223017", 2021, 1, 101, 70],
          ["edu223017", 2021, 2, 80, "сто"],
          ["edu223017", 2021, "Иванов Иван", 80, 70],
          ["edu223017", 2021, "A-1", 80, 70],
          ["edu223017", 2021, 5, 80, 70],
          ["edu223017", 2021, 5, 90, 75],
          ["edu223018", 2021, 5, 90, 75],
          ["edu223017", "", 6, 90, 75],
        ],
      },
    })
    expect(problems).toEqual([
      expect.stringMatching(/^Лист «Медалисты», ячейка D2: «101» — не тестовый балл ЕГЭ/u),
      expect.stringMatching(/^Лист «Медалисты», ячейка E3: «сто» — не тестовый балл ЕГЭ/u),
      "Лист «Медалисты», ячейка C4: похоже, здесь фамилия или имя. Укажите код (только цифры) — фамилии и имена не принимаются.",
      "Лист «Медалисты», ячейка C5: «A-1» — не код участника (код состоит только из цифр).",
      "Лист «Медалисты», ячейка C7: медалист с этим кодом уже указан в строке 6 — та же школа и тот же год.",
      "Лист «Медалисты», ячейка B9: не заполнен столбец «Год».",
    ])
    expect(problems.join("\n")).not.toContain("Иванов")
  })

  it("on «Перепроверка»: procedure, codes, scores above the spec's maximum, duplicates in one procedure", async () => {
    const problems = await problemsOf({
      rechecks: {
        rows: [
          ["edu223017", "ВПР 2021 Математика 4", 40001, 10, 9],
          ["edu223017", "ВПР/2021/Математика/4", null, 10, 9],
          ["edu223017", "ВПР/2021/Математика/4", 40003, 21, 9],
          ["edu223017", "ВПР/2021/Математика/4", 40004, -1, 9],
          ["edu223017", "ВПР/2021/Математика/4", 40005, 10, 9.5],
          ["edu223017", "ВПР/2021/Математика/4", 40006, 10, 9],
          ["edu223017", "ВПР/2021/Математика/4", 40006, 10, 8],
          ["edu223017", "ВПР/2021/Математика/5", 40006, 10, 8],
          ["edu223018", "ВПР/2021/Математика/4", 40006, 10, 8],
          ["edu223017", "КДР/2025/Информатика/8", 40007, 60, 58],
        ],
      },
    })
    expect(problems).toEqual([
      expect.stringMatching(/^Лист «Перепроверка», ячейка B2: «ВПР 2021 Математика 4» — не процедура\. Запишите её через косую черту/u),
      "Лист «Перепроверка», ячейка C3: не указан код участника.",
      "Лист «Перепроверка», ячейка D4: балл 21 больше максимального балла этой работы (20).",
      "Лист «Перепроверка», ячейка D5: «-1» — не первичный балл. Нужно целое число, не меньше 0.",
      "Лист «Перепроверка», ячейка E6: «9.5» — не первичный балл. Нужно целое число, не меньше 0.",
      "Лист «Перепроверка», ячейка C8: работа участника с этим кодом уже указана в строке 7 — та же школа и та же процедура.",
    ])
  })

  it("names a missing column and a names column by their header cells", async () => {
    const problems = await problemsOf({
      exams: { headers: ["Логин ОО", "Экзамен", "Год", "Предмет", "Средний балл", "ФИО директора"], rows: [["edu223017", "ОГЭ", 2021, "Математика", 14, "Петров Пётр"]] },
    })
    expect(problems).toEqual([
      "Лист «ОГЭ и ЕГЭ», ячейка A1: нет столбца «Участников». Не переименовывайте столбцы шаблона; новый шаблон можно получить командой /template.",
      expect.stringMatching(/^Лист «ОГЭ и ЕГЭ», столбец «ФИО директора» \(ячейка F1\): похоже, здесь фамилии или имена/u),
    ])
  })

  it("without a directory or specs, checks logins and scores for form only", async () => {
    const bytes = await outsideWorkbook({ rechecks: { rows: [["edu229999", "ВПР/2021/Математика/4", 40001, 30, 25]] } })
    const parsed = await parseOutsideWorkbook(bytes, { maxYear: 2027 })
    expect(parsed.problems).toEqual([])
    expect(parsed.data.rechecks).toHaveLength(1)
  })
})
