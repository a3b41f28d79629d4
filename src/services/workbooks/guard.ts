/**
 * Refuse a file before parsing it: too big, not an XLSX (an old .xls, a password-protected workbook,
 * a CSV or other text), a zip bomb, too many sheets. Rows and columns are bounded while streaming
 * (stream.ts) because only the sheet XML knows them.
 *
 * The zip central directory is read here by hand (End Of Central Directory record, then the file headers)
 * so that the declared sizes are known before a single byte is inflated.
 */
import { problem, type Problem } from "./problem.ts"

/** What a workbook may hold before it is refused unread (rows and columns are counted while streaming). */
export interface WorkbookLimits {
  maxBytes: number
  maxUncompressedBytes: number
  /** Compression ratio above which a big entry is treated as a zip bomb. */
  maxRatio: number
  maxSheets: number
  maxRows: number
  maxColumns: number
}

export const DEFAULT_LIMITS: WorkbookLimits = {
  maxBytes: 20 * 1024 * 1024, // the Bot API serves at most 20 MB
  maxUncompressedBytes: 200 * 1024 * 1024, // the largest real export unpacks to 58 MB
  maxRatio: 100, // real sheets compress 10–20 times
  maxSheets: 50,
  maxRows: 200_000,
  maxColumns: 300,
}

/** An entry counts as big (and its ratio matters) from this many unpacked bytes. */
export const BIG_ENTRY_BYTES = 1024 * 1024

export function resolveLimits(limits?: Partial<WorkbookLimits>): WorkbookLimits {
  return { ...DEFAULT_LIMITS, ...limits }
}

/** Thrown by the streaming reader when a sheet outgrows the limits; carries the refusal. */
export class LimitExceeded extends Error {
  constructor(readonly problem: Problem) {
    super(problem.code)
  }
}

export interface ZipEntry {
  name: string
  compressedSize: number
  uncompressedSize: number
  encrypted: boolean
  /** 0 stored, 8 deflated. */
  method: number
  /** Where the entry's local header starts. */
  localOffset: number
}

const EOCD = 0x06054b50
const ZIP64_LOCATOR = 0x07064b50
const ZIP64_EOCD = 0x06064b50
const CENTRAL_HEADER = 0x02014b50
const OLE2_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
/** The stream name Office writes into a password-protected OOXML file (an OLE2 container). */
const ENCRYPTION_INFO = Buffer.from("EncryptionInfo", "utf16le")

/** The entries declared by the zip central directory, or null when the buffer has no readable one. */
export function readZipDirectory(buffer: Buffer): ZipEntry[] | null {
  const eocd = findEocd(buffer)
  if (eocd < 0) return null
  let count = buffer.readUInt16LE(eocd + 10)
  let offset = buffer.readUInt32LE(eocd + 16)
  if (count === 0xffff || offset === 0xffffffff) {
    const zip64 = readZip64(buffer, eocd)
    if (!zip64) return null
    ;({ count, offset } = zip64)
  }
  const entries: ZipEntry[] = []
  for (let i = 0; i < count; i++) {
    if (offset + 46 > buffer.length || buffer.readUInt32LE(offset) !== CENTRAL_HEADER) return null
    const flags = buffer.readUInt16LE(offset + 8)
    const method = buffer.readUInt16LE(offset + 10)
    let localOffset = buffer.readUInt32LE(offset + 42)
    let compressedSize = buffer.readUInt32LE(offset + 20)
    let uncompressedSize = buffer.readUInt32LE(offset + 24)
    const nameLength = buffer.readUInt16LE(offset + 28)
    const extraLength = buffer.readUInt16LE(offset + 30)
    const commentLength = buffer.readUInt16LE(offset + 32)
    const name = buffer.toString("utf8", offset + 46, offset + 46 + nameLength)
    if (uncompressedSize === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) {
      const sizes = zip64Sizes(buffer, offset + 46 + nameLength, extraLength, uncompressedSize, compressedSize, localOffset)
      uncompressedSize = sizes.uncompressed
      compressedSize = sizes.compressed
      localOffset = sizes.offset
    }
    entries.push({ name, compressedSize, uncompressedSize, encrypted: (flags & 1) === 1, method, localOffset })
    offset += 46 + nameLength + extraLength + commentLength
  }
  return entries
}

function findEocd(buffer: Buffer): number {
  const stop = Math.max(0, buffer.length - 22 - 0xffff)
  for (let at = buffer.length - 22; at >= stop; at--) {
    if (buffer.readUInt32LE(at) === EOCD) return at
  }
  return -1
}

