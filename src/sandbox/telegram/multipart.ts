/**
 * A lenient multipart/form-data parser.
 *
 * grammY writes `content-disposition:form-data;name="<id>";filename=<name>` with the filename UNQUOTED, possibly
 * Cyrillic and possibly containing spaces or semicolons (it is always the last parameter). Node's
 * `Request.formData()` rejects that, Telegram accepts it — so we parse by hand and take an unquoted filename up to
 * the end of the header line.
 */

export interface UploadedFile {
  readonly kind: "upload"
  readonly fileName: string
  readonly contentType: string | undefined
  readonly bytes: Buffer
}

export interface MultipartBody {
  readonly fields: Map<string, string>
  readonly files: Map<string, UploadedFile>
}

export function boundaryOf(contentType: string): string | undefined {
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType)
  return match?.[1] ?? match?.[2]
}

export function parseMultipart(body: Buffer, boundary: string): MultipartBody {
  const fields = new Map<string, string>()
  const files = new Map<string, UploadedFile>()
  const delimiter = Buffer.from(`--${boundary}`)
  let start = body.indexOf(delimiter)
  while (start !== -1) {
    let partStart = start + delimiter.length
    if (body.subarray(partStart, partStart + 2).toString() === "--") break // closing delimiter
    partStart = skipLineBreak(body, partStart)
    const next = body.indexOf(delimiter, partStart)
    if (next === -1) break
    // The part ends before the CRLF that precedes the next delimiter.
    let partEnd = next
    if (body[partEnd - 1] === 0x0a) partEnd--
    if (body[partEnd - 1] === 0x0d) partEnd--
    addPart(body.subarray(partStart, partEnd), fields, files)
    start = next
  }
  return { fields, files }
}

function skipLineBreak(body: Buffer, at: number): number {
  if (body[at] === 0x0d) at++
  if (body[at] === 0x0a) at++
  return at
}

function addPart(part: Buffer, fields: Map<string, string>, files: Map<string, UploadedFile>): void {
  let headerEnd = part.indexOf("\r\n\r\n")
  let bodyStart = headerEnd + 4
  if (headerEnd === -1) {
    headerEnd = part.indexOf("\n\n")
    bodyStart = headerEnd + 2
  }
  if (headerEnd === -1) return
  const headers = parseHeaders(part.subarray(0, headerEnd).toString("utf8"))
  const disposition = headers.get("content-disposition")
  if (disposition === undefined) return
  const name = dispositionParameter(disposition, "name")
  if (name === undefined) return
  const content = part.subarray(bodyStart)
  const fileName = fileNameOf(disposition)
  if (fileName === undefined) {
    fields.set(name, content.toString("utf8"))
  } else {
    files.set(name, { kind: "upload", fileName, contentType: headers.get("content-type"), bytes: Buffer.from(content) })
  }
}

function parseHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>()
  for (const line of block.split(/\r?\n/)) {
    const colon = line.indexOf(":")
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim())
  }
  return headers
}

/** `name="x"` or `name=x` (token up to `;`). */
function dispositionParameter(disposition: string, parameter: string): string | undefined {
  const match = new RegExp(`(?:^|;)\\s*${parameter}\\s*=\\s*(?:"((?:[^"\\\\]|\\\\.)*)"|([^;]*))`, "i").exec(disposition)
  if (!match) return undefined
  return match[1] !== undefined ? match[1].replace(/\\(.)/g, "$1") : match[2]?.trim()
}

function fileNameOf(disposition: string): string | undefined {
  const extended = /(?:^|;)\s*filename\*\s*=\s*([^']*)'[^']*'([^;]*)/i.exec(disposition)
  if (extended?.[2] !== undefined) return decodeURIComponent(extended[2].trim())
  const match = /(?:^|;)\s*filename\s*=\s*(.*)$/i.exec(disposition)
  if (!match?.[1]) return match ? "" : undefined
  const raw = match[1].trim()
  if (raw.startsWith('"')) {
    const quoted = /^"((?:[^"\\]|\\.)*)"/.exec(raw)
    return quoted?.[1] !== undefined ? quoted[1].replace(/\\(.)/g, "$1") : raw.slice(1)
  }
  return raw // unquoted, as grammY writes it: everything to the end of the line
}
