/**
 * The zip bomb check by what actually inflates (issue 9 #1–2). The guard's check reads the sizes a zip *declares*;
 * a crafted file declares its parts as small as their compressed bytes and then inflates to gigabytes inside exceljs
 * (2.3 GB of RSS and a dead process, or a 2 GB temp file). Here every part is inflated once, chunk by chunk and
 * thrown away, and counted: past the cap of one part or of the whole the file is refused. Memory stays at one zlib
 * window. The reading pass runs beside this count (read.ts; it keeps within the same caps itself, zip-parts.ts), so
 * the extra inflate costs the coordinator no waiting: zlib inflates on its own threads.
 *
 * Two readers see a zip differently, so both views are counted:
 * - exceljs's streaming reader (unzipper) walks the *local* headers from the first byte, one record after the other,
 *   and inflates exactly the compressed bytes each local header declares (or up to its data descriptor) with any
 *   method but «stored». A part present only in a local header, left out of the central directory, is read too.
 * - readers that load the whole file (exceljs `xlsx.load`, i.e. JSZip) follow the central directory; an entry there
 *   whose data the walk did not cover is inflated from its data until its deflate stream ends.
 */
import { createInflateRaw } from "node:zlib"
import { inflatedBomb, inflationCap, readZipDirectory, refuse, type WorkbookLimits } from "./guard.ts"
import type { Problem } from "./problem.ts"

const LOCAL_HEADER = 0x04034b50
const CRX_HEADER = 0x34327243
const DATA_DESCRIPTOR = Buffer.from([0x50, 0x4b, 0x07, 0x08])
const HAS_DATA_DESCRIPTOR = 0x08
const STORED = 0

type Limits = Pick<WorkbookLimits, "maxUncompressedBytes" | "maxRatio">

/** One part's data as a reader meets it. */
interface Part {
  name: string
  /** Where its data starts in the file. */
  start: number
  /** Its compressed bytes as the reader takes them; `undefined`: until the deflate stream ends. */
  length: number | undefined
  inflated: boolean
  /** Met by exceljs's streaming reader (the local walk), not only listed in the central directory. */
  streamed: boolean
}

/** What the check measured: bytes inflated in all (it stops at the first cap crossed) and the refusal, if any. */
export interface InflationMeasure {
  inflated: number
  refusal: Problem | null
}

class OverCap extends Error {}

/** Bytes one part inflates to, and whether its deflate stream is damaged; stops (with OverCap) once past `cap`. */
function inflatedSize(data: Buffer, cap: number): Promise<{ size: number; damaged: boolean }> {
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
    inflate.on("end", () => resolve({ size, damaged: false }))
    inflate.on("error", () => resolve({ size, damaged: true }))
    inflate.end(data)
  })
}

/** The parts unzipper's sequential walk over the local headers yields, in order, as it would read them. */
function localParts(buffer: Buffer): Part[] {
  const parts: Part[] = []
  let at = 0
  while (at + 4 <= buffer.length) {
    const signature = buffer.readUInt32LE(at)
    if (signature === CRX_HEADER) {
      if (at + 16 > buffer.length) break
      at += 16 + buffer.readUInt32LE(at + 8) + buffer.readUInt32LE(at + 12)
      continue
    }
    // The central directory (or anything else) ends the walk: unzipper reads no part after it.
    if (signature !== LOCAL_HEADER || at + 30 > buffer.length) break
    const flags = buffer.readUInt16LE(at + 6)
    const method = buffer.readUInt16LE(at + 8)
    let compressedSize = buffer.readUInt32LE(at + 18)
    const nameLength = buffer.readUInt16LE(at + 26)
    const extraLength = buffer.readUInt16LE(at + 28)
    const name = buffer.toString("utf8", at + 30, Math.min(buffer.length, at + 30 + nameLength))
    if (compressedSize === 0xffffffff) compressedSize = zip64CompressedSize(buffer, at + 30 + nameLength, extraLength)
    const start = at + 30 + nameLength + extraLength
    if (start > buffer.length) break
    const sizeKnown = (flags & HAS_DATA_DESCRIPTOR) === 0 || compressedSize > 0
    if (sizeKnown) {
      parts.push({ name, start, length: Math.min(compressedSize, buffer.length - start), inflated: method !== STORED, streamed: true })
      at = start + compressedSize
    } else {
      const descriptor = buffer.indexOf(DATA_DESCRIPTOR, start)
      const end = descriptor < 0 ? buffer.length : descriptor
      parts.push({ name, start, length: end - start, inflated: method !== STORED, streamed: true })
      if (descriptor < 0) break
      at = descriptor + 16
    }
  }
  return parts
}

/** The compressed size from a local header's Zip64 extra field, read the way unzipper reads it. */
function zip64CompressedSize(buffer: Buffer, from: number, length: number): number {
  for (let at = from; at + 4 <= Math.min(buffer.length, from + length); ) {
    const id = buffer.readUInt16LE(at)
    const size = buffer.readUInt16LE(at + 2)
    if (id === 1 && at + 20 <= buffer.length) return Number(buffer.readBigUInt64LE(at + 12))
    at += 4 + size
  }
  return 0
}

/** Central directory entries whose data the local walk did not cover, inflated until their deflate stream ends. */
function directoryOnlyParts(buffer: Buffer, walked: readonly Part[]): Part[] {
  const entries = readZipDirectory(buffer) ?? []
  const covered = new Map(walked.map((part) => [part.start, part.length ?? Infinity]))
  const parts: Part[] = []
  for (const entry of entries) {
    const at = entry.localOffset
    if (at + 30 > buffer.length || buffer.readUInt32LE(at) !== LOCAL_HEADER) continue
    const start = at + 30 + buffer.readUInt16LE(at + 26) + buffer.readUInt16LE(at + 28)
    if ((covered.get(start) ?? -1) >= entry.compressedSize) continue
    const inflated = entry.method !== STORED
    parts.push({ name: entry.name, start, length: inflated ? undefined : entry.compressedSize, inflated, streamed: false })
  }
  return parts
}

/** Inflates every part a reader could inflate, counting, and stops at the first cap crossed. */
export async function measureInflation(buffer: Buffer, limits: Limits): Promise<InflationMeasure> {
  const walked = localParts(buffer)
  const parts = [...walked, ...directoryOnlyParts(buffer, walked)]
  let total = 0
  for (const part of parts) {
    const data = buffer.subarray(part.start, part.length === undefined ? buffer.length : part.start + part.length)
    if (!part.inflated) {
      total += data.length
      if (total > limits.maxUncompressedBytes) return { inflated: total, refusal: inflatedBomb(part.name, limits.maxUncompressedBytes) }
      continue
    }
    const cap = inflationCap(limits, part.length ?? data.length, total)
    try {
      const { size, damaged } = await inflatedSize(data, cap)
      total += size
      // unzipper, fed the same bytes, would fail the same way — and exceljs then waits for ever for the part's end.
      if (damaged && part.streamed) return { inflated: total, refusal: refuse("file-unreadable") }
    } catch (error) {
      if (!(error instanceof OverCap)) throw error
      total += cap + 1
      return { inflated: total, refusal: inflatedBomb(part.name, cap) }
    }
  }
  return { inflated: total, refusal: null }
}

/**
 * The zip-bomb refusal when some part, or the whole, inflates past the limits; «unreadable» when a part's deflate
 * stream is damaged (exceljs would hang on it: its reader waits for the end of a part whose inflater failed); null
 * otherwise.
 */
export async function checkInflation(buffer: Buffer, limits: Limits): Promise<Problem | null> {
  return (await measureInflation(buffer, limits)).refusal
}
