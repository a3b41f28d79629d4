import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import path from "node:path"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { findSpec } from "../../../../src/domain/procedures/index.ts"
import { parseResults } from "../../../../src/services/results/formats/index.ts"
import { DEFAULT_LIMITS } from "../../../../src/services/workbooks/guard.ts"
import { ownWork, readSheets } from "../../../../src/services/workbooks/read.ts"
import { sweepOrphanedTempDirs } from "../../../../src/services/workbooks/temp-files.ts"
import { deflateBomb, rebuildZip } from "../../../support/fixtures/crafted-zips.ts"
import { collectionForm } from "../../../support/fixtures/workbooks.ts"

const spec = findSpec({ kind: "ВПР", year: 2022, subject: "Математика", grade: 4 })!
const rows = Array.from({ length: 8 }, (_, i) => ({ code: 40001 + i, variant: 1, scores: [1, 0, 2] }))
/** A form whose sheets come before the shared strings and the workbook part: exceljs parks them in temp files. */
const sheetsFirstForm = async (): Promise<Buffer> => rebuildZip(await collectionForm({ spec, rows }), { sheetsFirst: true })

/** Every file and directory under `dir`, recursively. */
async function everything(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).map(String)
}

// The temp dir is this test's own (TMPDIR is read on every os.tmpdir() call), so other processes' files do not count.
let root: string
let saved: string | undefined
beforeEach(async () => {
  saved = process.env.TMPDIR
  root = await mkdtemp(path.join(tmpdir(), "harden-temp-"))
  process.env.TMPDIR = root
})
afterEach(async () => {
  if (saved === undefined) delete process.env.TMPDIR
  else process.env.TMPDIR = saved
  await rm(root, { recursive: true, force: true })
})

describe("temp files: none left on any path (issue 9 #3)", () => {
  it("exceljs does park a sheet in a temp file during the parse, and it is gone afterwards", async () => {
    const seen: string[][] = []
    const refusal = await readSheets(await sheetsFirstForm(), (sheet) => {
      seen.push([sheet])
      return { row: () => {}, end: () => {} }
    }, { limits: DEFAULT_LIMITS })
    expect(refusal).toBeNull()
    expect(seen.flat()).toEqual(["Классы", "Протокол"])
    expect(await everything(root)).toEqual([])
  })

  it("sees the temp file while a parked sheet is read (so the other cases are not vacuous)", async () => {
    let during: string[] = []
    await readSheets(await sheetsFirstForm(), () => ({
      row: () => {},
      end: () => {},
    }), { limits: DEFAULT_LIMITS, onProgress: () => {} })
    // A visitor runs while the parked sheet's temp file is open: list the directory from inside it.
    await readSheets(await sheetsFirstForm(), () => {
      void everything(root).then((files) => (during = files))
      return null
    }, { limits: DEFAULT_LIMITS })
    expect(during.some((file) => file.startsWith("objektiv-xlsx-"))).toBe(true)
    expect(await everything(root)).toEqual([])
  })

  it("leaves nothing when a sheet is refused mid-parse (over the row limit)", async () => {
    const parsed = await parseResults(await sheetsFirstForm(), { limits: { maxRows: 5 } })
    expect(parsed.problems[0]).toMatchObject({ code: "file-too-many-rows" })
    expect(await everything(root)).toEqual([])
  })

  it("leaves nothing when our own row handling crashes", async () => {
    const crash = readSheets(await sheetsFirstForm(), () => ({
      row: () =>
        ownWork(() => {
          throw new Error("a bug in a sink")
        }),
    }), { limits: DEFAULT_LIMITS })
    await expect(crash).rejects.toThrow("a bug in a sink")
    expect(await everything(root)).toEqual([])
  })

  it("leaves nothing for a damaged file or a bomb", async () => {
    const form = await sheetsFirstForm()
    const damaged = Buffer.from(form)
    const at = damaged.indexOf(Buffer.from("xl/sharedStrings.xml")) + 40
    damaged.fill(0xff, at, at + 200)
    expect((await parseResults(damaged)).status).toBe("refused")
    const bomb = rebuildZip(form, { replace: { "xl/sharedStrings.xml": deflateBomb(400) } })
    expect((await parseResults(bomb)).problems[0]?.code).toBe("file-zip-bomb-inflated")
    expect(await everything(root)).toEqual([])
  })

  it("removes at start-up the parse directories of processes that are gone, and keeps those in use", async () => {
    const gone = path.join(root, "objektiv-xlsx-4194305-abc") // above the largest pid Linux hands out
    const live = path.join(root, `objektiv-xlsx-${process.ppid}-def`)
    const mineNow = path.join(root, `objektiv-xlsx-${process.pid}-ghi`)
    const mineBefore = path.join(root, `objektiv-xlsx-${process.pid}-jkl`)
    const other = path.join(root, "someone-else")
    for (const dir of [gone, live, mineNow, mineBefore, other]) {
      await mkdir(dir)
      await writeFile(path.join(dir, "tmp-1"), "x")
    }
    const beforeThisProcess = new Date(Date.now() - process.uptime() * 1000 - 60_000)
    await utimes(mineBefore, beforeThisProcess, beforeThisProcess)
    expect(await sweepOrphanedTempDirs(root)).toBe(2)
    expect((await readdir(root)).sort()).toEqual([path.basename(live), path.basename(mineNow), "someone-else"].sort())
  })
})
