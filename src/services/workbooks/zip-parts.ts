/**
 * The parts of an XLSX zip, found through its central directory (guard.ts read it already) and inflated from the
 * upload's bytes in memory. Every part inflates within the caps the inflation count applies (inflation.ts): that
 * count runs on zlib's threads while this pass reads, so the pass must never outgrow a cap before the count says no.
 */
import { createInflateRaw, inflateRawSync } from "node:zlib"
import { DEFAULT_LIMITS, inflatedBomb, inflationCap, LimitExceeded, readZipDirectory, type WorkbookLimits, type ZipEntry } from "./guard.ts"

const LOCAL_HEADER = 0x04034b50
const STORED = 0
const DEFLATED = 8
/** Inflated bytes handed on at a time while a sheet streams: large enough that per-chunk work is negligible. */
const CHUNK_BYTES = 1024 * 1024

/** A part's compressed bytes and how they are packed. */
export interface ZipPart {
  name: string
  data: Buffer
  method: number
  /** Shared by the parts of one file: what is left of the whole's limit. */
  budget: InflationBudget
}

/**
 * The inflation caps of inflation.ts: a part may grow to the ratio's worth of its compressed bytes (at least the size
 * where the ratio counts), and never past what is left of the total.
 */
export class InflationBudget {
  private inflated = 0

  constructor(private readonly limits: Pick<WorkbookLimits, "maxUncompressedBytes" | "maxRatio">) {}

  capOf(part: ZipPart): number {
    return inflationCap(this.limits, part.data.length, this.inflated)
  }

  /** Counts a part's inflated bytes; past its cap the file is refused as a zip bomb, naming the part. */
  spend(part: ZipPart, bytes: number, cap: number): void {
    this.inflated += bytes
    if (bytes > cap) throw new LimitExceeded(inflatedBomb(part.name, cap))
  }
}

/** A damaged zip or a part packed a way XLSX never is: the file cannot be read. */
export class UnreadableZip extends Error {}

/** Every part of the zip by name (the central directory's view, as Excel reads a file). */
export function zipParts(buffer: Buffer, limits: Pick<WorkbookLimits, "maxUncompressedBytes" | "maxRatio"> = DEFAULT_LIMITS): Map<string, ZipPart> {
  const entries = readZipDirectory(buffer)
  if (!entries) throw new UnreadableZip("no central directory")
  const budget = new InflationBudget(limits)
  const parts = new Map<string, ZipPart>()
  for (const entry of entries) parts.set(entry.name, { name: entry.name, data: partData(buffer, entry), method: entry.method, budget })
  return parts
}

function partData(buffer: Buffer, entry: ZipEntry): Buffer {
  const at = entry.localOffset
  if (at + 30 > buffer.length || buffer.readUInt32LE(at) !== LOCAL_HEADER) throw new UnreadableZip(`no local header for ${entry.name}`)
  const start = at + 30 + buffer.readUInt16LE(at + 26) + buffer.readUInt16LE(at + 28)
  if (start + entry.compressedSize > buffer.length) throw new UnreadableZip(`${entry.name} is cut short`)
  return buffer.subarray(start, start + entry.compressedSize)
}

/** A small part (workbook, relations, shared strings) inflated at once. */
export function partBytes(part: ZipPart): Buffer {
  const cap = part.budget.capOf(part)
  if (part.method === STORED) {
    part.budget.spend(part, part.data.length, cap)
    return part.data
  }
  if (part.method !== DEFLATED) throw new UnreadableZip(`${part.name} is packed with method ${part.method}`)
  let bytes: Buffer
  try {
    // One byte over the cap is enough to know: zlib stops there instead of inflating a bomb whole.
    bytes = inflateRawSync(part.data, { maxOutputLength: cap + 1 })
  } catch (error) {
    if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") part.budget.spend(part, cap + 1, cap)
    throw new UnreadableZip(`${part.name} does not inflate`)
  }
  part.budget.spend(part, bytes.length, cap)
  return bytes
}

/** A part's inflated bytes a chunk at a time, so a large sheet never sits in memory whole. */
export async function* partChunks(part: ZipPart): AsyncGenerator<Buffer> {
  const cap = part.budget.capOf(part)
  if (part.method === STORED) {
    part.budget.spend(part, part.data.length, cap)
    for (let at = 0; at < part.data.length; at += CHUNK_BYTES) yield part.data.subarray(at, at + CHUNK_BYTES)
    return
  }
  if (part.method !== DEFLATED) throw new UnreadableZip(`${part.name} is packed with method ${part.method}`)
  const inflate = createInflateRaw({ chunkSize: CHUNK_BYTES })
  inflate.end(part.data)
  let inflated = 0
  try {
    for await (const chunk of inflate) {
      inflated += (chunk as Buffer).length
      if (inflated > cap) part.budget.spend(part, inflated, cap)
      yield chunk as Buffer
    }
  } catch (error) {
    if (error instanceof LimitExceeded) throw error
    throw new UnreadableZip(`${part.name} does not inflate`)
  } finally {
    inflate.destroy()
  }
  part.budget.spend(part, inflated, cap)
}