function readZip64(buffer: Buffer, eocd: number): { count: number; offset: number } | null {
  const locator = eocd - 20
  if (locator < 0 || buffer.readUInt32LE(locator) !== ZIP64_LOCATOR) return null
  const record = Number(buffer.readBigUInt64LE(locator + 8))
  if (record + 56 > buffer.length || buffer.readUInt32LE(record) !== ZIP64_EOCD) return null
  return { count: Number(buffer.readBigUInt64LE(record + 32)), offset: Number(buffer.readBigUInt64LE(record + 48)) }
}

/** Sizes from the Zip64 extra field (id 1): uncompressed, compressed, local header offset, each only when needed. */
function zip64Sizes(buffer: Buffer, start: number, length: number, uncompressed: number, compressed: number, offset: number) {
  const sizes = { uncompressed, compressed, offset }
  for (let at = start; at + 4 <= start + length; ) {
    const id = buffer.readUInt16LE(at)
    const size = buffer.readUInt16LE(at + 2)
    if (id === 1) {
      let field = at + 4
      if (uncompressed === 0xffffffff) {
        sizes.uncompressed = Number(buffer.readBigUInt64LE(field))
        field += 8
      }
      if (compressed === 0xffffffff) {
        sizes.compressed = Number(buffer.readBigUInt64LE(field))
        field += 8
      }
      if (offset === 0xffffffff) sizes.offset = Number(buffer.readBigUInt64LE(field))
      break
    }
    at += 4 + size
  }
  return sizes
}

function looksLikeText(buffer: Buffer): boolean {
  if (buffer.length >= 2 && ((buffer[0] === 0xff && buffer[1] === 0xfe) || (buffer[0] === 0xfe && buffer[1] === 0xff))) return true
  const head = buffer.subarray(0, 8192)
  return head.length > 0 && !head.includes(0)
}

export function refuse(code: Parameters<typeof problem>[1], params: Record<string, string | number> = {}): Problem {
  return problem("error", code, "", params)
}

/** The reason to refuse the workbook, or null when it may be parsed. */
export function guardWorkbook(buffer: Buffer, limits: WorkbookLimits = DEFAULT_LIMITS): Problem | null {
  if (buffer.length > limits.maxBytes) {
    return refuse("file-too-large", { size: mb(buffer.length), limit: mb(limits.maxBytes) })
  }
  if (buffer.subarray(0, 8).equals(OLE2_MAGIC)) {
    return buffer.includes(ENCRYPTION_INFO) ? refuse("file-encrypted") : refuse("file-xls")
  }
  const isZip = buffer.length >= 4 && buffer[0] === 0x50 && buffer[1] === 0x4b && (buffer[2] === 3 || buffer[2] === 5)
  if (!isZip) return looksLikeText(buffer) ? refuse("file-text") : refuse("file-not-xlsx")
  const entries = readZipDirectory(buffer)
  if (!entries) return refuse("file-not-xlsx")
  if (entries.some((entry) => entry.encrypted)) return refuse("file-encrypted")
  if (!entries.some((entry) => entry.name === "xl/workbook.xml")) return refuse("file-not-xlsx")
  const unpacked = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0)
  const bomb = entries.find(
    (entry) => entry.uncompressedSize >= BIG_ENTRY_BYTES && entry.uncompressedSize > limits.maxRatio * Math.max(1, entry.compressedSize),
  )
  if (unpacked > limits.maxUncompressedBytes || bomb) {
    return refuse("file-zip-bomb", { size: mb(unpacked), limit: mb(limits.maxUncompressedBytes) })
  }
  const sheets = entries.filter((entry) => /^xl\/worksheets\/[^/]+\.xml$/u.test(entry.name)).length
  if (sheets > limits.maxSheets) return refuse("file-too-many-sheets", { sheets, limit: limits.maxSheets })
  return null
}

/**
 * How far one part may actually inflate: the ratio's worth of its compressed bytes (at least the size where the ratio
 * counts), and never past what is left of the whole's limit. The same caps for the count (inflation.ts) and the
 * reading pass (zip-parts.ts).
 */
export function inflationCap(limits: Pick<WorkbookLimits, "maxUncompressedBytes" | "maxRatio">, compressedBytes: number, inflatedBefore: number): number {
  const byRatio = Math.max(BIG_ENTRY_BYTES, limits.maxRatio * Math.max(1, compressedBytes))
  return Math.max(0, Math.min(byRatio, limits.maxUncompressedBytes - inflatedBefore))
}

/** The refusal naming the part that outgrew its cap: inflation was stopped there, so the true size is unknown. */
export function inflatedBomb(part: string, cap: number): Problem {
  return refuse("file-zip-bomb-inflated", { part, size: Math.max(0.1, mb(cap)) })
}

/** Megabytes with one decimal, for messages. */
export function mb(bytes: number): number {
  return Math.round((bytes / (1024 * 1024)) * 10) / 10
}
