/**
 * Opens the reports in LibreOffice (headless) when it is installed (.ci/run installs it): each file must convert
 * without complaint, and its texts — including user text that looks like a formula — must come through as text.
 */
import { execFileSync } from "node:child_process"
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import path from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { createTranslator } from "../../../../src/i18n.ts"
import { buildMunicipalReport, buildSchoolReport } from "../../../../src/services/reports/xlsx.ts"
import { overviewOf, schoolReport } from "./fixtures.ts"

function findOffice(): string | null {
  for (const name of ["soffice", "libreoffice"]) {
    try {
      return execFileSync("which", [name], { encoding: "utf8" }).trim() || null
    } catch {
      // not on PATH
    }
  }
  return null
}

const office = findOffice()
const FORMULA = '=HYPERLINK("http://x","y")'
const t = createTranslator("ru")

describe.skipIf(!office)("LibreOffice", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "objektiv-report-"))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  // LibreOffice starts cold in seconds: each conversion takes both workbooks in one run.
  const convert = (files: string[], format: string): void => {
    execFileSync(office!, ["--headless", `-env:UserInstallation=file://${dir}/profile`, "--convert-to", format, "--outdir", dir, ...files], {
      timeout: 120_000,
      stdio: "pipe",
    })
  }
  /** Every sheet as CSV (LibreOffice 7.2+: sheet index −1 writes one file per sheet, «<name>-<sheet>.csv»). */
  const sheetsAsCsv = (name: string): string => execFileSync("sh", ["-c", `cat "${dir}/${name}"-*.csv`], { encoding: "utf8" })
  const pdfHead = (name: string): string => readFileSync(path.join(dir, `${name}.pdf`)).subarray(0, 5).toString()

  beforeAll(async () => {
    const reports = ["МБОУ «СОШ № 1»", FORMULA, "-гимназия"].map((name, i) => schoolReport(`edu22301${i}`, { name, seed: 100 + i * 17, pushed: i === 2 }))
    const files = [path.join(dir, "school.xlsx"), path.join(dir, "municipal.xlsx")]
    writeFileSync(files[0]!, await buildSchoolReport(schoolReport("edu223379", { name: FORMULA }), t))
    writeFileSync(files[1]!, await buildMunicipalReport(overviewOf(reports, ["none", "attention", "risk"]), reports, t))
    convert(files, "pdf")
    convert(files, "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1")
  }, 240_000)

  it("converts a school report to PDF and its sheets to CSV with the texts intact", () => {
    expect(pdfHead("school")).toBe("%PDF-")
    const csv = sheetsAsCsv("school")
    expect(csv).toContain("Группы участников")
    expect(csv).toContain(FORMULA.replaceAll('"', '""')) // the text, not the link's «y»: never evaluated
    expect(csv).not.toMatch(/#NAME|#VALUE|#REF|Err:/)
  })

  it("converts the municipal workbook: the ranked risks and every school's tables and signs", () => {
    expect(pdfHead("municipal")).toBe("%PDF-")
    const csv = sheetsAsCsv("municipal")
    expect(csv).toContain("edu223012")
    expect(csv).toContain("-гимназия")
    expect(csv).toContain(FORMULA.replaceAll('"', '""')) // the text, not the link's «y»: never evaluated
    expect(csv).not.toMatch(/#NAME|#VALUE|#REF|Err:/)
  })
})
