import type { Problem } from "../../workbooks/problem.ts"
import type { RawRow } from "./row-reader.ts"
import type { SchoolRef } from "./types.ts"

/**
 * Each problem of a participant's row names that row's school — its login, and its name when the file gives one — for
 * the problems workbook's «Школа» column (a regional file mixes hundreds of schools). A form of one school names it
 * on every row; problems of the header or the file name none.
 */
export function withSchools(problems: readonly Problem[], rows: readonly RawRow[], schools: ReadonlyMap<string, SchoolRef>): Problem[] {
  const single = schools.size === 1 ? [...schools.values()][0] : undefined
  const schoolOfRow = new Map(rows.map((row) => [`${row.row}\u0000${row.table.sheet}`, row.schoolKey]))
  return problems.map((found) => {
    if (found.row === undefined) return found
    const key = schoolOfRow.get(`${found.row}\u0000${found.sheet}`)
    const school = key === undefined ? undefined : (schools.get(key) ?? single)
    if (!school) return found
    return { ...found, school: school.name ? { login: school.login, name: school.name } : { login: school.login } }
  })
}
