import type { IncomingMessage } from "node:http"
import { ApiError, badRequest } from "./api-error.ts"
import { boundaryOf, parseMultipart } from "./multipart.ts"

/** Raw parameters of one call: JSON values, or strings from a query/form, or uploaded files. */
export type RawParams = Record<string, unknown>

/** Telegram accepts uploads up to 50 MB; a little slack for the other fields. */
const MAX_BODY_BYTES = 50 * 1024 * 1024 + 64 * 1024

export async function readParams(req: IncomingMessage, url: URL): Promise<RawParams> {
  const params: RawParams = Object.fromEntries(url.searchParams)
  const body = await readBody(req)
  if (body.length === 0) return params
  const contentType = req.headers["content-type"] ?? ""
  if (/^application\/json/i.test(contentType)) {
    let parsed: unknown
    try {
      parsed = JSON.parse(body.toString("utf8"))
    } catch {
      throw badRequest("can't parse JSON encoded request")
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
      throw badRequest("can't parse JSON encoded request")
    }
    return { ...params, ...(parsed as RawParams) }
  }
  if (/^application\/x-www-form-urlencoded/i.test(contentType)) {
    return { ...params, ...Object.fromEntries(new URLSearchParams(body.toString("utf8"))) }
  }
  if (/^multipart\/form-data/i.test(contentType)) {
    const boundary = boundaryOf(contentType)
    if (boundary === undefined) throw badRequest("can't parse multipart/form-data request")
    return { ...params, ...resolveAttachments(parseMultipart(body, boundary)) }
  }
  return params
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on("data", (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        reject(new ApiError(413, "Request Entity Too Large"))
        req.resume()
        return
      }
      chunks.push(chunk)
    })
    req.on("end", () => resolve(Buffer.concat(chunks)))
    req.on("error", reject)
  })
}

/**
 * Fields stay strings (nested objects arrive as JSON text); `attach://<id>` values are replaced by the uploaded
 * part named `<id>`, and a file part named like a parameter (`document`) becomes that parameter.
 */
function resolveAttachments(body: ReturnType<typeof parseMultipart>): RawParams {
  const params: RawParams = {}
  const attached = new Set<string>()
  for (const [name, value] of body.fields) {
    const id = /^attach:\/\/(.+)$/.exec(value)?.[1]
    const file = id === undefined ? undefined : body.files.get(id)
    if (id !== undefined && file !== undefined) {
      params[name] = file
      attached.add(id)
    } else {
      params[name] = value
    }
  }
  for (const [name, file] of body.files) {
    if (!attached.has(name) && !(name in params)) params[name] = file
  }
  return params
}
