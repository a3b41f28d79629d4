/**
 * The four FIS OKO tables whose rows are groups of participants (reference groups, schools, classes):
 * «Статистика по отметкам», «Сравнение отметок с отметками по журналу», «Распределение первичных баллов»,
 * «Выполнение заданий». The school and the municipal workbooks differ only in the rows they pass.
 */
import type ExcelJS from "exceljs"
import type { Translate } from "../../i18n.ts"
import { compare, journalTotal, MARK_KEYS, markTotal, scoreShares, shareOf } from "./shares-and-ranks.ts"
import type { GroupStats, TaskColumn, ThresholdMark } from "./model.ts"
import { addTable, type CellInput, type TableCell, type TableColumn } from "./sheet-table.ts"

/** One table row: its label, its figures and — for schools and classes — the group it is compared with. */
export interface DisplayRow {
  label: string
  stats: GroupStats
  reference?: GroupStats
}

export interface SheetContext {
  t: Translate
  /** Lines under each sheet's heading: the procedure, the school or area, the comparison group. */
  lines: string[]
}

const isOwn = (row: DisplayRow) => row.stats.role !== "reference"

function labelCell(row: DisplayRow): TableCell {
  return { value: row.label, bold: row.stats.role === "school" }
}

function comparisonFill(direction: ReturnType<typeof compare>): TableCell["fill"] {
  return direction === "above" ? "green" : direction === "below" ? "red" : undefined
}

const groupColumn = (t: Translate): TableColumn => ({ header: t("reports-col-group"), width: 42, format: "text", wrap: true })
const participantsColumn = (t: Translate): TableColumn => ({ header: t("reports-col-participants"), width: 12, format: "integer" })

export function addMarksSheet(workbook: ExcelJS.Workbook, rows: DisplayRow[], ctx: SheetContext): ExcelJS.Worksheet {
  const { t } = ctx
  const columns: TableColumn[] = [
    groupColumn(t),
    participantsColumn(t),
    { header: t("reports-col-absent"), width: 13, format: "integer" },
    ...MARK_KEYS.map((mark): TableColumn => ({ header: mark, width: 8, format: "share" })),
    { header: t("reports-col-mean"), width: 10, format: "mean" },
    { header: t("reports-col-mean-low"), width: 12, format: "mean" },
    { header: t("reports-col-mean-high"), width: 12, format: "mean" },
  ]
  const body = rows.map((row): CellInput[] => {
    const { stats, reference } = row
    const marks = stats.marks
    const total = marks ? markTotal(marks) : 0
    const direction = isOwn(row) ? compare(stats.mean, reference?.mean, stats.meanInterval, reference?.meanInterval) : "same"
    // Only a significant difference is coloured here: a mean without intervals says too little.
    const fill = stats.meanInterval && reference?.meanInterval ? comparisonFill(direction) : undefined
    return [
      labelCell(row),
      stats.present,
      stats.absent ?? null,
      ...MARK_KEYS.map((mark) => (marks ? shareOf(marks[mark], total) : null)),
      { value: stats.mean, fill },
      stats.meanInterval?.low ?? null,
      stats.meanInterval?.high ?? null,
    ]
  })
  return addTable(workbook, {
    name: t("reports-sheet-marks"),
    title: [t("reports-heading-marks"), ...ctx.lines],
    columns,
    rows: body,
    frozenColumns: 1,
    notes: [t("reports-note-marks")],
  })
}

export function addJournalSheet(workbook: ExcelJS.Workbook, rows: DisplayRow[], ctx: SheetContext): ExcelJS.Worksheet {
  const { t } = ctx
  const pair = (key: "lowered" | "confirmed" | "raised"): TableColumn[] => [
    { header: t(`reports-col-${key}`), width: 16, format: "integer" },
    { header: t(`reports-col-${key}-share`), width: 13, format: "share" },
  ]
  const columns: TableColumn[] = [
    groupColumn(t),
    { header: t("reports-col-journal-participants"), width: 16, format: "integer" },
    ...pair("lowered"),
    ...pair("confirmed"),
    ...pair("raised"),
  ]
  const body = rows.map((row): CellInput[] => {
    const journal = row.stats.journal
    if (!journal) return [labelCell(row), null, null, null, null, null, null, null]
    const total = journalTotal(journal)
    return [
      labelCell(row),
      total,
      ...(["lowered", "confirmed", "raised"] as const).flatMap((key) => [journal[key], shareOf(journal[key], total)]),
    ]
  })
  return addTable(workbook, {
    name: t("reports-sheet-journal"),
    title: [t("reports-heading-journal"), ...ctx.lines],
    columns,
    rows: body,
    frozenColumns: 1,
    notes: [t("reports-note-journal")],
  })
}

export function addScoresSheet(
  workbook: ExcelJS.Workbook,
  rows: DisplayRow[],
  maxScore: number,
  thresholds: { mark: ThresholdMark; score: number }[] | null,
  ctx: SheetContext,
): ExcelJS.Worksheet {
  const { t } = ctx
  const markAt = new Map((thresholds ?? []).map((th) => [th.score, th.mark]))
  const scores = Array.from({ length: maxScore + 1 }, (_, s) => s)
  const columns: TableColumn[] = [
    groupColumn(t),
    participantsColumn(t),
    ...scores.map((score): TableColumn => {
      const mark = markAt.get(score)
      return { header: String(score), width: 7, format: "share", ...(mark ? { note: t("reports-threshold-note", { mark }) } : {}) }
    }),
  ]
  const body = rows.map((row): CellInput[] => {
    const shares = row.stats.scoreCounts ? scoreShares(row.stats.scoreCounts, maxScore) : scores.map(() => null)
    return [labelCell(row), row.stats.present, ...shares]
  })
  return addTable(workbook, {
    name: t("reports-sheet-scores"),
    title: [t("reports-heading-scores"), ...ctx.lines],
    columns,
    rows: body,
    frozenColumns: 2,
    highlightColumns: [...markAt.keys()].filter((score) => score <= maxScore).map((score) => score + 2),
    notes: [t("reports-note-scores")],
  })
}

export function addTasksSheet(
  workbook: ExcelJS.Workbook,
  rows: DisplayRow[],
  tasks: TaskColumn[],
  ctx: SheetContext,
): ExcelJS.Worksheet {
  const { t } = ctx
  const columns: TableColumn[] = [
    groupColumn(t),
    participantsColumn(t),
    ...tasks.map(
      (task): TableColumn => ({
        header: task.label,
        note: task.level ? t("reports-task-note", { level: task.level, max: task.max }) : t("reports-task-note-nolevel", { max: task.max }),
        width: 10,
        format: "share",
      }),
    ),
  ]
  const body = rows.map((row): CellInput[] => {
    const { stats, reference } = row
    const cells = tasks.map((_, k): CellInput => {
      const value = stats.completion?.[k] ?? null
      if (!isOwn(row)) return value
      const direction = compare(value, reference?.completion?.[k], stats.completionIntervals?.[k], reference?.completionIntervals?.[k])
      return { value, fill: comparisonFill(direction) }
    })
    return [labelCell(row), stats.present, ...cells]
  })
  return addTable(workbook, {
    name: t("reports-sheet-tasks"),
    title: [t("reports-heading-tasks"), ...ctx.lines],
    columns,
    rows: body,
    frozenColumns: 2,
    notes: [t("reports-note-tasks"), t("reports-note-levels")],
  })
}
