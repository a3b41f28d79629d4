import ExcelJS from "exceljs"

/** The 2022 mathematics grade 4 task headers of the FIS OKO collection form (formats.md §8.2). */
export const MA4_HEADERS = ["1 (1б)", "2 (1б)", "3 (2б)", "4 (1б)", "5(1) (1б)", "5(2) (1б)", "6(1) (1б)", "6(2) (1б)", "7 (1б)", "8 (2б)", "9(1) (1б)", "9(2) (1б)", "10 (2б)", "11 (2б)", "12 (2б)"]

export interface ProtocolRow {
  code: number
  /** `отсутствовал` for an absent participant. */
  variant: number | string
  scores?: (number | string | null)[]
  className?: string
  sex?: string
  journal?: number | string
  /** Recorded «Итого баллов»; defaults to the sum of the numeric scores. */
  total?: number
}

/** A school's collection form (layout A: «Классы» and «Протокол», no aggregator columns), as schools fill it in. */
export async function collectionForm(rows: ProtocolRow[], headers: string[] = MA4_HEADERS): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const classes = workbook.addWorksheet("Классы")
  classes.addRow(['Буква (цифра) класса. Введите "нет" - если отсутствует', "Основной учебник по предмету", "Другое (автор учебника)", "Другое (название учебника)"])
  classes.addRow(["А", "ma4.8 | 1.1.3.1.8.4 | Моро М.И. Математика 4 класс", "", ""])
  const protocol = workbook.addWorksheet("Протокол")
  protocol.addRow(["Код", "Вариант", ...headers, "Наименование класса", "Пол", "Отметка за предыдущий триместр/ четверть/полугодие", "Итого баллов"])
  for (const row of rows) {
    const absent = row.variant === "отсутствовал"
    const scores = absent ? headers.map(() => null) : (row.scores ?? headers.map(() => 1))
    const sum = scores.reduce<number>((total, score) => total + (typeof score === "number" ? score : 0), 0)
    protocol.addRow([
      row.code,
      row.variant,
      ...scores,
      absent ? null : (row.className ?? "4А"),
      absent ? null : (row.sex ?? "м"),
      absent ? null : (row.journal ?? 4),
      absent ? 0 : (row.total ?? sum),
    ])
  }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/** A class of `count` pupils with varied, valid scores (deterministic). */
export function classRows(count: number, firstCode = 40001): ProtocolRow[] {
  const maxima = MA4_HEADERS.map((header) => Number(/\((\d+)б\)/.exec(header)![1]))
  return Array.from({ length: count }, (_, index) => ({
    code: firstCode + index,
    variant: 1 + (index % 2),
    scores: maxima.map((max, task) => ((index + task) % 3 === 0 ? 0 : Math.min(max, 1 + ((index * task) % max)))),
    journal: 3 + (index % 3),
  }))
}
