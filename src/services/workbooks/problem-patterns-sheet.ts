import type ExcelJS from "exceljs"
import { describeProblem, groupProblems, problemGroupKey, type Problem, type Translate } from "./problem.ts"
import { ERROR_FILL, fitRowHeight, LIST_PAGE, schoolLabel, severityKey, WARNING_FILL } from "./problem-list-style.ts"

/** Example cells (or rows) a pattern sheet names; the schools it names before «и ещё N». */
const PATTERN_EXAMPLES = 5
const PATTERN_SCHOOLS = 5

/**
 * The first sheet: each pattern once (same code in the same column of a sheet — groupProblems, as the chat says it),
 * with how many times it occurs, a few of its cells and its schools. The sheet after it lists every cell.
 */
export function addPatternSheet(workbook: ExcelJS.Workbook, name: string, problems: readonly Problem[], translate: Translate): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }], pageSetup: LIST_PAGE })
  sheet.columns = [{ width: 16 }, { width: 10 }, { width: 70 }, { width: 16 }, { width: 30 }, { width: 40 }]
  const header = sheet.addRow([
    translate("intake-report-col-severity"), translate("intake-report-col-count"), translate("intake-report-col-text"),
    translate("intake-report-col-sheet"), translate("intake-report-col-examples"), translate("intake-report-col-schools"),
  ])
  header.font = { bold: true }
  const schools = new Map<string, Set<string>>()
  for (const found of problems) {
    const label = schoolLabel(found)
    if (label === "") continue
    const key = problemGroupKey(found)
    const set = schools.get(key) ?? new Set<string>()
    set.add(label)
    schools.set(key, set)
  }
  for (const group of groupProblems(problems, PATTERN_EXAMPLES - 1)) {
    const { first } = group
    const places = first.cell ? [first.cell, ...group.cells] : first.row !== undefined ? [first.row, ...group.rows].map(String) : []
    const count = 1 + group.more
    const ofSchools = [...(schools.get(problemGroupKey(first)) ?? [])]
    const schoolText = ofSchools.slice(0, PATTERN_SCHOOLS).join("; ") + (ofSchools.length > PATTERN_SCHOOLS ? ` ${translate("intake-report-more-schools", { count: ofSchools.length - PATTERN_SCHOOLS })}` : "")
    const row = sheet.addRow([
      translate(severityKey(first)), count, describeProblem(first, translate),
      first.sheet === "" ? translate("intake-report-whole-file") : first.sheet,
      places.join(", ") + (count > places.length && places.length > 0 ? "…" : ""), schoolText,
    ])
    row.getCell(1).fill = first.severity === "error" ? ERROR_FILL : WARNING_FILL
    for (let column = 1; column <= 6; column++) row.getCell(column).alignment = { wrapText: true, vertical: "top" }
    fitRowHeight(row, [[String(row.getCell(3).value), 70], [String(row.getCell(5).value), 30], [schoolText, 40]])
  }
}
