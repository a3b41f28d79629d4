import { randomBytes } from "node:crypto"
import path from "node:path"

export type FileKind = "document" | "photo"

export interface StoredFile {
  readonly fileId: string
  readonly uniqueId: string
  /** Relative, as Telegram returns it from getFile: `documents/file_3.xlsx`. */
  readonly path: string
  readonly kind: FileKind
  readonly bytes: Buffer
  readonly fileName: string | undefined
  readonly mimeType: string | undefined
}

/** Files users sent and the bot uploaded; getFile and the download URL read from here. */
export class FileStore {
  private readonly byId = new Map<string, StoredFile>()
  private readonly byPath = new Map<string, StoredFile>()
  private counter = 0

  add(kind: FileKind, bytes: Buffer, fileName?: string, mimeType?: string): StoredFile {
    this.counter++
    const extension = kind === "photo" ? ".jpg" : path.extname(fileName ?? "").toLowerCase()
    const prefix = kind === "photo" ? "AgACAgIAAxkBAAI" : "BQACAgIAAxkBAAI"
    const file: StoredFile = {
      fileId: `${prefix}${this.counter}${randomBytes(12).toString("base64url")}`,
      uniqueId: `AgAD${this.counter}${randomBytes(3).toString("base64url")}`,
      path: `${kind === "photo" ? "photos" : "documents"}/file_${this.counter}${extension}`,
      kind,
      bytes,
      fileName,
      mimeType: mimeType ?? (fileName === undefined ? undefined : mimeTypeOf(fileName)),
    }
    this.byId.set(file.fileId, file)
    this.byPath.set(file.path, file)
    return file
  }

  /** A second file_id for the same bytes (Telegram gives each photo size its own id). */
  alias(file: StoredFile): StoredFile {
    this.counter++
    const copy: StoredFile = { ...file, fileId: `${file.fileId.slice(0, 15)}${this.counter}${randomBytes(12).toString("base64url")}` }
    this.byId.set(copy.fileId, copy)
    return copy
  }

  get(fileId: string): StoredFile | undefined {
    return this.byId.get(fileId)
  }

  atPath(filePath: string): StoredFile | undefined {
    return this.byPath.get(filePath)
  }
}

const MIME_TYPES: Readonly<Record<string, string>> = {
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".xls": "application/vnd.ms-excel",
  ".csv": "text/csv",
  ".pdf": "application/pdf",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".txt": "text/plain",
  ".zip": "application/zip",
  ".json": "application/json",
  ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}

/** Telegram derives the MIME type from the file name, not from the upload's content-type. */
export function mimeTypeOf(fileName: string): string {
  return MIME_TYPES[path.extname(fileName).toLowerCase()] ?? "application/octet-stream"
}

/** Width and height of a PNG, JPEG or GIF; `undefined` when the bytes are no image Telegram could process. */
export function imageSize(bytes: Buffer): { width: number; height: number } | undefined {
  if (bytes.length >= 24 && bytes.readUInt32BE(0) === 0x89504e47) {
    return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
  }
  if (bytes.length >= 10 && bytes.subarray(0, 3).toString("latin1") === "GIF") {
    return { width: bytes.readUInt16LE(6), height: bytes.readUInt16LE(8) }
  }
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8) return jpegSize(bytes)
  return undefined
}

function jpegSize(bytes: Buffer): { width: number; height: number } | undefined {
  let offset = 2
  while (offset + 9 < bytes.length) {
    if (bytes[offset] !== 0xff) return undefined
    const marker = bytes[offset + 1] as number
    const length = bytes.readUInt16BE(offset + 2)
    // SOF0..SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: bytes.readUInt16BE(offset + 5), width: bytes.readUInt16BE(offset + 7) }
    }
    offset += 2 + length
  }
  return undefined
}
