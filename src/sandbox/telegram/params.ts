import { badRequest } from "./api-error.ts"
import type { UploadedFile } from "./multipart.ts"
import type { RawParams } from "./request-body.ts"

/**
 * Typed access to call parameters. Values may be native JSON (application/json) or strings (query, urlencoded,
 * multipart) — Telegram accepts both, so every accessor coerces the string form too.
 */
export class Params {
  constructor(readonly raw: RawParams) {}

  has(name: string): boolean {
    const value = this.raw[name]
    return value !== undefined && value !== null
  }

  string(name: string): string | undefined {
    const value = this.raw[name]
    if (typeof value === "string") return value
    if (typeof value === "number" || typeof value === "boolean") return String(value)
    return undefined
  }

  requiredString(name: string): string {
    const value = this.string(name)
    if (value === undefined || value === "") throw badRequest(`parameter "${name}" is required`)
    return value
  }

  integer(name: string): number | undefined {
    const value = this.raw[name]
    if (value === undefined || value === null || value === "") return undefined
    const number = typeof value === "number" ? value : typeof value === "string" ? Number(value.trim()) : NaN
    if (!Number.isInteger(number)) throw badRequest(`field "${name}" must be a valid Number`)
    return number
  }

  requiredInteger(name: string): number {
    const value = this.integer(name)
    if (value === undefined) throw badRequest(`${name} is empty`)
    return value
  }

  boolean(name: string): boolean {
    const value = this.raw[name]
    return value === true || value === "true" || value === "True" || value === "1" || value === 1
  }

  /** A JSON object or array, given natively or as JSON text (as multipart and urlencoded bodies carry it). */
  json(name: string, parseError: string): unknown {
    const value = this.raw[name]
    if (value === undefined || value === null || value === "") return undefined
    if (typeof value !== "string") return value
    try {
      return JSON.parse(value)
    } catch {
      throw badRequest(parseError)
    }
  }

  /** An uploaded file, or a string (file_id or URL). */
  file(name: string): UploadedFile | string | undefined {
    const value = this.raw[name]
    if (isUpload(value)) return value
    return typeof value === "string" && value !== "" ? value : undefined
  }

  /** `chat_id`: an integer, or `@username` of a public chat. */
  chatId(name = "chat_id"): number | string {
    const value = this.raw[name]
    if (value === undefined || value === null || value === "") throw badRequest(`${name} is empty`)
    if (typeof value === "number") return value
    const text = String(value).trim()
    if (/^-?\d+$/.test(text)) return Number(text)
    return text
  }
}

export function isUpload(value: unknown): value is UploadedFile {
  return typeof value === "object" && value !== null && (value as { kind?: unknown }).kind === "upload"
}
