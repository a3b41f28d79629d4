/** Opens a report in LibreOffice (headless) when it is installed: the file must convert without complaint. */
import { execFileSync } from "node:child_process"
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import path from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { createTranslator } from "../../../src/i18n.ts"
import { buildSchoolReport } from "../../../src/services/reports/xlsx.ts"
import { schoolReport } from "./fixtures.ts"

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

describe.skipIf(!office)("LibreOffice", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "objektiv-report-"))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it("converts a school report to PDF and its first sheet to CSV with the texts intact", async () => {
    const file = path.join(dir, "school.xlsx")
    writeFileSync(file, await buildSchoolReport(schoolReport("edu223379", { name: '=HYPERLINK("http://x","y")' }), createTranslator("ru")))
    const run = (format: string) =>
      execFileSync(office!, ["--headless", `-env:UserInstallation=file://${dir}/profile`, "--convert-to", format, "--outdir", dir, file], {
        timeout: 120_000,
        stdio: "pipe",
      })
    run("pdf")
    expect(readFileSync(path.join(dir, "school.pdf")).subarray(0, 5).toString()).toBe("%PDF-")
    run("csv:Text - txt - csv (StarCalc):44,34,76")
    const csv = readFileSync(path.join(dir, "school.csv"), "utf8")
    expect(csv).toContain("Группы участников")
    expect(csv).toContain('\'=HYPERLINK(""http://x"",""y"")')
    expect(csv).not.toMatch(/#NAME|Err:/)
  })
})

