/**
 * A minimal reader of the 2021 regional export (formats.md §3, layout C) for the real-data table tests only —
 * the product parser lives in services/results. It streams the single sheet and maps columns by header text.
 */
import ExcelJS from "exceljs"
import {
  CELL_EMPTY,
  CELL_NO_ANSWER,
  CELL_NOT_TAUGHT,
  markForScore,
  type JournalMark,
  type MarkScale,
  type ParticipantResult,
} from "../../../../../src/domain/results.ts"

function text(value: unknown): string {
  return value === null || value === undefined ? "" : String(value).trim()
}

function cellCode(raw: string): number {
  if (raw === "") return CELL_EMPTY
  if (/^[XxХх]$/u.test(raw)) return CELL_NO_ANSWER
  if (raw === "не пройд." || raw === "H") return CELL_NOT_TAUGHT
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 0) throw new Error(`unexpected task cell ${JSON.stringify(raw)}`)
  return n
}

/** Reads every row; the total is the recorded `всего баллов`, the mark comes from `scale`. */
export async function readLayoutC(file: string, taskCount: number, scale: MarkScale): Promise<ParticipantResult[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: "cache",
    worksheets: "emit",
    styles: "ignore",
    hyperlinks: "ignore",
    entries: "ignore",
  })
  const out: ParticipantResult[] = []
  let column: Map<string, number> | null = null
  for await (const sheet of reader) {
    for await (const row of sheet) {
      const values = row.values as unknown[]
      if (column === null) {
        column = new Map()
        values.forEach((v, i) => column!.set(text(v), i)) // row.values is sparse (1-based)
        continue
      }
      const at = (name: string): string => {
        const index = column!.get(name)
        if (index === undefined) throw new Error(`no column «${name}»`)
        return text(values[index])
      }
      const absent = at("вариант").toLowerCase() === "отсутствовал"
      const totalText = at("всего баллов")
      const total = absent || totalText === "" ? null : Number(totalText)
      const journal = Number(at("отметка за предыдущую четверть/триместр"))
      const variant = Number.parseInt(at("вариант"), 10)
      out.push({
        schoolKey: at("логин школы").replace(/^\D+/u, ""),
        code: at("код обучающегося"),
        className: at("класс") || null,
        variant: Number.isNaN(variant) ? null : variant,
        absent,
        cells: absent ? [] : Array.from({ length: taskCount }, (_, k) => cellCode(at(`балл за ${k + 1}`))),
        total,
        mark: total === null ? null : markForScore(total, scale),
        journalMark: journal >= 2 && journal <= 5 ? (journal as JournalMark) : null,
        sex: null,
      })
    }
  }
  return out
}
