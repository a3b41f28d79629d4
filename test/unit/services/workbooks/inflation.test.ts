import { describe, expect, it } from "vitest"
import { findSpec } from "../../../../src/domain/procedures/index.ts"
import { parseResults } from "../../../../src/services/results/formats/index.ts"
import { DEFAULT_LIMITS, guardWorkbook, readZipDirectory } from "../../../../src/services/workbooks/guard.ts"
import { checkInflation, measureInflation } from "../../../../src/services/workbooks/inflation.ts"
import { LimitExceeded } from "../../../../src/services/workbooks/guard.ts"
import { partBytes, partChunks, zipParts } from "../../../../src/services/workbooks/zip-parts.ts"
import { deflateBomb, rebuildZip } from "../../../support/fixtures/crafted-zips.ts"
import { collectionForm } from "../../../support/fixtures/workbooks.ts"

const spec = findSpec({ kind: "ВПР", year: 2022, subject: "Математика", grade: 4 })!
const form = (): Promise<Buffer> => collectionForm({ spec, rows: [{ code: 40001, variant: 1, scores: [1, 0, 2] }] })
const GB2 = 2048

describe("zip bomb by what actually inflates (declared sizes patched)", () => {
  it("refuses a small workbook whose shared strings inflate to 2 GB, naming the part, after inflating no more than the cap", async () => {
    const bytes = rebuildZip(await form(), { replace: { "xl/sharedStrings.xml": deflateBomb(GB2) } })
    expect(bytes.length).toBeLessThan(3 * 1024 * 1024)
    // Every declared size is the compressed one: the guard, which reads declarations, lets it through.
    expect(guardWorkbook(bytes)).toBeNull()
    const strings = readZipDirectory(bytes)!.find((entry) => entry.name === "xl/sharedStrings.xml")!
    expect(strings.uncompressedSize).toBe(strings.compressedSize)

    const measured = await measureInflation(bytes, DEFAULT_LIMITS)
    expect(measured.refusal).toMatchObject({ code: "file-zip-bomb-inflated", severity: "error", params: { part: "xl/sharedStrings.xml" } })
    // The part may grow to 100× its compressed 2 MB; that cap, not the 2 GB, bounds the work (one zlib chunk past it at most).
    expect(measured.inflated).toBeLessThanOrEqual(DEFAULT_LIMITS.maxRatio * strings.compressedSize + 64 * 1024 + 1)
    expect(measured.refusal!.params.size).toBeLessThanOrEqual(DEFAULT_LIMITS.maxRatio * strings.compressedSize / 2 ** 20 + 0.1)

    const parsed = await parseResults(bytes)
    expect(parsed.status).toBe("refused")
    expect(parsed.problems).toEqual([expect.objectContaining({ code: "file-zip-bomb-inflated", sheet: "" })])
  })

  it("stops at the total limit when many parts each stay under their own cap", async () => {
    // Ten parts of 30 MB each; the ratio bar is lifted so that only the total (100 MB here) can stop them.
    const bytes = rebuildZip(await form(), {
      extra: Array.from({ length: 10 }, (_, i) => ({ name: `xl/media/part${i}.bin`, compressed: deflateBomb(30) })),
    })
    const measured = await measureInflation(bytes, { maxUncompressedBytes: 100 * 2 ** 20, maxRatio: 1_000_000 })
    expect(measured.refusal?.code).toBe("file-zip-bomb-inflated")
    expect(measured.refusal?.params.part).toBe("xl/media/part3.bin")
    expect(measured.inflated).toBeLessThanOrEqual(100 * 2 ** 20 + 64 * 1024 + 1)
  })

  it("counts a part present only in the local headers, which exceljs's streaming reader reads and the central directory hides", async () => {
    const hidden = { name: "xl/worksheets/sheet9.xml", compressed: deflateBomb(GB2), localOnly: true }
    const bytes = rebuildZip(await form(), { extra: [hidden] })
    expect(readZipDirectory(bytes)!.map((entry) => entry.name)).not.toContain(hidden.name)
    expect(guardWorkbook(bytes)).toBeNull()
    expect(await checkInflation(bytes, DEFAULT_LIMITS)).toMatchObject({ code: "file-zip-bomb-inflated", params: { part: hidden.name } })
  })

  it("counts a part whose sizes come after it in a data descriptor, and one with an odd method unzipper inflates anyway", async () => {
    const described = rebuildZip(await form(), {
      extra: [{ name: "xl/worksheets/sheet9.xml", compressed: deflateBomb(GB2), dataDescriptor: true }],
    })
    expect(await checkInflation(described, DEFAULT_LIMITS)).toMatchObject({ params: { part: "xl/worksheets/sheet9.xml" } })
    const oddMethod = rebuildZip(await form(), {
      extra: [{ name: "xl/worksheets/sheet9.xml", compressed: deflateBomb(GB2), method: 12, localOnly: true }],
    })
    expect(await checkInflation(oddMethod, DEFAULT_LIMITS)).toMatchObject({ params: { part: "xl/worksheets/sheet9.xml" } })
  })

  it("lets a real workbook through and counts exactly its unpacked bytes, each part once", async () => {
    const bytes = await form()
    const unpacked = readZipDirectory(bytes)!.reduce((sum, entry) => sum + entry.uncompressedSize, 0)
    expect(await measureInflation(bytes, DEFAULT_LIMITS)).toEqual({ inflated: unpacked, refusal: null })
    const rebuilt = rebuildZip(bytes, { extra: [{ name: "xl/media/small.bin", compressed: deflateBomb(1), dataDescriptor: true }] })
    expect(await measureInflation(rebuilt, DEFAULT_LIMITS)).toEqual({ inflated: unpacked + 2 ** 20, refusal: null })
    expect((await parseResults(rebuilt)).status).not.toBe("refused")
  })

  it("the reading pass keeps within the same caps by itself (the count runs beside it, not before it)", async () => {
    const strings = zipParts(rebuildZip(await form(), { replace: { "xl/sharedStrings.xml": deflateBomb(GB2) } })).get("xl/sharedStrings.xml")!
    const refusal = (() => {
      try {
        partBytes(strings)
      } catch (error) {
        return error
      }
    })()
    expect(refusal).toBeInstanceOf(LimitExceeded)
    expect((refusal as LimitExceeded).problem).toMatchObject({ code: "file-zip-bomb-inflated", params: { part: "xl/sharedStrings.xml" } })

    const sheet = zipParts(rebuildZip(await form(), { replace: { "xl/worksheets/sheet1.xml": deflateBomb(GB2) } })).get("xl/worksheets/sheet1.xml")!
    let streamed = 0
    const reading = (async () => {
      for await (const chunk of partChunks(sheet)) streamed += chunk.length
    })()
    await expect(reading).rejects.toBeInstanceOf(LimitExceeded)
    // Stopped within a chunk of the cap, not at 2 GB.
    expect(streamed).toBeLessThanOrEqual(DEFAULT_LIMITS.maxRatio * sheet.data.length + 1024 * 1024)
  })
})
