/**
 * The parts of an XLSX zip, found through its central directory (guard.ts read it already) and inflated from the
 * upload's bytes in memory. Only called after the guard and the inflation count have passed the file, so a part here
 * inflates to no more than the limits allow.
 */
import { createInflateRaw, inflateRawSync } from "node:zlib"
import { readZipDirectory, type ZipEntry } from "./guard.ts"

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
}

/** A damaged zip or a part packed a way XLSX never is: the file cannot be read. */
export class UnreadableZip extends Error {}

/** Every part of the zip by name (the central directory's view, as Excel reads a file). */
export function zipParts(buffer: Buffer): Map<string, ZipPart> {
  const entries = readZipDirectory(buffer)
  if (!entries) throw new UnreadableZip("no central directory")
  const parts = new Map<string, ZipPart>()
  for (const entry of entries) parts.set(entry.name, { name: entry.name, data: partData(buffer, entry), method: entry.method })
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
  if (part.method === STORED) return part.data
  if (part.method !== DEFLATED) throw new UnreadableZip(`${part.name} is packed with method ${part.method}`)
  try {
    return inflateRawSync(part.data)
  } catch {
    throw new UnreadableZip(`${part.name} does not inflate`)
  }
}

/** A part's inflated bytes a chunk at a time, so a large sheet never sits in memory whole. */
export async function* partChunks(part: ZipPart): AsyncGenerator<Buffer> {
  if (part.method === STORED) {
    for (let at = 0; at < part.data.length; at += CHUNK_BYTES) yield part.data.subarray(at, at + CHUNK_BYTES)
    return
  }
  if (part.method !== DEFLATED) throw new UnreadableZip(`${part.name} is packed with method ${part.method}`)
  const inflate = createInflateRaw({ chunkSize: CHUNK_BYTES })
  inflate.end(part.data)
  try {
    for await (const chunk of inflate) yield chunk as Buffer
  } catch {
    throw new UnreadableZip(`${part.name} does not inflate`)
  } finally {
    inflate.destroy()
  }
}
