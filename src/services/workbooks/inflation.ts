/**
 * The zip bomb check by what actually inflates (issue 9 #1–2). The guard's check reads the sizes a zip *declares*;
 * a crafted file declares its parts as small as their compressed bytes and then inflates to gigabytes inside exceljs
 * (2.3 GB of RSS and a dead process, or a 2 GB temp file). Here every part is inflated once, chunk by chunk and
 * thrown away, and counted: past the cap of one part or of the whole the file is refused with the zip-bomb message
 * before exceljs sees it, so no temp file is ever written for it. Memory stays at one zlib window; the cost is one
 * extra inflate pass (well under a second for the largest real export, 58 MB unpacked).
 *
 * Inflation starts at the part's data and runs until its deflate stream ends, whatever compressed size is declared.
 */
import { createInflateRaw } from "node:zlib"
import { BIG_ENTRY_BYTES, mb, readZipDirectory, refuse, type WorkbookLimits, type ZipEntry } from "./guard.ts"
import type { Problem } from "./problem.ts"

const LOCAL_HEADER = 0x04034b50

/** Where an entry's data starts, or null when its local header is not where the directory says. */
function dataStart(buffer: Buffer, entry: ZipEntry): number | null {
  const at = entry.localOffset
  if (at + 30 > buffer.length || buffer.readUInt32LE(at) !== LOCAL_HEADER) return null
  return at + 30 + buffer.readUInt16LE(at + 26) + buffer.readUInt16LE(at + 28)
}

class OverCap extends Error {}

/** Bytes one deflated part inflates to, stopping (with OverCap) once past `cap`. */
function inflatedSize(data: Buffer, cap: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const inflate = createInflateRaw()
    let size = 0
    inflate.on("data", (chunk: Buffer) => {
      size += chunk.length
      if (size > cap) {
        inflate.destroy()
        reject(new OverCap())
      }
    })
    inflate.on("end", () => resolve(size))
    // A damaged stream is exceljs's to report (file-unreadable); what inflated until then is still counted.
    inflate.on("error", () => resolve(size))
    inflate.end(data)
  })
}

/** The zip-bomb refusal when some part, or the whole, inflates past the limits; null otherwise. */
export async function checkInflation(buffer: Buffer, limits: Pick<WorkbookLimits, "maxUncompressedBytes" | "maxRatio">): Promise<Problem | null> {
  const entries = readZipDirectory(buffer)
  if (!entries) return null // the guard has refused it already
  let total = 0
  const bomb = (): Problem => refuse("file-zip-bomb", { size: mb(total), limit: mb(limits.maxUncompressedBytes) })
  for (const entry of entries) {
    const start = dataStart(buffer, entry)
    if (start === null) continue
    if (entry.method !== 8) {
      total += Math.max(entry.compressedSize, entry.uncompressedSize)
      if (total > limits.maxUncompressedBytes) return bomb()
      continue
    }
    // One part may inflate to the ratio's worth of its compressed bytes (at least the size where the ratio counts),
    // and never past what is left of the total.
    const byRatio = Math.max(BIG_ENTRY_BYTES, limits.maxRatio * Math.max(1, entry.compressedSize))
    const cap = Math.min(byRatio, limits.maxUncompressedBytes - total)
    try {
      total += await inflatedSize(buffer.subarray(start), cap)
    } catch (error) {
      if (!(error instanceof OverCap)) throw error
      total += cap + 1
      return bomb()
    }
  }
  return null
}
